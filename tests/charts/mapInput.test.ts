import { describe, expect, it } from 'vitest'
import { mapBins, mapLabels, mapRows, mapSubtitle, mapUnits, toChangeRows, toMapInput, toMapSideRows, type MapBase } from '@/charts/mapInput'
import { viewTranslate } from '@/export/viewExport'
import { appTranslate, fixtureViewData, syntheticViewData } from './viewData'

const zh = mapLabels(appTranslate('zh'))
const en = mapLabels(appTranslate('en'))
/** The shipped schematic base map: polygons for the nine counties, none for the zones. */
const base: MapBase = { mapName: 'heze', codes: ['371702', '371703', '371721', '371722', '371723', '371724', '371725', '371726', '371728'], title: '菏泽市县区示意图', schematic: true, approval: '' }

describe(mapUnits, () => {
  it('lists the city’s county-level units by code, zones included', () => {
    expect(mapUnits(fixtureViewData().tree)).toEqual(['371702', '371726', '371771'])
  })
})

describe(mapRows, () => {
  it('keeps every unit as 无数据 when there is no period', () => {
    const data = fixtureViewData()
    expect(mapRows(data, data.metric('activities'), null).map((r) => [r.region, r.status])).toEqual([['371702', 'missing'], ['371726', 'missing'], ['371771', 'missing']])
  })
})

describe(toChangeRows, () => {
  it('colours each county by its change since the range’s start, signed, in the change’s unit', () => {
    const data = fixtureViewData()
    const metric = data.metric('activities')
    const values = mapRows(data, metric, '2025-01')
    const change = toChangeRows(data, metric, values, '2025-01', null, 'change')
    // 牡丹区 300 → 360; 鄄城县 and the zone have one figure only, their own start.
    expect(change.map((r) => [r.region, r.value])).toEqual([['371702', 60], ['371726', 0], ['371771', 0]])
    const input = toMapInput(data, metric, change, base, [], '2025-01', 'zh', zh, false, 'change')
    expect(input.areas.map((a) => a.label)).toEqual(['+60次', '0次'])
    const percent = toMapInput(data, metric, toChangeRows(data, metric, values, '2025-01', null, 'percent'), base, [], '2025-01', 'zh', zh, false, 'percent')
    expect(percent.areas.map((a) => a.label)).toEqual(['+20%', '0%'])
    expect(percent.unit).toBe('%')
    // The zone beside the map reads in the same unit.
    expect(toMapSideRows(data, metric, change, base, [], 'zh', zh, 'change').map((r) => r.label)).toEqual(['0次'])
    const rate = data.metric('coverage_rate')
    const rateChange = toChangeRows(data, rate, mapRows(data, rate, '2025-01'), '2025-01', null, 'change')
    expect(toMapSideRows(data, rate, rateChange, base, [], 'zh', zh, 'change').every((r) => !r.label.endsWith('%'))).toBe(true)
  })

  it('has no change for a unit whose range starts after its figures, and none at all without a period', () => {
    const data = fixtureViewData()
    const metric = data.metric('activities')
    const change = toChangeRows(data, metric, mapRows(data, metric, '2024-12'), '2024-12', '2025-01', 'change')
    expect(change.every((r) => r.status === 'missing')).toBe(true)
    expect(toChangeRows(data, metric, mapRows(data, metric, null), null, null, 'percent').every((r) => r.value === null)).toBe(true)
  })
})

describe(toMapInput, () => {
  it('colours the counties with polygons and bins the legend over the areas drawn, not the zones beside', () => {
    const data = fixtureViewData()
    const metric = data.metric('activities')
    const input = toMapInput(data, metric, mapRows(data, metric, '2025-01'), base, ['371726'], '2025-01', 'zh', zh)
    expect(input.areas).toEqual([
      { code: '371702', name: '牡丹区', value: 360, label: '360次', computed: false, selected: false },
      { code: '371726', name: '鄄城县', value: 200, label: '200次', computed: false, selected: true },
    ])
    // 200 and 360 drawn; the zone's 120 is listed beside the map, not binned.
    expect(input.bins.map((b) => b.label)).toEqual(['200次–250次', '250次–300次', '300次–350次', '350次–400次'])
    expect(input.noData).toBe('无数据')
    expect(input.title).toBe('activities · 2025年1月')
    expect(input.subtitle).toBe('菏泽市县区示意图 · 示意图，非标准地图')
    expect(input.description).toBe('菏泽市县区示意图 · 示意图，非标准地图。各县区数值：牡丹区 360次，鄄城县 200次。')
    expect(input.mapName).toBe('heze')
  })

  it('marks a value computed from towns and gives a one-value map one bin', () => {
    const data = fixtureViewData()
    const metric = data.metric('coverage_rate')
    const input = toMapInput(data, metric, mapRows(data, metric, '2025-01'), base, [], '2025-01', 'zh', zh, true)
    expect(input.areas.find((a) => a.code === '371726')).toMatchObject({ value: 60, label: '60%（推算）', computed: true })
    expect(input.bins).toEqual([{ min: 60, max: 60, label: '60%' }])
    expect(input.decal).toBe(true)
  })

  it('makes the same input through the CLI’s plain message lookup as through vue-i18n', () => {
    const data = syntheticViewData()
    const metric = data.metric('party_coverage')
    const synthetic: MapBase = { ...base, codes: ['990001', '990002', '990003'], schematic: false, approval: '鲁S(2024)001号' }
    for (const locale of ['zh', 'en'] as const) {
      const rows = mapRows(data, metric, '2022-06')
      const app = toMapInput(data, metric, rows, synthetic, ['990002'], '2022-06', locale, mapLabels(appTranslate(locale)))
      expect(toMapInput(data, metric, rows, synthetic, ['990002'], '2022-06', locale, mapLabels(viewTranslate(locale)))).toEqual(app)
    }
  })
})

describe(toMapSideRows, () => {
  it('lists the units without a polygon (the zones) beside the map, with their labels', () => {
    const data = fixtureViewData()
    const metric = data.metric('activities')
    expect(toMapSideRows(data, metric, mapRows(data, metric, '2025-01'), base, ['371771'], 'en', en)).toEqual([{ code: '371771', name: '菏泽经济技术开发区', label: '120 times', selected: true }])
  })
})

describe(mapSubtitle, () => {
  it('gives the approval number of a standard map instead of the schematic note', () => {
    expect(mapSubtitle({ ...base, schematic: false, approval: '鲁S(2024)001号' }, en)).toBe('菏泽市县区示意图 · Map approval no. 鲁S(2024)001号')
  })
})

describe(mapBins, () => {
  const pct = (v: number) => `${v}%`

  it('cuts the drawn values into about five bins of a round width, the ends covered', () => {
    const bins = mapBins([61.8, 64.1, 65.8, 67.6, 70.9, 71.4], pct)
    expect(bins.map((b) => b.label)).toEqual(['60%–62%', '62%–64%', '64%–66%', '66%–68%', '68%–70%', '70%–72%'])
    expect(bins[0].min).toBeLessThanOrEqual(61.8)
    expect(bins.at(-1)!.max).toBeGreaterThanOrEqual(71.4)
  })

  it('ends on the largest value when it falls on a bin edge', () => {
    expect(mapBins([60, 70], pct).map((b) => b.label)).toEqual(['60%–62%', '62%–64%', '64%–66%', '66%–68%', '68%–70%'])
  })

  it('has no bins without values', () => {
    expect(mapBins([], pct)).toEqual([])
  })
})
