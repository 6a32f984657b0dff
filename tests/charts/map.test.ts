import { describe, expect, it } from 'vitest'
import { bandOf, buildMapOption, SELECTED_OUTLINE, type MapArea, type MapInput } from '@/charts/map'

const area = (code: string, name: string, value: number | null, selected = false): MapArea => ({ code, name, value, label: value === null ? '无数据' : `${value}%`, computed: false, selected })
const input = (overrides: Partial<MapInput> = {}): MapInput => ({
  mapName: 'heze',
  title: '覆盖率 · 2025年1月',
  subtitle: '菏泽市县区示意图 · 示意图，非标准地图',
  unit: '%',
  areas: [area('371726', '鄄城县', 70, true), area('371702', '牡丹区', 60), area('371721', '曹县', null)],
  bins: [{ min: 60, max: 65, label: '60%–65%' }, { min: 65, max: 70, label: '65%–70%' }], noData: '无数据',
  description: '地图说明',
  animation: false,
  ...overrides,
})

type MapDatum = { name: string; value: number; itemStyle: { borderColor?: string; decal?: unknown } }
type MapSeries = { map: string; nameProperty: string; data: MapDatum[]; label: { formatter: (p: unknown) => string } }
const seriesOf = (option: ReturnType<typeof buildMapOption>) => (option.series as MapSeries[])[0]

describe(buildMapOption, () => {
  it('colours counties matched by GB code on the registered base map', () => {
    const series = seriesOf(buildMapOption(input()))
    expect(series).toMatchObject({ map: 'heze', nameProperty: 'code' })
    expect(series.data.map((d) => d.name)).toEqual(['371726', '371702', '371721'])
  })

  it('leaves a county without a figure grey, labels it 无数据 and matches the legend’s 无数据 entry', () => {
    const option = buildMapOption(input())
    const series = seriesOf(option)
    expect(series.label.formatter({ name: '371721' })).toBe('曹县\n无数据')
    const pieces = (option.visualMap as { pieces: { value?: number; label: string; color: string }[] }).pieces
    const noData = pieces.find((p) => p.label === '无数据')!
    expect(series.data[2].value).toBe(noData.value)
    expect(noData.color).toBe('#f2f2f2')
  })

  it('outlines the selected counties only', () => {
    const [selected, other] = seriesOf(buildMapOption(input())).data
    expect(selected.itemStyle.borderColor).toBe(SELECTED_OUTLINE)
    expect(other.itemStyle.borderColor).toBeUndefined()
  })

  it('has a binned legend with its thresholds, pale to dark, the last bin closed', () => {
    const visualMap = buildMapOption(input()).visualMap as { type: string; pieces: { gte?: number; lt?: number; lte?: number; label: string; color: string }[] }
    expect(visualMap.type).toBe('piecewise')
    expect(visualMap.pieces.map((p) => p.label)).toEqual(['60%–65%', '65%–70%', '无数据'])
    expect(visualMap.pieces[0]).toMatchObject({ gte: 60, lt: 65 })
    expect(visualMap.pieces[1]).toMatchObject({ gte: 65, lte: 70 })
    expect(visualMap.pieces[0].color).not.toBe(visualMap.pieces[1].color)
  })

  it('puts the schematic note or the approval number on the map itself, so exports carry it', () => {
    expect(buildMapOption(input({ subtitle: '审图号：鲁S(2024)001号' })).title).toMatchObject({ subtext: '审图号：鲁S(2024)001号' })
  })

  it('patterns counties by value band only when decals are asked for', () => {
    expect(seriesOf(buildMapOption(input())).data[0].itemStyle.decal).toBeUndefined()
    const decals = seriesOf(buildMapOption(input({ decal: true }))).data.map((d) => d.itemStyle.decal)
    expect(decals[0]).not.toEqual(decals[1])
    expect(decals[2]).toBeUndefined()
  })

  it('turns aria on with its description', () => {
    expect(buildMapOption(input()).aria).toMatchObject({ enabled: true, label: { description: '地图说明' } })
  })
})

describe(bandOf, () => {
  it('puts the ends of the scale in the first and last bands', () => {
    expect([bandOf(0, 0, 100), bandOf(50, 0, 100), bandOf(100, 0, 100)]).toEqual([0, 2, 4])
  })
})
