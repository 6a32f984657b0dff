/**
 * Province scale, beyond the 1 M goals: load, memory and the views' query at 10 M observations (20 metrics,
 * 4,170 counties, 120 months). Not part of `npm run bench`: generating the synthetic package alone needs some 6 GB.
 * Run directly: NODE_OPTIONS=--max-old-space-size=16000 npx tsx tests/bench/province.bench.ts [SIZE]
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ObservationIndex } from '../../src/domain/observationIndex'
import { RegionTree } from '../../src/domain/regions'
import { benchLoad, type LoadBench } from './load.bench'
import { benchFilters } from './query.bench'
import { round, summarize } from './stats'
import { benchData } from './synthetic'
import { viewsFromIndex } from './views'

/** Load figures (one load) and the views' query over 300 filter changes; times in ms. */
export function benchProvince(size = 10_000_000): { load: LoadBench; query: { median: number; p95: number } } {
  const load = benchLoad(size, 1)
  const data = benchData(size)
  const index = new ObservationIndex(data.observations, data.metrics)
  const tree = new RegionTree(data.regions)
  const times = benchFilters(data, 300).map((f) => {
    const t0 = performance.now()
    viewsFromIndex(index, tree, data.city, f)
    return performance.now() - t0
  })
  const q = summarize(times)
  return { load, query: { median: round(q.median, 2), p95: round(q.p95, 2) } }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(benchProvince(process.argv[2] ? Number(process.argv[2]) : undefined)))
}
