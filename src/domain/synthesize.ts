import type { Metric, Observation, Qualifier, Region } from './types'

/** Options of `synthesizeObservations`: counts of county-level regions and monthly periods, and a seed. */
export interface SynthesizeOptions {
  regions: number
  periods: number
  /** Defaults to SYNTHETIC_METRICS. */
  metrics?: readonly Metric[]
  seed: number
  /** First month, `YYYY-MM`; defaults to `2022-01`. */
  start?: string
}

/** Source id carried by every synthesized observation. */
export const SYNTHETIC_SOURCE = 'synthetic'

/** A metric fixture with plausible defaults (a summed count in 个). */
export function metric(id: string, overrides: Partial<Metric> = {}): Metric {
  return {
    id,
    name: id,
    nameEn: id,
    unit: '个',
    kind: 'count',
    temporal: 'stock',
    aggregate: { kind: 'sum' },
    category: 'test',
    definition: '',
    aliases: [],
    target: null,
    ...overrides,
  }
}

/** An observation fixture: metric `m`, exact, source `s`, no quote unless overridden. */
export function obs(region: string, period: string, value: number, overrides: Partial<Observation> = {}): Observation {
  return { metric: 'm', region, period, value, qualifier: '=', source: 's', quote: '', ...overrides }
}

/** Default synthetic metrics: two stock counts, the coverage rate between them, and a monthly flow. */
export const SYNTHETIC_METRICS: readonly Metric[] = [
  metric('org_count', { name: '社会组织数量', nameEn: 'Social organisations', unit: '家' }),
  metric('party_orgs', { name: '已建党组织的社会组织数', nameEn: 'Social organisations with a Party organisation', unit: '家' }),
  metric('party_coverage', {
    name: '社会组织党组织覆盖率',
    nameEn: 'Party organisation coverage',
    unit: '%',
    kind: 'rate',
    aggregate: { kind: 'ratio', numerator: 'party_orgs', denominator: 'org_count' },
    target: 100,
  }),
  metric('service_events', { name: '志愿服务活动次数', nameEn: 'Volunteer service events', unit: '次', temporal: 'flow' }),
]

/** Mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function codeWidth(count: number): number {
  return Math.max(4, String(count).length)
}

/** Code of the synthetic city whose counties `synthesizeObservations` uses. */
export function syntheticCityCode(count: number): string {
  return '99' + '0'.repeat(codeWidth(count))
}

function syntheticCountyCodes(count: number): string[] {
  // One width for all codes, so string order is numeric order.
  const width = codeWidth(count)
  return Array.from({ length: count }, (_, i) => '99' + String(i + 1).padStart(width, '0'))
}

/** A synthetic city and `count` counties under it, with the codes `synthesizeObservations` uses. */
export function synthesizeRegions(count: number): Region[] {
  const city = syntheticCityCode(count)
  const counties = syntheticCountyCodes(count).map(
    (code, i): Region => ({ code, name: `合成${i + 1}县`, level: 'county', parent: city, aliases: [`合成${i + 1}`] }),
  )
  return [{ code: city, name: '合成市', level: 'city', parent: null, aliases: ['合成'] }, ...counties]
}

function monthTexts(start: string, count: number): string[] {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(start)
  if (!m) throw new RangeError(`start must be a month YYYY-MM, got "${start}"`)
  const first = Number(m[1]) * 12 + Number(m[2]) - 1
  return Array.from({ length: count }, (_, i) => {
    const n = first + i
    return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`
  })
}

type Role =
  | { kind: 'count'; lowerBounds: boolean }
  | { kind: 'share'; of: number }
  | { kind: 'ratio'; numerator: number; denominator: number }
  | { kind: 'rate' }

function rolesOf(metrics: readonly Metric[]): Role[] {
  const index = new Map(metrics.map((m, i) => [m.id, i]))
  const shareOf = new Map<number, number>()
  const inRatio = new Set<number>()
  for (const m of metrics) {
    if (m.aggregate.kind !== 'ratio') continue
    const n = index.get(m.aggregate.numerator)
    const d = index.get(m.aggregate.denominator)
    if (n === undefined || d === undefined) continue
    inRatio.add(n).add(d)
    if (metrics[n].kind === 'count' && metrics[d].kind === 'count' && n !== d) shareOf.set(n, d)
  }
  return metrics.map((m, i): Role => {
    if (m.aggregate.kind === 'ratio') {
      const n = index.get(m.aggregate.numerator)
      const d = index.get(m.aggregate.denominator)
      if (n !== undefined && d !== undefined && shareOf.get(n) === d) return { kind: 'ratio', numerator: n, denominator: d }
    }
    if (m.kind === 'rate') return { kind: 'rate' }
    const of = shareOf.get(i)
    // A numerator whose denominator is itself a share would chain; keep it a plain count instead.
    if (of !== undefined && !shareOf.has(of)) return { kind: 'share', of }
    // Figures that feed a rate stay exact, so the rate agrees with them.
    return { kind: 'count', lowerBounds: !inRatio.has(i) }
  })
}

/** Seeded, deterministic observations: every metric × region × month, with plausible values and some 余 (>=) figures. */
export function synthesizeObservations(options: SynthesizeOptions): Observation[] {
  const metrics = options.metrics ?? SYNTHETIC_METRICS
  const regions = syntheticCountyCodes(options.regions)
  const periods = monthTexts(options.start ?? '2022-01', options.periods)
  const roles = rolesOf(metrics)
  const random = mulberry32(options.seed)
  const nP = periods.length
  // Values of one region, metric-major: values[m * nP + p]; shares are computed after their denominators.
  const values = new Float64Array(metrics.length * nP)
  const lower = new Uint8Array(metrics.length * nP)
  const order = roles.map((_, i) => i).sort((a, b) => rank(roles[a]) - rank(roles[b]))
  const out: Observation[] = new Array(regions.length * metrics.length * nP)
  let k = 0
  for (const region of regions) {
    const size = 0.3 + random() * 1.7
    for (const m of order) fillMetric(roles[m], metrics[m].temporal, m * nP, nP, size, values, lower, random)
    for (let m = 0; m < metrics.length; m++) {
      const id = metrics[m].id
      for (let p = 0; p < nP; p++) {
        const qualifier: Qualifier = lower[m * nP + p] ? '>=' : '='
        out[k++] = { metric: id, region, period: periods[p], value: values[m * nP + p], qualifier, source: SYNTHETIC_SOURCE, quote: '' }
      }
    }
  }
  return out
}

function rank(role: Role): number {
  return role.kind === 'count' || role.kind === 'rate' ? 0 : role.kind === 'share' ? 1 : 2
}

function fillMetric(
  role: Role,
  temporal: Metric['temporal'],
  at: number,
  nP: number,
  size: number,
  values: Float64Array,
  lower: Uint8Array,
  random: () => number,
): void {
  if (role.kind === 'ratio') {
    const n = role.numerator * nP
    const d = role.denominator * nP
    for (let p = 0; p < nP; p++) {
      values[at + p] = values[d + p] > 0 ? Math.round((1000 * values[n + p]) / values[d + p]) / 10 : 0
      lower[at + p] = 0
    }
    return
  }
  if (role.kind === 'share') {
    // Coverage climbs from 30–80% towards full, as party-building campaigns report.
    let share = 0.3 + random() * 0.5
    const of = role.of * nP
    for (let p = 0; p < nP; p++) {
      share = Math.min(1, share + random() * 0.02)
      values[at + p] = Math.round(values[of + p] * share)
      lower[at + p] = 0
    }
    return
  }
  if (role.kind === 'rate') {
    let rate = 40 + random() * 50
    for (let p = 0; p < nP; p++) {
      rate = Math.min(100, Math.max(0, rate + (random() - 0.4) * 2))
      values[at + p] = Math.round(rate * 10) / 10
      lower[at + p] = 0
    }
    return
  }
  const base = 20 + random() * 300 * size
  let level = base
  for (let p = 0; p < nP; p++) {
    let value: number
    if (temporal === 'flow') value = Math.round(base * (0.6 + random() * 0.8))
    else {
      level = Math.max(0, level * (1 + (random() - 0.3) * 0.03))
      value = Math.round(level)
    }
    // About one figure in twelve is reported as "N余", rounded down to tens.
    const isLower = role.lowerBounds && value >= 20 && random() < 1 / 12
    values[at + p] = isLower ? Math.floor(value / 10) * 10 : value
    lower[at + p] = isLower ? 1 : 0
  }
}
