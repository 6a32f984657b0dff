import { describe, expect, it } from 'vitest'
import { RegionTree } from '@/domain/regions'
import { shownRegions, trendRegions } from '@/domain/selection'
import type { Region } from '@/domain/types'

const region = (code: string, level: Region['level'], parent: string | null): Region => ({ code, name: code, level, parent, aliases: [] })
const tree = new RegionTree([
  region('371700', 'city', null),
  region('371702', 'county', '371700'),
  region('371702101', 'town', '371702'),
  region('371726', 'county', '371700'),
  region('371726113', 'town', '371726'),
])

describe(shownRegions, () => {
  it('shows the city and counties with figures when nothing is selected, not every town', () => {
    expect(shownRegions([], ['371726113', '371702', '371700', '371702101'], tree)).toEqual(['371700', '371702'])
  })

  it('falls back to towns when only towns have figures for the metric', () => {
    expect(shownRegions([], ['371726113', '371702101'], tree)).toEqual(['371702101', '371726113'])
  })

  it('adds the towns with figures of a selected county that has none of its own, ordered by code', () => {
    expect(shownRegions(['371726', '371700'], ['371726113', '371702101'], tree)).toEqual(['371700', '371726', '371726113'])
  })

  it('keeps a selected county’s own line alone when it has figures, rather than adding every town', () => {
    expect(shownRegions(['371726'], ['371726', '371726113'], tree)).toEqual(['371726'])
  })

  it('keeps a selected region without figures, so the chart can say 无数据', () => {
    expect(shownRegions(['371702'], [], tree)).toEqual(['371702'])
  })
})

describe(trendRegions, () => {
  const counties = Array.from({ length: 20 }, (_, i) => `3717${String(i + 1).padStart(2, '0')}`)
  const tree = new RegionTree([
    { code: '371700', name: '菏泽市', level: 'city', parent: null, aliases: [] },
    ...counties.map((code) => ({ code, name: code, level: 'county' as const, parent: '371700', aliases: [] })),
  ])
  const latest = (code: string) => Number(code.slice(-2))

  it('keeps the regions with the largest latest figures when nothing is selected and there are too many', () => {
    const { codes, omitted } = trendRegions([], counties, tree, latest, 12)
    expect(codes).toEqual(counties.slice(8))
    expect(omitted).toBe(8)
  })

  it('draws every region up to the limit, and every selected region whatever their number', () => {
    expect(trendRegions([], counties.slice(0, 12), tree, latest, 12)).toEqual({ codes: counties.slice(0, 12), omitted: 0 })
    expect(trendRegions(counties, counties, tree, latest, 12).codes).toHaveLength(20)
  })

  it('puts regions without a latest figure last', () => {
    const { codes } = trendRegions([], counties, tree, (code) => (code === counties[0] ? 99 : undefined), 1)
    expect(codes).toEqual([counties[0]])
  })
})
