import { describe, expect, it } from 'vitest'
import { RegionTree } from '@/domain/regions'
import { shownRegions } from '@/domain/selection'
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
