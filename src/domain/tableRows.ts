import type { ObservationIndex } from './observationIndex'
import { comparePeriods, parsePeriod, type Period } from './period'
import type { RegionTree } from './regions'
import type { Observation } from './types'

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

/** Observations in the selection, by metric (in `metricsWithData` order), region code and period; read from the index, not by scanning every row. */
export function selectObservations(index: ObservationIndex, selection: TableSelection, tree: RegionTree): Observation[] {
  const inRegions = regionFilter(selection.regions, tree)
  const range = { from: selection.from ?? undefined, to: selection.to ?? undefined }
  const metrics = selection.metric ? [selection.metric] : index.metricsWithData()
  return metrics.flatMap((metric) => index.series(metric, index.regionsWithData(metric).filter(inRegions), range).flatMap((s) => s.points))
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

/** A sorted copy: regions by code (never pinyin), periods in time order, values numerically; ties keep metric, region, period order. */
export function sortObservations(rows: readonly Observation[], sort: TableSort, ctx: SortContext): Observation[] {
  const periods = new Map<string, Period>()
  const period = (text: string) => {
    let p = periods.get(text)
    if (!p) periods.set(text, (p = parsePeriod(text) ?? { text, kind: 'year', start: 0, end: 0 }))
    return p
  }
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  const by: Record<SortKey, (a: Observation, b: Observation) => number> = {
    metric: (a, b) => ctx.metricOrder(a.metric) - ctx.metricOrder(b.metric) || text(a.metric, b.metric),
    region: (a, b) => text(a.region, b.region),
    period: (a, b) => comparePeriods(period(a.period), period(b.period)),
    value: (a, b) => a.value - b.value,
    unit: (a, b) => text(ctx.unit(a.metric), ctx.unit(b.metric)),
    source: (a, b) => text(ctx.sourceTitle(a.source), ctx.sourceTitle(b.source)),
  }
  const sign = sort.dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => sign * by[sort.key](a, b) || by.metric(a, b) || by.region(a, b) || by.period(a, b))
}
