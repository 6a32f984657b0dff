/** Seeded synthetic packages for the benchmarks: a city, N counties, 20 metrics, 120 months. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { metric, synthesizeObservations, synthesizeRegions, syntheticCityCode, SYNTHETIC_SOURCE } from '../../src/domain/synthesize'
import type { RawPackage } from '../../src/data/validate'
import type { Metric, Observation, Region } from '../../src/domain/types'

export const PERIODS = 120
const GROUPS = 5

/** 20 metrics: five groups of the synthesizer's four kinds (two counts, their coverage rate, a monthly flow). */
export const BENCH_METRICS: Metric[] = Array.from({ length: GROUPS }, (_, g) => [
  metric(`org_count_${g}`, { name: `社会组织数量${g}`, unit: '家' }),
  metric(`party_orgs_${g}`, { name: `已建党组织的社会组织数${g}`, unit: '家' }),
  metric(`party_coverage_${g}`, {
    name: `党组织覆盖率${g}`,
    unit: '%',
    kind: 'rate',
    aggregate: { kind: 'ratio', numerator: `party_orgs_${g}`, denominator: `org_count_${g}` },
    target: 100,
  }),
  metric(`service_events_${g}`, { name: `志愿服务活动次数${g}`, unit: '次', temporal: 'flow' }),
]).flat()

/** A synthetic dataset of about `size` observations. */
export interface BenchData {
  regions: Region[]
  metrics: Metric[]
  observations: Observation[]
  city: string
  counties: string[]
}

/** About `size` observations: counties = size / (20 metrics × 120 months). */
export function benchData(size: number, seed = 7): BenchData {
  const count = Math.max(1, Math.round(size / (BENCH_METRICS.length * PERIODS)))
  const regions = synthesizeRegions(count)
  const observations = synthesizeObservations({ regions: count, periods: PERIODS, metrics: BENCH_METRICS, seed, start: '2016-01' })
  return { regions, metrics: BENCH_METRICS, observations, city: syntheticCityCode(count), counties: regions.slice(1).map((r) => r.code) }
}

const DESCRIPTOR = readFileSync(resolve(import.meta.dirname, '../../data/datapackage.json'), 'utf8')

/** The dataset written as a data package (CSV text), as an office would put it on its server. */
export function benchPackage(data: BenchData): RawPackage {
  const lines = new Array<string>(data.observations.length)
  data.observations.forEach((o, i) => (lines[i] = observationLine(o)))
  return withObservations(data, [OBSERVATIONS_HEADER, ...lines].join('\n') + '\n')
}

/**
 * The same package with observations.csv as UTF-8 bytes, written a block of rows at a time: it never becomes one
 * string, so it may be longer than a string can be (536,870,888 characters), as the load worker reads it.
 */
export function benchPackageBytes(data: BenchData): RawPackage {
  const encoder = new TextEncoder()
  const blocks: Uint8Array[] = [encoder.encode(OBSERVATIONS_HEADER + '\n')]
  for (let i = 0; i < data.observations.length; i += 100_000) {
    blocks.push(encoder.encode(data.observations.slice(i, i + 100_000).map((o) => observationLine(o) + '\n').join('')))
  }
  const bytes = new Uint8Array(blocks.reduce((sum, b) => sum + b.length, 0))
  let at = 0
  for (const block of blocks) {
    bytes.set(block, at)
    at += block.length
  }
  return withObservations(data, bytes)
}

const OBSERVATIONS_HEADER = 'metric,region,period,value,qualifier,source,quote'
const observationLine = (o: Observation) => `${o.metric},${o.region},${o.period},${o.value},${o.qualifier},${o.source},`

/** The package's other tables around an observations.csv. */
function withObservations(data: BenchData, observations: string | Uint8Array): RawPackage {
  const regions = ['code,name,level,parent,aliases', ...data.regions.map((r) => [r.code, r.name, r.level, r.parent ?? '', r.aliases.join('|')].join(','))]
  const metrics = [
    'id,name,name_en,unit,kind,temporal,aggregate,category,definition,aliases,target',
    ...data.metrics.map((m) => {
      const aggregate = m.aggregate.kind === 'ratio' ? `ratio:${m.aggregate.numerator}/${m.aggregate.denominator}` : m.aggregate.kind
      return [m.id, m.name, m.nameEn, m.unit, m.kind, m.temporal, aggregate, m.category, '', '', m.target ?? ''].join(',')
    }),
  ]
  const sources = ['id,title,publication,date,author,file,url,note', `${SYNTHETIC_SOURCE},合成数据,,2026-01,,,,`]
  const csv = (rows: string[]) => rows.join('\n') + '\n'
  return {
    descriptor: DESCRIPTOR,
    tables: { 'regions.csv': csv(regions), 'metrics.csv': csv(metrics), 'sources.csv': csv(sources), 'observations.csv': observations },
    reports: {},
  }
}
