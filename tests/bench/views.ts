/**
 * What one filter change asks of the data, view by view: the trend's series, the compare bars and the map's
 * colours at the latest period in range, the KPI cards (latest figure per region, the city's roll-up).
 * Written twice, over our index and over arquero, so the two answer the same questions.
 */
import * as aq from 'arquero'
import type { ObservationIndex } from '../../src/domain/observationIndex'
import type { RegionTree } from '../../src/domain/regions'
import { shownRegions } from '../../src/domain/selection'
import type { Metric } from '../../src/domain/types'

/** One filter state: a county set, a metric, a month range. */
export interface BenchFilter {
  metric: string
  regions: string[]
  from: string
  to: string
}

/** What the views draw; sizes only, so both implementations can be checked against each other. */
export interface ViewsAnswer {
  trendPoints: number
  period: string | null
  compare: number
  map: number
  kpis: number
  cityValue: number | null
}

/** Our path: the observation index, as the views' composables call it. */
export function viewsFromIndex(index: ObservationIndex, tree: RegionTree, city: string, f: BenchFilter): ViewsAnswer {
  const shown = shownRegions(f.regions, index.regionsWithData(f.metric), tree)
  const trend = index.series(f.metric, shown, { from: f.from, to: f.to })
  let period: string | null = null
  for (const s of trend) {
    const last = s.points[s.points.length - 1]?.period
    // Synthetic periods are months, so text order is time order.
    if (last && (period === null || last > period)) period = last
  }
  const compare = period ? index.snapshot(f.metric, period, shown) : new Map()
  const counties = tree.children(city).map((r) => r.code)
  const map = period ? index.snapshot(f.metric, period, counties) : new Map()
  const kpis = shown.map((r) => index.latest(f.metric, r)).filter(Boolean)
  const rollup = period ? index.rollup(f.metric, city, period, tree) : undefined
  return {
    trendPoints: trend.reduce((n, s) => n + s.points.length, 0),
    period,
    compare: [...compare.values()].reduce((n, l) => n + l.length, 0),
    map: [...map.values()].reduce((n, l) => n + l.length, 0),
    kpis: kpis.length,
    cityValue: rollup ? Math.round(rollup.value * 1000) / 1000 : null,
  }
}

type Table = ReturnType<typeof aq.table>
/** A row as arquero's expressions see it (they are compiled from source, so only these fields are read). */
type Row = { metric: string; region: string; period: string; value: number }
/** The parameters bound with `params`. */
type Bound = { m: string; s: string[]; from: string; to: string; p: string; c: string[]; ids: string[] }

/** The same questions in arquero 8 over one long table (metric, region, period, value, qualifier). */
export function viewsFromArquero(t: Table, metrics: Map<string, Metric>, counties: string[], f: BenchFilter): ViewsAnswer {
  const p = { m: f.metric, s: f.regions, from: f.from, to: f.to }
  const trend = t
    .params(p)
    .filter((d: Row, $: Bound) => d.metric === $.m && aq.op.includes($.s, d.region) && d.period >= $.from && d.period <= $.to)
    .orderby('region', 'period')
    .objects() as { period: string }[]
  let period: string | null = null
  for (const row of trend) if (period === null || row.period > period) period = row.period
  const at = { ...p, p: period, c: counties }
  const compare = t.params(at).filter((d: Row, $: Bound) => d.metric === $.m && d.period === $.p && aq.op.includes($.s, d.region)).objects()
  const map = t.params(at).filter((d: Row, $: Bound) => d.metric === $.m && d.period === $.p && aq.op.includes($.c, d.region)).objects()
  const kpis = t
    .params(p)
    .filter((d: Row, $: Bound) => d.metric === $.m && aq.op.includes($.s, d.region))
    .groupby('region')
    .filter((d: Row) => d.period === aq.op.max(d.period))
    .objects()
  return { trendPoints: trend.length, period, compare: compare.length, map: map.length, kpis: kpis.length, cityValue: period ? arqueroRollup(t, metrics.get(f.metric)!, counties, period) : null }
}

function arqueroRollup(t: Table, m: Metric, counties: string[], period: string): number | null {
  const ids = m.aggregate.kind === 'ratio' ? [m.aggregate.numerator, m.aggregate.denominator] : [m.id]
  if (m.aggregate.kind === 'none' || (m.aggregate.kind === 'sum' && m.kind !== 'count')) return null
  const sums = t
    .params({ ids, p: period, c: counties })
    .filter((d: Row, $: Bound) => d.period === $.p && aq.op.includes($.ids, d.metric) && aq.op.includes($.c, d.region))
    .groupby('metric')
    .rollup({ v: aq.op.sum('value') })
    .objects() as { metric: string; v: number }[]
  const sum = (id: string) => sums.find((s) => s.metric === id)?.v ?? 0
  const value = m.aggregate.kind === 'ratio' ? (100 * sum(ids[0])) / sum(ids[1]) : sum(m.id)
  return Math.round(value * 1000) / 1000
}
