import { beforeAll, describe, expect, it } from 'vitest'
import { buildCompareOption, type CompareBar, type CompareInput } from '@/charts/compare'
import { registerBarParts } from '@/charts/echarts'
import { renderSvg } from '@/export/render'

const bar = (name: string, value: number | null, status: CompareBar['status'] = value === null ? 'missing' : 'reported', label = value === null ? '无数据' : `${value}%`): CompareBar => ({ name, value, status, label, detail: '报道<b>' })
const input = (overrides: Partial<CompareInput> = {}): CompareInput => ({
  unit: '%',
  bars: [bar('鄄城县', 70), bar('牡丹区', 60, 'computed', '约60%（推算）'), bar('曹县', null)],
  reference: null,
  description: '对比说明',
  animation: false,
  ...overrides,
})

type BarDatum = { value: number; label: { formatter: string }; itemStyle: { color: string; decal?: unknown } }
const seriesOf = (option: ReturnType<typeof buildCompareOption>) => (option.series as { data: BarDatum[]; markLine?: { data: { xAxis: number }[] } }[])[0]

describe(buildCompareOption, () => {
  it('draws the regions in the given rank order, the first on top', () => {
    const option = buildCompareOption(input())
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['鄄城县', '牡丹区', '曹县'] })
    expect(seriesOf(option).data.map((d) => d.value)).toEqual([70, 60, 0])
  })

  it('keeps a region without a figure as a row labelled 无数据', () => {
    const last = seriesOf(buildCompareOption(input())).data[2]
    expect(last.label.formatter).toBe('无数据')
  })

  it('hatches a computed bar and labels it as computed', () => {
    const [reported, computed] = seriesOf(buildCompareOption(input())).data
    expect(reported.itemStyle.decal).toBeUndefined()
    expect(computed.itemStyle.decal).toBeDefined()
    expect(computed.label.formatter).toContain('推算')
  })

  it('draws the enclosing region’s own figure as a reference line', () => {
    const option = buildCompareOption(input({ reference: { value: 66.1, label: '菏泽市 66.1%' } }))
    expect(seriesOf(option).markLine?.data).toEqual([{ xAxis: 66.1 }])
    expect(option.xAxis).toMatchObject({ max: undefined })
    expect(buildCompareOption(input({ reference: { value: 90, label: '' } })).xAxis).toMatchObject({ max: 95 })
  })

  it('describes itself for screen readers and turns patterns on for black-and-white printing', () => {
    expect(buildCompareOption(input()).aria).toMatchObject({ enabled: true, label: { description: '对比说明' }, decal: { show: false } })
    expect(buildCompareOption(input({ decal: true })).aria).toMatchObject({ decal: { show: true } })
  })

  it('escapes names and sources in the HTML tooltip', () => {
    const option = buildCompareOption(input({ bars: [bar('<img src=x>', 1)] }))
    const text = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ dataIndex: 0 })
    expect(text).not.toContain('<img')
    expect(text).not.toContain('<b>报道')
  })
})

describe('the compare chart’s value axis', () => {
  beforeAll(registerBarParts)

  it('ticks a count in whole numbers', () => {
    const option = buildCompareOption(input({ unit: '个', integer: true, bars: [bar('鄄城县', 1, 'reported', '1个'), bar('牡丹区', 1, 'reported', '1个')] }))
    const texts = [...renderSvg(option).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])
    expect(texts).toContain('1')
    expect(texts.filter((t) => /^0\.\d$/.test(t))).toEqual([])
  })
})
