import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fsReader } from '@/cli/fsReader'
import { loadPackage } from '@/data/load'
import type { ValidatedPackage } from '@/data/validate'
import type { Observation } from '@/domain/types'

const dir = resolve(import.meta.dirname, '../../data/demo')
let pkg: ValidatedPackage
let at: (metric: string, region: string, period: string) => Observation | undefined

beforeAll(async () => {
  pkg = await loadPackage(fsReader(dir))
  const byKey = new Map(pkg.dataset.observations.map((o) => [`${o.metric}|${o.region}|${o.period}`, o]))
  at = (metric, region, period) => byKey.get(`${metric}|${region}|${period}`)
})

describe('the demonstration package (data/demo)', () => {
  it('validates without errors and stays small enough to load in a browser', () => {
    expect(pkg.messages.filter((m) => m.level === 'error')).toEqual([])
    expect(pkg.dataset.observations.length).toBeGreaterThan(50_000)
    expect(pkg.dataset.observations.length).toBeLessThan(150_000)
    expect(statSync(resolve(dir, 'observations.csv')).size).toBeLessThan(8 * 1024 * 1024)
  })

  it('says it is not real on its only source', () => {
    expect(pkg.dataset.sources.map((s) => s.title)).toEqual(['演示数据（随机生成，非真实统计）'])
  })

  it('describes its source in words a reader of 来源 understands, not as a script path', () => {
    const note = pkg.dataset.sources[0].note ?? ''
    expect(note).toMatch(/随机生成/)
    expect(note).not.toMatch(/[\w-]+\.(ts|js)\b|scripts\//)
  })

  it('covers every metric for the 11 county-level units over 36 months ending 2025-01', () => {
    const periods = new Set(pkg.dataset.observations.map((o) => o.period))
    expect(periods.size).toBe(36)
    expect([...periods].sort().at(-1)).toBe('2025-01')
    const counties = pkg.dataset.regions.filter((r) => r.level === 'county' || r.level === 'zone').map((r) => r.code)
    expect(counties).toHaveLength(11)
    for (const m of pkg.dataset.metrics) for (const c of counties) expect(at(m.id, c, '2024-06'), `${m.id} ${c}`).toBeDefined()
  })

  it('computes each rate from its numerator and denominator, and the city from its counties', () => {
    for (const region of ['371700', '371726', '371702101']) {
      const rate = at('assoc_party_coverage_rate', region, '2024-06')!
      const share = (100 * at('assoc_with_party_org', region, '2024-06')!.value) / at('assoc_total', region, '2024-06')!.value
      expect(rate.value).toBeCloseTo(share, 1)
    }
    const counties = pkg.dataset.regions.filter((r) => r.parent === '371700').map((r) => r.code)
    const sum = counties.reduce((s, c) => s + at('assoc_total', c, '2024-06')!.value, 0)
    expect(at('assoc_total', '371700', '2024-06')!.value).toBe(sum)
  })

  it('never lets a cumulative count fall', () => {
    const series = pkg.dataset.observations.filter((o) => o.metric === 'volunteer_activities' && o.region === '371726').map((o) => o.value)
    expect(series).toHaveLength(36)
    expect(series.every((v, i) => i === 0 || v >= series[i - 1])).toBe(true)
  })
})
