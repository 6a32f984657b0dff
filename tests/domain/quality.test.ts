import { describe, expect, it } from 'vitest'
import { checkQuality, sortIssues } from '@/domain/quality'
import { RegionTree } from '@/domain/regions'
import { metric, obs } from '@/domain/synthesize'
import type { Dataset, Observation, Region } from '@/domain/types'

const county = (code: string, name: string): Region => ({ code, name, level: 'county', parent: '371700', aliases: [] })
const regions: Region[] = [{ code: '371700', name: '菏泽市', level: 'city', parent: null, aliases: [] }, county('371721', '曹县'), county('371725', '郓城县'), county('371726', '鄄城县')]
const tree = new RegionTree(regions)
const NOW = Date.UTC(2025, 5, 15)
const dataset = (observations: Observation[]): Dataset => ({
  regions,
  metrics: [metric('m'), metric('rate', { unit: '%', kind: 'rate', aggregate: { kind: 'none' } })],
  sources: [],
  observations,
  reports: {},
})
const everyCounty = (period: string, value: number, overrides = {}) => ['371721', '371725', '371726'].map((r) => obs(r, period, value, overrides))
const kinds = (list: Observation[]) => checkQuality(dataset(list), tree, { now: NOW }).map((i) => i.kind)

describe(checkQuality, () => {
  it('finds nothing in complete, recent, steady figures', () => {
    expect(kinds([...everyCounty('2025-01', 10), ...everyCounty('2025-02', 12)])).toEqual([])
  })

  it('shows both sides of a conflict with their sources', () => {
    const issues = checkQuality(dataset([...everyCounty('2025-01', 10), obs('371726', '2025-01', 11, { source: 'other' })]), tree, { now: NOW })
    expect(issues).toEqual([expect.objectContaining({ kind: 'conflict', regions: ['371726'], observations: [expect.objectContaining({ source: 'other', value: 11 }), expect.objectContaining({ source: 's', value: 10 })] })])
  })

  it('flags a rate outside 0–100', () => {
    expect(kinds([...everyCounty('2025-01', 50, { metric: 'rate' }), obs('371700', '2025-01', 104.5, { metric: 'rate' })])).toEqual(['rateRange'])
  })

  it('lists the counties without figures of a metric others report', () => {
    const issues = checkQuality(dataset([obs('371726', '2025-01', 5)]), tree, { now: NOW })
    expect(issues).toEqual([expect.objectContaining({ kind: 'missingCounties', regions: ['371721', '371725'] })])
  })

  it('names the regions whose latest figure is more than 12 months old', () => {
    const issues = checkQuality(dataset([...everyCounty('2023-12', 10), obs('371726', '2025-03', 10)]), tree, { now: NOW })
    expect(issues).toEqual([expect.objectContaining({ kind: 'stale', regions: ['371721', '371725'], detail: { months: 17 } })])
  })

  it('flags a count that triples from one month to the next, and a rate moving 30 points', () => {
    const issues = checkQuality(dataset([...everyCounty('2025-01', 10), ...everyCounty('2025-02', 10), obs('371721', '2025-03', 31), obs('371725', '2025-03', 20), obs('371726', '2025-03', 10)]), tree, { now: NOW })
    expect(issues).toEqual([expect.objectContaining({ kind: 'jump', regions: ['371721'], detail: { change: 3.1 } })])
    expect(kinds([...everyCounty('2024-12', 40, { metric: 'rate' }), ...everyCounty('2025-01', 75, { metric: 'rate' })])).toEqual(['jump', 'jump', 'jump'])
  })

  it('does not compare a year total with a month', () => {
    expect(kinds([...everyCounty('2024', 120), ...everyCounty('2025-01', 10)])).toEqual([])
  })
})

describe(sortIssues, () => {
  it('puts conflicts first and stale figures last', () => {
    const issues = checkQuality(dataset([obs('371726', '2023-01', 5), obs('371726', '2023-01', 6, { source: 'x' })]), tree, { now: NOW })
    expect(sortIssues(issues, dataset([]).metrics).map((i) => i.kind)).toEqual(['conflict', 'missingCounties', 'stale'])
  })
})
