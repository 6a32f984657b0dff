import { describe, expect, it } from 'vitest'
import { concatColumns, toColumns } from '@/domain/columnar'
import { ObservationIndex, sortForIndex } from '@/domain/observationIndex'
import { comparePeriods, parsePeriod, periodInRange } from '@/domain/period'
import { RegionTree } from '@/domain/regions'
import { SYNTHETIC_METRICS, metric, mulberry32, obs, synthesizeObservations, synthesizeRegions } from '@/domain/synthesize'
import type { Observation } from '@/domain/types'

const JUANCHENG = '371726'
const MUDAN = '371702'
const DINGTAO = '371703'

const values = (points: Observation[]) => points.map((o) => o.value)
const periodsOf = (points: Observation[]) => points.map((o) => o.period)

/** Shuffles with a seeded PRNG, so "input order does not matter" is tested on a fixed order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed)
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

describe('ObservationIndex.series', () => {
  const rows = [
    obs(JUANCHENG, '2025-01', 3),
    obs(JUANCHENG, '2024-Q4', 2),
    obs(JUANCHENG, '2023', 1),
    obs(MUDAN, '2024-12', 10),
    obs(MUDAN, '2024-12', 10, { metric: 'other' }),
  ]
  const index = new ObservationIndex(rows)

  it('gives one series per requested region, in the requested order', () => {
    expect(index.series('m', [MUDAN, JUANCHENG]).map((s) => s.region)).toEqual([MUDAN, JUANCHENG])
    expect(index.series('m', [JUANCHENG, MUDAN]).map((s) => s.region)).toEqual([JUANCHENG, MUDAN])
  })

  it('sorts the points by period whatever the input order', () => {
    expect(periodsOf(index.series('m', [JUANCHENG])[0].points)).toEqual(['2023', '2024-Q4', '2025-01'])
  })

  it('gives an empty series for a region or a metric without figures, so the chart can say 无数据', () => {
    expect(index.series('m', [DINGTAO])).toEqual([{ region: DINGTAO, points: [] }])
    expect(index.series('absent', [JUANCHENG])).toEqual([{ region: JUANCHENG, points: [] }])
  })

  it('keeps metrics apart', () => {
    expect(index.series('other', [MUDAN, JUANCHENG]).map((s) => s.points.length)).toEqual([1, 0])
  })

  it('limits points to a range, both ends included', () => {
    expect(values(index.series('m', [JUANCHENG], { from: '2024-10', to: '2025-01' })[0].points)).toEqual([2, 3])
    expect(values(index.series('m', [JUANCHENG], { to: '2024-10' })[0].points)).toEqual([1, 2])
    expect(values(index.series('m', [JUANCHENG], { from: '2025' })[0].points)).toEqual([3])
  })

  it('treats an empty range like no range', () => {
    expect(index.series('m', [JUANCHENG], {})[0].points).toHaveLength(3)
  })

  it('throws on a range end that is not a period', () => {
    expect(() => index.series('m', [JUANCHENG], { from: '2024-13' })).toThrow(RangeError)
  })

  it('hands out copies, so a caller cannot corrupt the index', () => {
    index.series('m', [JUANCHENG])[0].points.length = 0
    expect(index.series('m', [JUANCHENG])[0].points).toHaveLength(3)
  })

  it('agrees with a plain filter-and-sort over synthetic data', () => {
    const data = shuffled(synthesizeObservations({ regions: 6, periods: 30, seed: 5 }), 9)
    const big = new ObservationIndex(data, SYNTHETIC_METRICS)
    const regions = synthesizeRegions(6).slice(1).map((r) => r.code)
    const range = { from: '2022-07', to: '2023-Q2' }
    const byPeriod = (a: Observation, b: Observation) => comparePeriods(parsePeriod(a.period)!, parsePeriod(b.period)!)
    for (const id of ['org_count', 'service_events']) {
      const expected = [regions[3], regions[0]].map((region) => ({
        region,
        points: data
          .filter((o) => o.metric === id && o.region === region && periodInRange(parsePeriod(o.period)!, range.from, range.to))
          .sort(byPeriod),
      }))
      expect(big.series(id, [regions[3], regions[0]], range)).toEqual(expected)
      expect(expected[0].points).toHaveLength(12)
    }
  })
})

describe('ObservationIndex.snapshot', () => {
  const index = new ObservationIndex([
    obs(JUANCHENG, '2024-12', 66.1, { source: 'daily' }),
    obs(JUANCHENG, '2024-12', 64, { source: 'summary' }),
    obs(JUANCHENG, '2024', 60),
    obs(MUDAN, '2024-12', 80),
    obs(MUDAN, '2025-01', 81),
  ])

  it('gives the figures at exactly that period, per requested region in order', () => {
    const snap = index.snapshot('m', '2024-12', [MUDAN, JUANCHENG])
    expect([...snap.keys()]).toEqual([MUDAN, JUANCHENG])
    expect(values(snap.get(MUDAN)!)).toEqual([80])
  })

  it('returns both figures when two sources disagree, instead of picking one', () => {
    expect(index.snapshot('m', '2024-12', [JUANCHENG]).get(JUANCHENG)!.map((o) => o.source)).toEqual(['daily', 'summary'])
  })

  it('does not count a year figure as a figure for its December', () => {
    expect(values(index.snapshot('m', '2024', [JUANCHENG, MUDAN]).get(JUANCHENG)!)).toEqual([60])
    expect(index.snapshot('m', '2024', [JUANCHENG, MUDAN]).get(MUDAN)).toEqual([])
  })

  it('gives empty lists for a region, period or metric without figures', () => {
    expect(index.snapshot('m', '2025-01', [DINGTAO]).get(DINGTAO)).toEqual([])
    expect(index.snapshot('m', '2020', [MUDAN]).get(MUDAN)).toEqual([])
    expect(index.snapshot('absent', '2024-12', [MUDAN]).get(MUDAN)).toEqual([])
  })
})

describe('ObservationIndex.latest', () => {
  it('takes the figure with the latest period, by period order rather than text order', () => {
    const index = new ObservationIndex([obs(JUANCHENG, '2024-12-31', 1), obs(JUANCHENG, '2025-01', 2), obs(JUANCHENG, '2024-Q4', 3)])
    expect(index.latest('m', JUANCHENG)?.value).toBe(2)
  })

  it('prefers the month itself over a cumulative interval ending with it', () => {
    const index = new ObservationIndex([obs(JUANCHENG, '2025-01', 2), obs(JUANCHENG, '2022/2025-01', 9)])
    expect(index.latest('m', JUANCHENG)?.period).toBe('2025-01')
  })

  it('picks the same figure among tied ones whatever the input order', () => {
    const tied = [obs(JUANCHENG, '2025-01', 5, { source: 'b' }), obs(JUANCHENG, '2025-01', 7, { source: 'a' }), obs(JUANCHENG, '2025-01', 6, { source: 'b' })]
    const picks = [0, 1, 2, 3].map((seed) => new ObservationIndex(shuffled(tied, seed)).latest('m', JUANCHENG))
    expect(new Set(picks.map((o) => o?.value))).toEqual(new Set([6]))
  })

  it('gives undefined without figures', () => {
    expect(new ObservationIndex([]).latest('m', JUANCHENG)).toBeUndefined()
  })
})

describe('ObservationIndex.periods', () => {
  const index = new ObservationIndex([
    obs(JUANCHENG, '2025-01', 1),
    obs(MUDAN, '2024-Q4', 1),
    obs(JUANCHENG, '2024-Q4', 1),
    obs(MUDAN, '2022/2025-01', 1),
    obs(MUDAN, '2023', 1, { metric: 'other' }),
  ])

  it('lists the distinct periods of a metric in period order', () => {
    expect(index.periods('m')).toEqual(['2024-Q4', '2022/2025-01', '2025-01'])
  })

  it('can be limited to some regions', () => {
    expect(index.periods('m', [JUANCHENG])).toEqual(['2024-Q4', '2025-01'])
    expect(index.periods('m', [DINGTAO])).toEqual([])
  })

  it('gives nothing for a metric without figures', () => {
    expect(index.periods('absent')).toEqual([])
  })
})

describe('ObservationIndex.metricsWithData', () => {
  it('lists metrics having figures in the order of the metric list, then unknown ids by id', () => {
    const metrics = [metric('zeta'), metric('alpha'), metric('empty')]
    const index = new ObservationIndex(
      [obs(JUANCHENG, '2024', 1, { metric: 'alpha' }), obs(JUANCHENG, '2024', 1, { metric: 'y' }), obs(MUDAN, '2024', 1, { metric: 'zeta' }), obs(MUDAN, '2024', 1, { metric: 'x' })],
      metrics,
    )
    expect(index.metricsWithData()).toEqual(['zeta', 'alpha', 'x', 'y'])
  })
})

describe('ObservationIndex.regionsWithData', () => {
  it('lists the regions having figures of a metric, by code', () => {
    const index = new ObservationIndex([obs(JUANCHENG, '2024', 1), obs(MUDAN, '2024', 1), obs(JUANCHENG, '2025', 1), obs(DINGTAO, '2024', 1, { metric: 'other' })])
    expect(index.regionsWithData('m')).toEqual([MUDAN, JUANCHENG])
    expect(index.regionsWithData('absent')).toEqual([])
  })
})

describe('ObservationIndex.conflicts', () => {
  it('groups figures of one metric, region and period that differ, with every source', () => {
    const index = new ObservationIndex([
      obs(JUANCHENG, '2024-12', 66.1, { source: 'daily' }),
      obs(MUDAN, '2024-12', 10),
      obs(JUANCHENG, '2024-12', 64, { source: 'summary' }),
      obs(JUANCHENG, '2024-12', 66.1, { source: 'briefing' }),
    ])
    const groups = index.conflicts()
    expect(groups).toHaveLength(1)
    expect(groups[0].map((o) => o.source)).toEqual(['briefing', 'daily', 'summary'])
  })

  it('does not flag two sources that agree', () => {
    expect(new ObservationIndex([obs(JUANCHENG, '2024', 5, { source: 'a' }), obs(JUANCHENG, '2024', 5, { source: 'b' })]).conflicts()).toEqual([])
  })

  it('does not mix periods, regions or metrics', () => {
    const index = new ObservationIndex([
      obs(JUANCHENG, '2024', 5),
      obs(JUANCHENG, '2024-12', 6),
      obs(MUDAN, '2024', 7),
      obs(JUANCHENG, '2024', 8, { metric: 'other' }),
    ])
    expect(index.conflicts()).toEqual([])
  })

  it('lists groups by metric, then region, then period', () => {
    const index = new ObservationIndex([
      obs(MUDAN, '2024', 1),
      obs(MUDAN, '2024', 2),
      obs(JUANCHENG, '2025', 1),
      obs(JUANCHENG, '2025', 2),
      obs(JUANCHENG, '2024', 1),
      obs(JUANCHENG, '2024', 2),
      obs(MUDAN, '2024', 1, { metric: 'a' }),
      obs(MUDAN, '2024', 2, { metric: 'a' }),
    ])
    expect(index.conflicts().map((g) => `${g[0].metric} ${g[0].region} ${g[0].period}`)).toEqual([
      `a ${MUDAN} 2024`,
      `m ${MUDAN} 2024`,
      `m ${JUANCHENG} 2024`,
      `m ${JUANCHENG} 2025`,
    ])
  })
})

describe('ObservationIndex.rollup', () => {
  const regions = synthesizeRegions(3)
  const tree = new RegionTree(regions)
  const [city, a, b, c] = regions.map((r) => r.code)
  const metrics = [
    metric('orgs'),
    metric('covered'),
    metric('coverage', { kind: 'rate', unit: '%', aggregate: { kind: 'ratio', numerator: 'covered', denominator: 'orgs' } }),
    metric('score', { kind: 'rate', aggregate: { kind: 'none' } }),
    metric('misfiled_rate', { kind: 'rate', unit: '%', aggregate: { kind: 'sum' } }),
  ]
  const P = '2024-12'
  const at = (metricId: string, region: string, value: number, overrides: Partial<Observation> = {}) =>
    obs(region, P, value, { metric: metricId, ...overrides })

  it('adds the children of a sum metric and says which contributed', () => {
    const index = new ObservationIndex([at('orgs', a, 10), at('orgs', b, 20), at('orgs', c, 30)], metrics)
    expect(index.rollup('orgs', city, P, tree)).toEqual({ value: 60, qualifier: '=', contributors: [a, b, c], missing: [], conflicting: [] })
  })

  it('ignores the parent figure itself and other periods', () => {
    const index = new ObservationIndex([at('orgs', city, 999), at('orgs', a, 10), obs(b, '2025-01', 5, { metric: 'orgs' })], metrics)
    expect(index.rollup('orgs', city, P, tree)).toMatchObject({ value: 10, contributors: [a], missing: [b, c] })
  })

  it('marks a sum with a missing child as a lower bound', () => {
    const index = new ObservationIndex([at('orgs', a, 10), at('orgs', c, 30)], metrics)
    expect(index.rollup('orgs', city, P, tree)).toMatchObject({ value: 40, qualifier: '>=', missing: [b] })
  })

  it('keeps 余 figures as a lower bound and turns mixed bounds into 约', () => {
    const lower = new ObservationIndex([at('orgs', a, 10, { qualifier: '>=' }), at('orgs', b, 20), at('orgs', c, 30)], metrics)
    expect(lower.rollup('orgs', city, P, tree)?.qualifier).toBe('>=')
    const upper = new ObservationIndex([at('orgs', a, 10, { qualifier: '<=' }), at('orgs', b, 20), at('orgs', c, 30)], metrics)
    expect(upper.rollup('orgs', city, P, tree)?.qualifier).toBe('<=')
    const mixed = new ObservationIndex([at('orgs', a, 10, { qualifier: '<=' }), at('orgs', b, 20, { qualifier: '>=' }), at('orgs', c, 30)], metrics)
    expect(mixed.rollup('orgs', city, P, tree)?.qualifier).toBe('~')
    const about = new ObservationIndex([at('orgs', a, 10, { qualifier: '~' }), at('orgs', b, 20), at('orgs', c, 30)], metrics)
    expect(about.rollup('orgs', city, P, tree)?.qualifier).toBe('~')
  })

  it('an upper-bound sum with a missing child becomes approximate, not an upper bound', () => {
    const index = new ObservationIndex([at('orgs', a, 10, { qualifier: '<=' }), at('orgs', b, 20)], metrics)
    expect(index.rollup('orgs', city, P, tree)?.qualifier).toBe('~')
  })

  it('leaves out a child whose sources disagree and says so', () => {
    const index = new ObservationIndex([at('orgs', a, 10, { source: 'x' }), at('orgs', a, 12, { source: 'y' }), at('orgs', b, 20), at('orgs', c, 30)], metrics)
    expect(index.rollup('orgs', city, P, tree)).toEqual({ value: 50, qualifier: '>=', contributors: [b, c], missing: [], conflicting: [a] })
  })

  it('counts a child once when two sources agree, exact if either is', () => {
    const index = new ObservationIndex([at('orgs', a, 10, { source: 'x', qualifier: '~' }), at('orgs', a, 10, { source: 'y' }), at('orgs', b, 20), at('orgs', c, 30)], metrics)
    expect(index.rollup('orgs', city, P, tree)).toMatchObject({ value: 60, qualifier: '=' })
  })

  it('computes a rate from summed numerators and denominators, never by averaging rates', () => {
    // a: 9/10 = 90%, b: 10/100 = 10%; the mean would be 50%, the true rate 19/110.
    const index = new ObservationIndex(
      [at('covered', a, 9), at('orgs', a, 10), at('coverage', a, 90), at('covered', b, 10), at('orgs', b, 100), at('coverage', b, 10)],
      metrics,
    )
    const result = index.rollup('coverage', city, P, tree)!
    expect(result.value).toBeCloseTo((100 * 19) / 110, 10)
    expect(result).toMatchObject({ qualifier: '~', contributors: [a, b], missing: [c] })
  })

  it('calls a rate exact only when every child gave exact numerator and denominator', () => {
    const rows = [a, b, c].flatMap((region) => [at('covered', region, 5), at('orgs', region, 10)])
    expect(new ObservationIndex(rows, metrics).rollup('coverage', city, P, tree)).toMatchObject({ value: 50, qualifier: '=' })
    rows[0] = at('covered', a, 5, { qualifier: '>=' })
    expect(new ObservationIndex(rows, metrics).rollup('coverage', city, P, tree)?.qualifier).toBe('~')
  })

  it('treats a child with only the numerator as missing', () => {
    const index = new ObservationIndex([at('covered', a, 5), at('orgs', b, 10), at('covered', b, 4)], metrics)
    expect(index.rollup('coverage', city, P, tree)).toMatchObject({ value: 40, contributors: [b], missing: [a, c] })
  })

  it('gives undefined when the denominators add to zero', () => {
    const index = new ObservationIndex([at('covered', a, 0), at('orgs', a, 0)], metrics)
    expect(index.rollup('coverage', city, P, tree)).toBeUndefined()
  })

  it('gives undefined for a metric that does not roll up, even a rate filed as a sum', () => {
    const index = new ObservationIndex([at('score', a, 80), at('score', b, 90), at('misfiled_rate', a, 80), at('misfiled_rate', b, 90)], metrics)
    expect(index.rollup('score', city, P, tree)).toBeUndefined()
    expect(index.rollup('misfiled_rate', city, P, tree)).toBeUndefined()
  })

  it('gives undefined without any child figure, or for an unknown metric or period', () => {
    const index = new ObservationIndex([at('orgs', a, 10), at('unlisted', a, 1)], metrics)
    expect(index.rollup('orgs', a, P, tree)).toBeUndefined()
    expect(index.rollup('orgs', city, '2030', tree)).toBeUndefined()
    expect(index.rollup('unlisted', city, P, tree)).toBeUndefined()
  })

  it('rolls synthetic counties up to the rate their own figures imply', () => {
    const big = synthesizeRegions(5)
    const data = synthesizeObservations({ regions: 5, periods: 3, seed: 4 })
    const index = new ObservationIndex(data, SYNTHETIC_METRICS)
    const month = data[0].period
    const sum = (id: string) => data.filter((o) => o.metric === id && o.period === month).reduce((s, o) => s + o.value, 0)
    const result = index.rollup('party_coverage', big[0].code, month, new RegionTree(big))!
    expect(result.value).toBeCloseTo((100 * sum('party_orgs')) / sum('org_count'), 10)
    expect(result.qualifier).toBe('=')
  })
})

describe('ObservationIndex', () => {
  it('refuses an observation whose period does not parse, naming it', () => {
    expect(() => new ObservationIndex([obs(JUANCHENG, '2024-13', 1)])).toThrow(/2024-13/)
  })
})

describe('ObservationIndex objects', () => {
  it('makes each figure once and hands the same object to every query, across the cache’s pages', () => {
    // 19 k rows: the object cache's pages are 4,096 rows, so queries cross several of them.
    const rows = synthesizeObservations({ regions: 40, periods: 120, seed: 5 })
    expect(rows.length).toBeGreaterThan(3 * 4096)
    const index = new ObservationIndex(rows)
    const all = index.observations()
    expect(all).toHaveLength(rows.length)
    expect(new Set(all).size).toBe(rows.length)
    const metric = all[all.length - 1].metric
    const regions = index.regionsWithData(metric)
    const fromSeries = index.series(metric, regions).flatMap((s) => s.points)
    const fromAll = all.filter((o) => o.metric === metric)
    expect(fromSeries).toHaveLength(fromAll.length)
    fromSeries.forEach((o, k) => expect(o).toBe(fromAll[k]))
    expect(fromSeries.map((o) => `${o.region} ${o.period} ${o.value}`).sort()).toEqual(rows.filter((o) => o.metric === metric).map((o) => `${o.region} ${o.period} ${o.value}`).sort())
  })
})

describe('ObservationIndex from columns', () => {
  const data = shuffled(synthesizeObservations({ regions: 5, periods: 18, seed: 11 }), 4)
  const regions = synthesizeRegions(5).map((r) => r.code)
  const answers = (index: ObservationIndex) =>
    index.metricsWithData().map((m) => ({
      series: index.series(m, regions, { from: '2022-03', to: '2022-11' }),
      snapshot: [...index.snapshot(m, '2022-06', regions)],
      latest: regions.map((r) => index.latest(m, r)),
      periods: index.periods(m),
    }))

  it('answers like an index of the same observations as objects', () => {
    expect(answers(new ObservationIndex(toColumns(data), SYNTHETIC_METRICS))).toEqual(answers(new ObservationIndex(data, SYNTHETIC_METRICS)))
  })

  it('answers the same from columns the worker already sorted', () => {
    const sorted = sortForIndex(toColumns(data)).cols
    expect(answers(new ObservationIndex(sorted, SYNTHETIC_METRICS))).toEqual(answers(new ObservationIndex(data, SYNTHETIC_METRICS)))
  })

  it('sorts columns into groups of one metric and region, each in period order', () => {
    const { cols, rank } = sortForIndex(toColumns(data))
    const key = (i: number) => `${cols.strings[cols.metric[i]]} ${cols.strings[cols.region[i]]}`
    const groups = new Set<string>()
    for (let i = 0; i < rank.length; i++) {
      if (i > 0 && key(i) === key(i - 1)) expect(rank[i]).toBeGreaterThanOrEqual(rank[i - 1])
      else {
        expect(groups.has(key(i))).toBe(false)
        groups.add(key(i))
      }
    }
  })

  it('adds a batch to loaded columns: both show up, strings shared', () => {
    const batch = [obs(JUANCHENG, '2025-01', 7, { metric: 'org_count', source: 'mine' })]
    const index = new ObservationIndex(concatColumns(sortForIndex(toColumns(data)).cols, toColumns(batch)), SYNTHETIC_METRICS)
    expect(index.size).toBe(data.length + 1)
    expect(index.latest('org_count', JUANCHENG)).toEqual(batch[0])
    expect(index.observations()).toHaveLength(data.length + 1)
  })
})

describe('ObservationIndex.bySource', () => {
  it('lists the figures of one source that quote its report', () => {
    const index = new ObservationIndex([
      obs(JUANCHENG, '2024', 1, { source: 'daily', quote: '覆盖率达100%' }),
      obs(MUDAN, '2024', 2, { source: 'daily', quote: '' }),
      obs(MUDAN, '2024', 3, { source: 'summary', quote: '3个' }),
    ])
    expect(index.bySource('daily').map((o) => o.value)).toEqual([1])
    expect(index.bySource('absent')).toEqual([])
  })
})

describe('ObservationIndex.rollups', () => {
  it('gives at every period what rollup gives for that period, conflicts and missing children included', () => {
    const regions = synthesizeRegions(7)
    const tree = new RegionTree(regions)
    const city = regions[0].code
    const data = synthesizeObservations({ regions: 7, periods: 14, seed: 8 })
    // A disagreeing second source and a gap, so the rollups are not all complete and exact.
    const extra = [{ ...data[3], source: 'other', value: data[3].value + 1 }, { ...data[40], source: 'other' }]
    const index = new ObservationIndex([...data.filter((_, i) => i % 11 !== 5), ...extra], SYNTHETIC_METRICS)
    for (const metric of ['org_count', 'party_coverage']) {
      const all = index.rollups(metric, city, tree)
      const expected = new Map(index.periods('org_count').flatMap((p) => {
        const r = index.rollup(metric, city, p, tree)
        return r ? [[p, r] as const] : []
      }))
      expect(all.size).toBeGreaterThan(0)
      expect([...all]).toEqual([...expected])
    }
  })
})
