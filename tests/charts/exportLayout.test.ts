import { describe, expect, it } from 'vitest'
import type { ECOption } from '@/charts/echarts'
import { buildExportOption, EXPORT_LAYOUT, legendRows, type ExportMeta } from '@/charts/exportLayout'

const META: ExportMeta = {
  title: '党组织覆盖率',
  subtitle: '鄄城县 · 2024年—2025年',
  unit: '单位：%',
  source: '数据来源：《菏泽日报》',
  credit: '制图：菏泽社会治理指标看板 · 导出日期：2026-11-29',
  demo: '',
}

type Loose = Record<string, unknown>
const titles = (o: ECOption) => (o.title as Loose[]).map((t) => t.text)

function lineChart(names: string[]): ECOption {
  return {
    animation: true,
    legend: { type: 'scroll', top: 8, data: names },
    grid: { left: 56, right: 32, top: 56, bottom: 40 },
    dataZoom: [{ type: 'inside', start: 50, end: 100 }],
    toolbox: { feature: { saveAsImage: {} } },
    xAxis: { type: 'time' },
    yAxis: { type: 'value' },
    series: names.map((name) => ({ type: 'line', name, data: [] })),
  } as ECOption
}

describe(buildExportOption, () => {
  it('puts a caption under the plot, above the sources, and lifts the plot to make room', () => {
    const caption = '截至2025年，鄄城县党组织覆盖率为66.1%，较上年提高5.6个百分点。'
    const plain = buildExportOption(lineChart(['鄄城县']), META)
    const captioned = buildExportOption(lineChart(['鄄城县']), { ...META, caption })
    expect(titles(plain)).not.toContain(caption)
    const title = (captioned.title as Loose[]).find((t) => t.text === caption)!
    const source = (captioned.title as Loose[]).find((t) => t.text === META.source)!
    expect(title.bottom as number).toBeGreaterThan(source.bottom as number)
    const bottom = (o: ECOption) => (o.grid as Loose[])[0].bottom as number
    expect(bottom(captioned)).toBeGreaterThanOrEqual(bottom(plain) + 22)
    expect(bottom(captioned)).toBeGreaterThan((title.bottom as number) + 22)
  })

  it('carries title, subtitle, unit, source and credit inside the image', () => {
    expect(titles(buildExportOption(lineChart(['鄄城县']), META))).toEqual([META.title, META.subtitle, META.unit, META.source, META.credit])
  })

  it('marks demo data only while the demo package is shown', () => {
    expect(titles(buildExportOption(lineChart([]), { ...META, demo: '演示数据' }))).toContain('演示数据')
  })

  it('shows the whole legend unpaged, and no zoom window or toolbox', () => {
    const option = buildExportOption(lineChart(['鄄城县', '牡丹区']), META) as Loose
    expect((option.legend as Loose[])[0]).toMatchObject({ type: 'plain', data: ['鄄城县', '牡丹区'] })
    expect(option.dataZoom).toBeUndefined()
    expect(option.toolbox).toBeUndefined()
  })

  it('draws on white without animation, in the bundled CJK font', () => {
    const option = buildExportOption(lineChart(['鄄城县']), META) as Loose
    expect(option).toMatchObject({ animation: false, backgroundColor: '#fff' })
    expect((option.textStyle as Loose).fontFamily).toMatch(/^'Noto Sans CJK SC'/)
  })

  it('moves the plot down as the legend wraps onto more rows', () => {
    const top = (names: string[]) => ((buildExportOption(lineChart(names), META) as Loose).grid as Loose[])[0].top as number
    const many = Array.from({ length: 60 }, (_, i) => `第${i}号镇街道`)
    expect(top(many)).toBeGreaterThan(top(['鄄城县']) + 48)
    expect(top(many)).toBeLessThan(EXPORT_LAYOUT.height / 2)
  })

  it('keeps a no-data message but replaces a chart’s own heading', () => {
    const chart = { ...lineChart([]), title: [{ text: '地图标题', top: 4 }, { text: '暂无数据', top: 'middle' }] } as ECOption
    const texts = titles(buildExportOption(chart, META))
    expect(texts).toContain('暂无数据')
    expect(texts).not.toContain('地图标题')
  })

  it('fits a map series between the legend and the footer', () => {
    const map = { series: [{ type: 'map', map: 'heze', layoutCenter: ['50%', '55%'], layoutSize: '80%' }], visualMap: { left: 8, bottom: 8 } } as unknown as ECOption
    const option = buildExportOption(map, META) as Loose
    const series = (option.series as Loose[])[0]
    expect(series.layoutSize as number).toBeGreaterThan(400)
    expect((series.layoutCenter as number[])[1]).toBeGreaterThan(300)
    expect((option.visualMap as Loose[])[0].bottom as number).toBeGreaterThan(72)
  })
})

describe(legendRows, () => {
  it('wraps long legends and keeps a short one on one row', () => {
    expect(legendRows(['鄄城县', '牡丹区'], 1216)).toBe(1)
    expect(legendRows(Array.from({ length: 40 }, () => '鄄城县镇街'), 1216)).toBeGreaterThan(2)
    expect(legendRows([], 1216)).toBe(0)
  })
})
