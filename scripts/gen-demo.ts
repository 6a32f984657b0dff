// Writes data/demo/: a seeded, deterministic demonstration package (invented figures, never real statistics)
// so trends and comparisons have something to show: every metric × the 11 county-level units × 36 months,
// towns for a subset, rates from generated numerators and denominators, the city rolled up from its counties.
//   npx tsx scripts/gen-demo.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadCsvFallback, parseCsv } from '../src/data/csv'
import { mulberry32 } from '../src/domain/synthesize'

const root = resolve(import.meta.dirname, '..')
const out = resolve(root, 'data/demo')
const SEED = 20250101
const MONTHS = 36
const LAST = { year: 2025, month: 1 }
const SOURCE = 'demo'
/** Metrics also generated per town (the county figure is then the sum of its towns). */
const TOWN_METRICS = new Set([
  'assoc_with_party_org', 'assoc_total', 'town_chambers_with_party_org', 'town_chambers_total',
  'new_employment_joint_branches', 'community_org_federation_branches', 'volunteer_projects',
  'volunteer_activities', 'volunteer_participants', 'points_exchange_events',
])

const rand = mulberry32(SEED)
const between = (lo: number, hi: number) => lo + (hi - lo) * rand()

await loadCsvFallback()
const read = (name: string) => parseCsv(readFileSync(resolve(root, 'data', name), 'utf8')).rows.map((r) => r.values)
const metrics = read('metrics.csv')
const regions = read('regions.csv')
const city = regions.find((r) => r.level === 'city')!.code
const counties = regions.filter((r) => r.parent === city && (r.level === 'county' || r.level === 'zone')).map((r) => r.code).sort()
const townsOf = new Map(counties.map((c) => [c, regions.filter((r) => r.parent === c && r.level === 'town').map((r) => r.code).sort()]))
const months = Array.from({ length: MONTHS }, (_, i) => {
  const index = LAST.year * 12 + LAST.month - 1 - (MONTHS - 1 - i)
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
})

/** A figure as published: value and qualifier. */
interface Figure { value: number; qualifier: '=' | '>=' }
type Series = Figure[]

/** One unit's monthly series of a count: stocks drift upward, cumulatives only grow, flows vary by season. */
function countSeries(temporal: string, scale: number): Series {
  const series: Series = []
  let level = scale * between(0.6, 1)
  const growth = between(0.001, 0.008)
  for (let t = 0; t < MONTHS; t++) {
    if (temporal === 'flow') level = scale * between(0.2, 0.6) * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 12))
    else if (temporal === 'cumulative') level += scale * between(0, 0.08)
    else level = Math.max(0, level * (1 + growth + between(-0.01, 0.01)))
    series.push({ value: Math.round(level), qualifier: '=' })
  }
  return series
}

/** Marks a few larger county figures as reported lower bounds (“300余”), rounded down to tens. */
function someLowerBounds(series: Series): Series {
  return series.map((f) => (f.value >= 50 && rand() < 0.02 ? { value: Math.floor(f.value / 10) * 10, qualifier: '>=' } : f))
}

/** A numerator series below its denominator, its share rising over the three years. */
function numeratorOf(denominator: Series): Series {
  const from = between(0.3, 0.6)
  const to = Math.min(0.98, from + between(0.1, 0.35))
  return denominator.map((d, t) => ({ value: Math.min(d.value, Math.round(d.value * (from + ((to - from) * t) / (MONTHS - 1) + between(-0.02, 0.02)))), qualifier: '=' }))
}

function sum(parts: Series[]): Series {
  return months.map((_, t) => ({
    value: parts.reduce((s, p) => s + p[t].value, 0),
    qualifier: parts.some((p) => p[t].qualifier === '>=') ? '>=' : '=',
  }))
}

const byId = new Map(metrics.map((m) => [m.id, m]))
const ratioOf = (m: Record<string, string>) => (m.aggregate.startsWith('ratio:') ? m.aggregate.slice(6).split('/') : null)
/** Numerator id → denominator id, so a numerator is drawn under its denominator. */
const denominatorOf = new Map(metrics.flatMap((m) => { const r = ratioOf(m); return r ? [[r[0], r[1]] as const] : [] }))
/** metric → region → series */
const data = new Map<string, Map<string, Series>>()
const put = (metric: string, region: string, series: Series) => {
  if (!data.has(metric)) data.set(metric, new Map())
  data.get(metric)!.set(region, series)
}

// Denominators first, then numerators beneath them, then every other count; rates last, from the counts.
const counts = metrics.filter((m) => m.kind === 'count')
const order = [...counts.filter((m) => !denominatorOf.has(m.id)), ...counts.filter((m) => denominatorOf.has(m.id))]
for (const m of order) {
  const scale = between(8, 120) * (m.unit === '人次' ? 40 : m.unit === '人' || m.unit === '名' ? 4 : 1)
  const den = denominatorOf.get(m.id)
  const make = (region: string, s: number) => (den ? numeratorOf(data.get(den)!.get(region)!) : countSeries(m.temporal, s))
  if (m.aggregate === 'none') {
    for (const region of [city, ...counties]) put(m.id, region, countSeries(m.temporal, region === city ? scale * 8 : scale))
    continue
  }
  for (const county of counties) {
    const towns = TOWN_METRICS.has(m.id) ? townsOf.get(county)! : []
    // Rates are computed from numerators and denominators, so those stay exact.
    const inRatio = den !== undefined || [...denominatorOf.values()].includes(m.id)
    if (towns.length === 0) put(m.id, county, inRatio ? make(county, scale) : someLowerBounds(make(county, scale)))
    else {
      // Towns get counts large enough that their rates move month to month rather than sitting at 50%.
      for (const town of towns) put(m.id, town, make(town, scale * between(0.15, 0.5)))
      put(m.id, county, sum(towns.map((t) => data.get(m.id)!.get(t)!)))
    }
  }
  put(m.id, city, sum(counties.map((c) => data.get(m.id)!.get(c)!)))
}
for (const m of metrics.filter((m) => m.kind === 'rate')) {
  const [num, den] = ratioOf(m) ?? []
  if (!num || !byId.has(num) || !data.has(den)) throw new Error(`${m.id}: the demo needs a ratio of generated counts`)
  for (const [region, d] of data.get(den)!) {
    const n = data.get(num)!.get(region)!
    put(m.id, region, d.map((f, t) => ({ value: f.value ? Math.round((1000 * n[t].value) / f.value) / 10 : NaN, qualifier: '=' })))
  }
}

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
const lines = ['metric,region,period,value,qualifier,source,quote']
for (const m of metrics) {
  for (const [region, series] of [...(data.get(m.id) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) {
    series.forEach((f, t) => Number.isFinite(f.value) && lines.push(`${m.id},${region},${months[t]},${f.value},${f.qualifier},${SOURCE},`))
  }
}

mkdirSync(out, { recursive: true })
const descriptor = JSON.parse(readFileSync(resolve(root, 'data/datapackage.json'), 'utf8'))
descriptor.name = `${descriptor.name}-demo`
descriptor.title = '演示数据'
descriptor.description = 'Demonstration package: invented figures generated by scripts/gen-demo.ts (seeded), not real statistics. 演示数据，非真实统计。'
writeFileSync(resolve(out, 'datapackage.json'), JSON.stringify(descriptor, null, 2) + '\n')
for (const name of ['regions.csv', 'metrics.csv']) writeFileSync(resolve(out, name), readFileSync(resolve(root, 'data', name)))
const source = [SOURCE, '演示数据（随机生成，非真实统计）', '', months[MONTHS - 1], '', '', '', `由看板自带的演示数据程序按固定种子 ${SEED} 随机生成，每次生成的数字相同`]
writeFileSync(resolve(out, 'sources.csv'), `id,title,publication,date,author,file,url,note\n${source.map(cell).join(',')}\n`)
writeFileSync(resolve(out, 'observations.csv'), lines.join('\n') + '\n')
console.log(`data/demo: ${lines.length - 1} observations, ${months[0]}–${months[MONTHS - 1]}`)
