import { describe, expect, it } from 'vitest'
import { ObservationIndex } from '@/domain/observationIndex'
import { RegionTree } from '@/domain/regions'
import { obs } from '@/domain/synthesize'
import { selectObservations, sortObservations, type TableSort } from '@/domain/tableRows'
import type { Region } from '@/domain/types'

const region = (code: string, name: string, level: Region['level'], parent: string | null): Region => ({ code, name, level, parent, aliases: [] })
const tree = new RegionTree([
  region('371700', '菏泽市', 'city', null),
  region('371721', '曹县', 'county', '371700'),
  region('371722', '单县', 'county', '371700'),
  region('371726', '鄄城县', 'county', '371700'),
  region('371726001', '陈王街道', 'town', '371726'),
])
const rows = [
  obs('371726', '2024-12', 5, { metric: 'b', source: 's2' }),
  obs('371722', '2023-06', 40, { metric: 'a' }),
  obs('371726001', '2024-01', 2, { metric: 'a' }),
  obs('371721', '2025-01', 7, { metric: 'b' }),
  obs('371700', '2022/2025-01', 300, { metric: 'a', qualifier: '>=' }),
]
const all = { regions: [], from: null, to: null, metric: null }

describe(selectObservations, () => {
  const index = new ObservationIndex(rows)

  it('keeps every metric of a selected county and its towns', () => {
    const picked = selectObservations(index, { ...all, regions: ['371726'] }, tree)
    expect(picked.map((o) => [o.metric, o.region])).toEqual([['a', '371726001'], ['b', '371726']])
  })

  it('keeps figures whose period overlaps the range, a cumulative interval included', () => {
    const picked = selectObservations(index, { ...all, from: '2024-06', to: '2024-12' }, tree)
    expect(picked.map((o) => o.period).sort()).toEqual(['2022/2025-01', '2024-12'])
  })

  it('narrows to one metric when asked', () => {
    expect(selectObservations(index, { ...all, metric: 'b' }, tree).map((o) => o.region)).toEqual(['371721', '371726'])
  })

  it('gives every figure once when nothing is selected', () => {
    expect(selectObservations(index, all, tree)).toHaveLength(rows.length)
  })
})

describe(sortObservations, () => {
  const ctx = { metricOrder: (id: string) => ['b', 'a'].indexOf(id), unit: () => '个', sourceTitle: (id: string) => (id === 's2' ? 'A 报道' : 'B 报道') }
  const sorted = (sort: TableSort) => sortObservations(rows, sort, ctx).map((o) => `${o.region} ${o.period}`)

  it('orders regions by code, so 曹县 comes before 单县 whatever the pinyin', () => {
    expect(sorted({ key: 'region', dir: 'asc' })).toEqual(['371700 2022/2025-01', '371721 2025-01', '371722 2023-06', '371726 2024-12', '371726001 2024-01'])
  })

  it('orders periods in time and values numerically, either way', () => {
    expect(sorted({ key: 'period', dir: 'asc' })[0]).toBe('371722 2023-06')
    expect(sorted({ key: 'value', dir: 'desc' }).slice(0, 2)).toEqual(['371700 2022/2025-01', '371722 2023-06'])
  })

  it('orders metrics in catalogue order and sources by title', () => {
    expect(sortObservations(rows, { key: 'metric', dir: 'asc' }, ctx).map((o) => o.metric)).toEqual(['b', 'b', 'a', 'a', 'a'])
    expect(sorted({ key: 'source', dir: 'asc' })[0]).toBe('371726 2024-12')
  })

  it('leaves its input untouched', () => {
    const before = rows.map((o) => o.region)
    sortObservations(rows, { key: 'value', dir: 'asc' }, ctx)
    expect(rows.map((o) => o.region)).toEqual(before)
  })
})
