import { describe, expect, it } from 'vitest'
import { parsePeriod } from '@/domain/period'
import {
  SYNTHETIC_METRICS,
  metric,
  mulberry32,
  obs,
  synthesizeObservations,
  synthesizeRegions,
  syntheticCityCode,
} from '@/domain/synthesize'

describe(mulberry32, () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(7)
    const b = mulberry32(7)
    const draws = Array.from({ length: 1000 }, () => a())
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true)
  })
})

describe(synthesizeObservations, () => {
  const rows = synthesizeObservations({ regions: 9, periods: 36, seed: 1 })
  const at = (id: string, region: string, period: string) =>
    rows.find((o) => o.metric === id && o.region === region && o.period === period)!

  it('gives one figure per metric, region and month', () => {
    expect(rows).toHaveLength(9 * 36 * SYNTHETIC_METRICS.length)
    const keys = new Set(rows.map((o) => `${o.metric}|${o.region}|${o.period}`))
    expect(keys.size).toBe(rows.length)
  })

  it('is deterministic for a seed and varies with it', () => {
    expect(synthesizeObservations({ regions: 9, periods: 36, seed: 1 })).toEqual(rows)
    expect(synthesizeObservations({ regions: 9, periods: 36, seed: 2 })).not.toEqual(rows)
  })

  it('uses the county codes of synthesizeRegions', () => {
    const counties = synthesizeRegions(9).filter((r) => r.parent === syntheticCityCode(9)).map((r) => r.code)
    expect([...new Set(rows.map((o) => o.region))]).toEqual(counties)
  })

  it('uses consecutive valid months from the start, across year ends', () => {
    const periods = [...new Set(synthesizeObservations({ regions: 1, periods: 3, seed: 1, start: '2024-11' }).map((o) => o.period))]
    expect(periods).toEqual(['2024-11', '2024-12', '2025-01'])
    expect(rows.every((o) => parsePeriod(o.period)?.kind === 'month')).toBe(true)
  })

  it('rejects a start that is not a month', () => {
    expect(() => synthesizeObservations({ regions: 1, periods: 1, seed: 1, start: '2024' })).toThrow(RangeError)
  })

  it('makes counts non-negative integers', () => {
    const counts = rows.filter((o) => o.metric !== 'party_coverage')
    expect(counts.every((o) => Number.isInteger(o.value) && o.value >= 0)).toBe(true)
  })

  it('makes the coverage rate agree with its numerator and denominator', () => {
    for (const o of rows.filter((r) => r.metric === 'party_coverage')) {
      const n = at('party_orgs', o.region, o.period).value
      const d = at('org_count', o.region, o.period).value
      expect(n).toBeLessThanOrEqual(d)
      expect(Math.abs(o.value - (100 * n) / d)).toBeLessThanOrEqual(0.05 + 1e-9)
    }
  })

  it('reports some figures as lower bounds, only on counts that feed no rate', () => {
    const lower = rows.filter((o) => o.qualifier === '>=')
    expect(lower.length).toBeGreaterThan(0)
    expect(new Set(lower.map((o) => o.metric))).toEqual(new Set(['service_events']))
    expect(lower.every((o) => o.value % 10 === 0)).toBe(true)
  })

  it('follows a given metric list, including a rate with no ratio', () => {
    const metrics = [metric('a'), metric('b', { kind: 'rate', unit: '%', aggregate: { kind: 'none' } })]
    const custom = synthesizeObservations({ regions: 2, periods: 4, metrics, seed: 3 })
    expect(custom).toHaveLength(2 * 4 * 2)
    expect(custom.filter((o) => o.metric === 'b').every((o) => o.value >= 0 && o.value <= 100)).toBe(true)
  })

  it('gives nothing for zero regions or periods', () => {
    expect(synthesizeObservations({ regions: 0, periods: 12, seed: 1 })).toEqual([])
    expect(synthesizeObservations({ regions: 3, periods: 0, seed: 1 })).toEqual([])
  })
})

describe(synthesizeRegions, () => {
  it('builds a city and its counties with codes whose string order is numeric order', () => {
    const regions = synthesizeRegions(12_345)
    expect(regions[0]).toMatchObject({ level: 'city', parent: null })
    const codes = regions.slice(1).map((r) => r.code)
    expect(codes).toEqual([...codes].sort())
    expect(new Set(codes.map((c) => c.length)).size).toBe(1)
  })
})

describe(obs, () => {
  it('fills defaults for the fields a test does not care about', () => {
    expect(obs('371726', '2024-12', 66.1)).toEqual({
      metric: 'm',
      region: '371726',
      period: '2024-12',
      value: 66.1,
      qualifier: '=',
      source: 's',
      quote: '',
    })
  })

  it('takes overrides', () => {
    expect(obs('371726', '2024', 500, { qualifier: '>=', metric: 'x' })).toMatchObject({ qualifier: '>=', metric: 'x', value: 500 })
  })
})
