import { describe, expect, it } from 'vitest'
import { compareRows, compareScope, nextPeriod, periodsToCompare, pickPeriod } from '@/domain/compare'
import { ObservationIndex } from '@/domain/observationIndex'
import { RegionTree } from '@/domain/regions'
import { metric, obs, synthesizeObservations, synthesizeRegions, SYNTHETIC_METRICS } from '@/domain/synthesize'
import type { Region } from '@/domain/types'

const region = (code: string, level: Region['level'], parent: string | null, name = code): Region => ({ code, name, level, parent, aliases: [] })
const tree = new RegionTree([
  region('371700', 'city', null),
  region('371702', 'county', '371700'),
  region('371726', 'county', '371700'),
  region('371771', 'zone', '371700'),
  region('371726001', 'town', '371726'),
  region('371726100', 'town', '371726'),
])
const rate = metric('rate', { unit: '%', kind: 'rate', aggregate: { kind: 'ratio', numerator: 'with_org', denominator: 'total' } })
const metrics = [metric('m'), rate, metric('with_org'), metric('total'), metric('flat', { aggregate: { kind: 'none' } })]

describe(compareScope, () => {
  it('compares the city’s county-level units when nothing or only the city is selected', () => {
    expect(compareScope([], tree)).toEqual({ parent: '371700', regions: ['371702', '371726', '371771'] })
    expect(compareScope(['371700'], tree)).toEqual({ parent: '371700', regions: ['371702', '371726', '371771'] })
  })

  it('compares the towns of the one selected county', () => {
    expect(compareScope(['371726'], tree)).toEqual({ parent: '371726', regions: ['371726001', '371726100'] })
  })

  it('compares several selected regions with each other', () => {
    expect(compareScope(['371726', '371702'], tree)).toEqual({ parent: null, regions: ['371702', '371726'] })
  })
})

describe(compareRows, () => {
  it('ranks regions by value and lists those without a figure last, by code, instead of dropping them', () => {
    const index = new ObservationIndex([obs('371726', '2025-01', 5), obs('371771', '2025-01', 9)], metrics)
    const rows = compareRows(index, tree, 'm', ['371702', '371726', '371771'], '2025-01')
    expect(rows.map((r) => [r.region, r.status, r.value])).toEqual([
      ['371771', 'reported', 9],
      ['371726', 'reported', 5],
      ['371702', 'missing', null],
    ])
  })

  it('keeps the qualifier of 500余次', () => {
    const index = new ObservationIndex([obs('371726', '2025-01', 500, { qualifier: '>=' })], metrics)
    expect(compareRows(index, tree, 'm', ['371726'], '2025-01')[0]).toMatchObject({ value: 500, qualifier: '>=' })
  })

  it('sums a county’s towns as a computed lower bound when some towns have no figure', () => {
    const index = new ObservationIndex([obs('371726001', '2025-01', 40)], metrics)
    const [row] = compareRows(index, tree, 'm', ['371726'], '2025-01')
    expect(row).toMatchObject({ status: 'computed', value: 40, qualifier: '>=' })
  })

  it('rolls a rate up from summed numerators and denominators, never by averaging the towns’ rates', () => {
    const index = new ObservationIndex(
      [
        obs('371726001', '2025-01', 10, { metric: 'rate' }),
        obs('371726100', '2025-01', 90, { metric: 'rate' }),
        obs('371726001', '2025-01', 1, { metric: 'with_org' }),
        obs('371726001', '2025-01', 10, { metric: 'total' }),
        obs('371726100', '2025-01', 27, { metric: 'with_org' }),
        obs('371726100', '2025-01', 30, { metric: 'total' }),
      ],
      metrics,
    )
    const [row] = compareRows(index, tree, 'rate', ['371726'], '2025-01')
    expect(row.status).toBe('computed')
    expect(row.value).toBeCloseTo(70) // 28 / 40, where the mean of 10% and 90% would be 50%
  })

  it('leaves a rate without numerator and denominator as 无数据 rather than averaging its towns', () => {
    const index = new ObservationIndex([obs('371726001', '2025-01', 10, { metric: 'rate' }), obs('371726100', '2025-01', 90, { metric: 'rate' })], metrics)
    expect(compareRows(index, tree, 'rate', ['371726'], '2025-01')[0].status).toBe('missing')
  })

  it('shows disagreeing sources as a conflict with both figures, not one picked silently', () => {
    const index = new ObservationIndex([obs('371726', '2025-01', 5, { source: 'a' }), obs('371726', '2025-01', 6, { source: 'b' })], metrics)
    const [row] = compareRows(index, tree, 'm', ['371726'], '2025-01')
    expect(row.status).toBe('conflict')
    expect(row.figures.map((f) => f.value)).toEqual([5, 6])
  })
})

describe(periodsToCompare, () => {
  it('offers the periods at which any compared region has a figure or a rollup, oldest first', () => {
    const index = new ObservationIndex([obs('371702', '2025-01', 1), obs('371726001', '2024-12', 2), obs('371726', '2024', 3)], metrics)
    expect(periodsToCompare(index, tree, metrics[0], ['371702', '371726'])).toEqual(['2024', '2024-12', '2025-01'])
  })

  it('leaves out periods where only children of a metric that does not roll up have figures', () => {
    const index = new ObservationIndex([obs('371726001', '2024-12', 2, { metric: 'flat' })], metrics)
    expect(periodsToCompare(index, tree, metrics[4], ['371726'])).toEqual([])
  })

  it('handles 36 months × 9 counties of synthetic data, latest last', () => {
    const regions = synthesizeRegions(9)
    const index = new ObservationIndex(synthesizeObservations({ regions: 9, periods: 36, seed: 1 }), SYNTHETIC_METRICS)
    const synthetic = new RegionTree(regions)
    const scope = compareScope([], synthetic)
    const periods = periodsToCompare(index, synthetic, SYNTHETIC_METRICS[2], scope.regions)
    expect(periods).toHaveLength(36)
    expect(periods.at(-1)).toBe('2024-12')
    const rows = compareRows(index, synthetic, 'party_coverage', scope.regions, '2024-12')
    expect(rows.every((r) => r.status === 'reported')).toBe(true)
    expect(rows.map((r) => r.value)).toEqual([...rows.map((r) => r.value)].sort((a, b) => b! - a!))
  })
})

describe(pickPeriod, () => {
  const periods = ['2022/2025-01', '2024-06', '2024-12', '2025-01']

  it('takes the latest period within 起始/截止, not the latest of all', () => {
    expect(pickPeriod(periods, { from: '2024-01', to: '2024-12' })).toBe('2024-12')
    expect(pickPeriod(periods, {})).toBe('2025-01')
  })

  it('reads a cumulative interval as of its end: 2022/2025-01 is not within a range ending 2024-12', () => {
    expect(pickPeriod(['2022/2025-01', '2024-12'], { to: '2024-12' })).toBe('2024-12')
    expect(pickPeriod(['2024-12', '2022/2025-01'], { from: '2025-01' })).toBe('2022/2025-01')
  })

  it('takes the picked period when the range offers it, else falls back to the latest within it', () => {
    expect(pickPeriod(periods, { to: '2024-12' }, '2024-06')).toBe('2024-06')
    expect(pickPeriod(periods, { to: '2024-12' }, '2025-01')).toBe('2024-12')
  })

  it('has nothing to show when no period falls within the range', () => {
    expect(pickPeriod(periods, { from: '2026' })).toBeNull()
  })
})

describe(nextPeriod, () => {
  it('steps to the next period and stops after the last', () => {
    expect(nextPeriod(['2024-11', '2024-12'], '2024-11')).toBe('2024-12')
    expect(nextPeriod(['2024-11', '2024-12'], '2024-12')).toBeNull()
    expect(nextPeriod(['2024-11', '2024-12'], null)).toBe('2024-11')
  })
})
