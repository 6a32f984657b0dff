import { compareText, type ObservationIndex } from './observationIndex'
import type { RegionTree } from './regions'

/** A column the data table sorts by. */
export type SortKey = 'metric' | 'region' | 'period' | 'value' | 'unit' | 'source'

/** The table's sort: a column and a direction. */
export interface TableSort {
  key: SortKey
  dir: 'asc' | 'desc'
}

/** What the table shows: the selected regions (a region includes its descendants; none means all), a period range, optionally one metric. */
export interface TableSelection {
  regions: readonly string[]
  from: string | null
  to: string | null
  metric: string | null
}

/**
 * Row ids (of `index`) of the figures in the selection, by metric (in `metricsWithData` order), region code and
 * period: read from the index, not by scanning every row, and not made into objects until a page shows them.
 */
export function selectRows(index: ObservationIndex, selection: TableSelection, tree: RegionTree): Int32Array {
  const inRegions = regionFilter(selection.regions, tree)
  const range = { from: selection.from ?? undefined, to: selection.to ?? undefined }
  const metrics = selection.metric ? [selection.metric] : index.metricsWithData()
  const parts = metrics.map((metric) => index.rowIds(metric, index.regionsWithData(metric).filter(inRegions), range))
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0))
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0)
  return out
}

function regionFilter(selected: readonly string[], tree: RegionTree): (code: string) => boolean {
  if (selected.length === 0) return () => true
  const codes = new Set(selected)
  for (const code of selected) for (const r of tree.descendants(code)) codes.add(r.code)
  return (code) => codes.has(code)
}

/** How to order the text columns: metrics in catalogue order, sources by title, units as text. */
export interface SortContext {
  metricOrder: (id: string) => number
  unit: (metric: string) => string
  sourceTitle: (id: string) => string
}

/**
 * The row ids sorted: regions by code (never pinyin), periods in time order, values numerically, metrics in
 * catalogue order, units and sources by text; ties keep the selection's metric, region, period order.
 */
export function sortRows(index: ObservationIndex, ids: Int32Array, sort: TableSort, ctx: SortContext): Int32Array {
  const keys: Record<SortKey, () => Float64Array> = {
    metric: () => index.sortKey(ids, 'metric', (a, b) => ctx.metricOrder(a) - ctx.metricOrder(b) || compareText(a, b)),
    region: () => index.sortKey(ids, 'region'),
    period: () => index.sortKey(ids, 'period'),
    value: () => index.sortKey(ids, 'value'),
    unit: () => index.sortKey(ids, 'metric', (a, b) => compareText(ctx.unit(a), ctx.unit(b))),
    source: () => index.sortKey(ids, 'source', (a, b) => compareText(ctx.sourceTitle(a), ctx.sourceTitle(b))),
  }
  const order = orderOf(keys[sort.key](), sort.dir === 'desc')
  if (!order) return ids
  const out = new Int32Array(order.length)
  for (let k = 0; k < order.length; k++) out[k] = ids[order[k]]
  return out
}

/**
 * Positions 0…n-1 ordered by `key` (descending if asked), equal keys in position order, by one native sort of
 * numbers; null when they already are in that order.
 */
function orderOf(key: Float64Array, descending: boolean): Int32Array | null {
  const n = key.length
  let sorted = !descending
  for (let i = 1; i < n && sorted; i++) sorted = key[i - 1] <= key[i]
  // The selection usually arrives in the order asked for first (by metric): nothing to do then.
  if (sorted) return null
  const distinct = new Float64Array(new Set(key)).sort()
  const rank = new Map<number, number>()
  for (let k = 0; k < distinct.length; k++) rank.set(distinct[k], descending ? distinct.length - 1 - k : k)
  // rank × n + position stays below 2^53 for any table this app holds, so one number carries both.
  const packed = new Float64Array(n)
  for (let i = 0; i < n; i++) packed[i] = rank.get(key[i])! * n + i
  packed.sort()
  const out = new Int32Array(n)
  for (let i = 0; i < n; i++) out[i] = packed[i] % n
  return out
}
