import { describe, expect, it } from 'vitest'
import { ObservationIndex } from '@/domain/observationIndex'
import { RegionTree } from '@/domain/regions'
import { SYNTHETIC_METRICS, obs, synthesizeObservations, synthesizeRegions } from '@/domain/synthesize'
import { selectRows, sortRows, type TableSelection, type TableSort } from '@/domain/tableRows'
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

describe(selectRows, () => {
  const index = new ObservationIndex(rows)
  const pick = (selection: TableSelection) => index.observationsAt(selectRows(index, selection, tree))

  it('keeps every metric of a selected county and its towns', () => {
    expect(pick({ ...all, regions: ['371726'] }).map((o) => [o.metric, o.region])).toEqual([['a', '371726001'], ['b', '371726']])
  })

  it('keeps figures whose period overlaps the range, a cumulative interval included', () => {
    expect(pick({ ...all, from: '2024-06', to: '2024-12' }).map((o) => o.period).sort()).toEqual(['2022/2025-01', '2024-12'])
  })

  it('narrows to one metric when asked', () => {
    expect(pick({ ...all, metric: 'b' }).map((o) => o.region)).toEqual(['371721', '371726'])
  })

  it('gives every figure once when nothing is selected', () => {
    expect(new Set(pick(all))).toEqual(new Set(index.observations()))
    expect(pick(all)).toHaveLength(rows.length)
  })
})

describe(sortRows, () => {
  const index = new ObservationIndex(rows)
  const ids = selectRows(index, all, tree)
  const ctx = { metricOrder: (id: string) => ['b', 'a'].indexOf(id), unit: () => '个', sourceTitle: (id: string) => (id === 's2' ? 'A 报道' : 'B 报道') }
  const sortedObs = (sort: TableSort) => index.observationsAt(sortRows(index, ids, sort, ctx))
  const sorted = (sort: TableSort) => sortedObs(sort).map((o) => `${o.region} ${o.period}`)

  it('orders regions by code, so 曹县 comes before 单县 whatever the pinyin', () => {
    expect(sorted({ key: 'region', dir: 'asc' })).toEqual(['371700 2022/2025-01', '371721 2025-01', '371722 2023-06', '371726 2024-12', '371726001 2024-01'])
  })

  it('orders periods in time and values numerically, either way', () => {
    expect(sorted({ key: 'period', dir: 'asc' })[0]).toBe('371722 2023-06')
    expect(sorted({ key: 'value', dir: 'desc' }).slice(0, 2)).toEqual(['371700 2022/2025-01', '371722 2023-06'])
    expect(sorted({ key: 'value', dir: 'asc' })).toEqual(['371726001 2024-01', '371726 2024-12', '371721 2025-01', '371722 2023-06', '371700 2022/2025-01'])
  })

  it('orders metrics in catalogue order and sources by title', () => {
    expect(sortedObs({ key: 'metric', dir: 'asc' }).map((o) => o.metric)).toEqual(['b', 'b', 'a', 'a', 'a'])
    expect(sorted({ key: 'source', dir: 'asc' })[0]).toBe('371726 2024-12')
  })

  it('keeps the selection order among equal keys, in either direction', () => {
    // All five share a unit: the order is the selection's (metric, region, period) both ways.
    const selection = index.observationsAt(ids).map((o) => `${o.region} ${o.period}`)
    expect(sorted({ key: 'unit', dir: 'asc' })).toEqual(selection)
    expect(sorted({ key: 'unit', dir: 'desc' })).toEqual(selection)
  })

  it('agrees with a plain sort over synthetic data, ties included', () => {
    const data = synthesizeObservations({ regions: 8, periods: 24, seed: 3 })
    const big = new ObservationIndex(data, SYNTHETIC_METRICS)
    const bigTree = new RegionTree(synthesizeRegions(8))
    const rowsOf = selectRows(big, all, bigTree)
    const selection = big.observationsAt(rowsOf)
    for (const dir of ['asc', 'desc'] as const) {
      const expected = selection.map((o, i) => ({ o, i })).sort((x, y) => (dir === 'asc' ? 1 : -1) * (x.o.value - y.o.value) || x.i - y.i).map((x) => x.o)
      expect(big.observationsAt(sortRows(big, rowsOf, { key: 'value', dir }, ctx))).toEqual(expected)
    }
  })

  it('leaves its input untouched', () => {
    const before = Array.from(ids)
    sortRows(index, ids, { key: 'value', dir: 'asc' }, ctx)
    expect(Array.from(ids)).toEqual(before)
  })
})
