import { describe, expect, it } from 'vitest'
import { ObservationIndex } from '@/domain/observationIndex'
import { kpiCard, overviewCards, overviewRegions, regionPoints, type OverviewPoint } from '@/domain/overview'
import { RegionTree } from '@/domain/regions'
import { metric, obs } from '@/domain/synthesize'
import type { Region } from '@/domain/types'

const region = (code: string, level: Region['level'], parent: string | null): Region => ({ code, name: code, level, parent, aliases: [] })
const tree = new RegionTree([region('371700', 'city', null), region('371702', 'county', '371700'), region('371726', 'county', '371700')])
const m = metric('m', { unit: '家' })
const point = (period: string, value: number, overrides: Partial<OverviewPoint> = {}): OverviewPoint => ({ period, value, qualifier: '=', computed: false, conflict: null, ...overrides })

describe(overviewRegions, () => {
  it('is about the city when nothing is selected, else about the selection', () => {
    expect(overviewRegions([], tree)).toEqual(['371700'])
    expect(overviewRegions(['371726', '371702'], tree)).toEqual(['371702', '371726'])
  })
})

describe(kpiCard, () => {
  it('shows the latest figure with its change against the previous one, absolute and in %', () => {
    const card = kpiCard(m, '371700', [point('2024-11', 80), point('2024-12', 100)])!
    expect(card.latest.value).toBe(100)
    expect(card.change).toEqual({ from: '2024-11', absolute: 20, relative: 25, approximate: false })
    expect(card.spark).toEqual([80, 100])
  })

  it('gives 同比 only where the same period a year earlier has a figure', () => {
    const withYear = kpiCard(m, 'r', [point('2023-12', 50), point('2024-11', 80), point('2024-12', 100)])!
    expect(withYear.yearOnYear).toMatchObject({ from: '2023-12', absolute: 50, relative: 100 })
    expect(kpiCard(m, 'r', [point('2024-11', 80), point('2024-12', 100)])!.yearOnYear).toBeNull()
  })

  it('compares months with months, not with a year total', () => {
    const card = kpiCard(m, 'r', [point('2023-06', 70), point('2024', 900), point('2025-01', 80)])!
    expect(card.change?.from).toBe('2023-06')
    expect(card.spark).toEqual([70, 80])
  })

  it('calls a change involving 110余名 approximate', () => {
    const card = kpiCard(m, 'r', [point('2024-12', 100), point('2025-01', 110, { qualifier: '>=' })])!
    expect(card.latest.qualifier).toBe('>=')
    expect(card.change?.approximate).toBe(true)
  })

  it('gives no change when there is only one figure, and no card when there is none', () => {
    expect(kpiCard(m, 'r', [point('2025-01', 66.1)])!.change).toBeNull()
    expect(kpiCard(m, 'r', [])).toBeNull()
  })

  it('computes no change from a period whose sources disagree', () => {
    const conflict = [obs('r', '2025-01', 1, { source: 'a' }), obs('r', '2025-01', 2, { source: 'b' })]
    const card = kpiCard(m, 'r', [point('2024-12', 5), point('2025-01', 1, { conflict })])!
    expect(card.latest.conflict).toHaveLength(2)
    expect(card.change).toBeNull()
  })
})

describe(regionPoints, () => {
  it('marks a city value summed from its counties as computed', () => {
    const index = new ObservationIndex([obs('371702', '2025-01', 3), obs('371726', '2025-01', 4)], [m])
    expect(regionPoints(index, tree, m, '371700')).toEqual([{ period: '2025-01', value: 7, qualifier: '=', computed: true, conflict: null }])
  })
})

describe(overviewCards, () => {
  it('gives one card per metric with figures, in catalogue order, for each region', () => {
    const other = metric('other')
    const index = new ObservationIndex([obs('371726', '2025-01', 3, { metric: 'other' }), obs('371726', '2025-01', 4), obs('371702', '2025-01', 1)], [m, other])
    const cards = overviewCards(index, tree, [m, other], ['371702', '371726'])
    expect(cards.map((c) => `${c.region}:${c.metric.id}`)).toEqual(['371702:m', '371726:m', '371726:other'])
  })
})
