/**
 * Query latency: one filter change → the data of trend, compare, map and KPI cards, over synthetic packages
 * of 10 k, 100 k and 1 M observations; the same questions asked of arquero 8 in the same run.
 * Run directly: npx tsx tests/bench/query.bench.ts
 */
import * as aq from 'arquero'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ObservationIndex } from '../../src/domain/observationIndex'
import { RegionTree } from '../../src/domain/regions'
import { mulberry32 } from '../../src/domain/synthesize'
import { benchData, PERIODS, type BenchData } from './synthetic'
import { round, summarize } from './stats'
import { viewsFromArquero, viewsFromIndex, type BenchFilter } from './views'

/** Figures for one package size; times in ms. */
export interface QueryBench {
  size: number
  build_ms: number
  ours: { median: number; p95: number }
  arquero: { median: number; p95: number }
  /** arquero median / ours median. */
  ratio: number
}

/** Seeded filter changes: 1–8 counties, any metric, a range of 12–60 months. */
export function benchFilters(data: BenchData, count: number, seed = 11): BenchFilter[] {
  const random = mulberry32(seed)
  const months = [...new Set(data.observations.slice(0, PERIODS).map((o) => o.period))]
  return Array.from({ length: count }, () => {
    const n = 1 + Math.floor(random() * Math.min(8, data.counties.length))
    const regions = [...new Set(Array.from({ length: n }, () => data.counties[Math.floor(random() * data.counties.length)]))].sort()
    const span = 12 + Math.floor(random() * 49)
    const start = Math.floor(random() * (months.length - span))
    return { metric: data.metrics[Math.floor(random() * data.metrics.length)].id, regions, from: months[start], to: months[start + span - 1] }
  })
}

function time(run: () => unknown, times: number[]): void {
  const t0 = performance.now()
  run()
  times.push(performance.now() - t0)
}

/** Measures one size: index build, then `ourRuns` and `arqueroRuns` filter changes (after a warm-up). */
export function benchQuerySize(size: number, ourRuns = 300, arqueroRuns = 30): QueryBench {
  const data = benchData(size)
  const t0 = performance.now()
  const index = new ObservationIndex(data.observations, data.metrics)
  const build = performance.now() - t0
  const tree = new RegionTree(data.regions)
  const table = aq.table({
    metric: data.observations.map((o) => o.metric),
    region: data.observations.map((o) => o.region),
    period: data.observations.map((o) => o.period),
    value: Float64Array.from(data.observations, (o) => o.value),
    qualifier: data.observations.map((o) => o.qualifier),
  })
  const metrics = new Map(data.metrics.map((m) => [m.id, m]))
  const filters = benchFilters(data, Math.max(ourRuns, arqueroRuns))
  // Both must answer alike, or the comparison means nothing.
  for (const f of filters.slice(0, 3)) {
    const a = JSON.stringify(viewsFromIndex(index, tree, data.city, f))
    const b = JSON.stringify(viewsFromArquero(table, metrics, data.counties, f))
    if (a !== b) throw new Error(`answers differ for ${JSON.stringify(f)}: ours ${a}, arquero ${b}`)
  }
  const ours: number[] = []
  for (const f of filters.slice(0, ourRuns)) time(() => viewsFromIndex(index, tree, data.city, f), ours)
  const theirs: number[] = []
  for (const f of filters.slice(0, arqueroRuns)) time(() => viewsFromArquero(table, metrics, data.counties, f), theirs)
  const o = summarize(ours)
  const a = summarize(theirs)
  return {
    size: data.observations.length,
    build_ms: round(build, 1),
    ours: { median: round(o.median, 3), p95: round(o.p95, 3) },
    arquero: { median: round(a.median, 2), p95: round(a.p95, 2) },
    ratio: round(a.median / o.median, 1),
  }
}

/** All three sizes. */
export function benchQuery(sizes = [10_000, 100_000, 1_000_000]): QueryBench[] {
  return sizes.map((size) => benchQuerySize(size))
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const r of benchQuery()) console.log(JSON.stringify(r))
}
