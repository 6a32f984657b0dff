import { describe, expect, it } from 'vitest'
import { toChangeInput, toTrendInput } from '@/charts/trendInput'
import { COVERAGE, exportData } from './builders'

const labels = { target: (v: string) => `目标 ${v}`, noData: '无数据', singlePoint: '仅一期' }

describe(toTrendInput, () => {
  it('gives one named line per region, points in time order with display strings', () => {
    const input = toTrendInput(exportData(), COVERAGE, ['371726', '371702'], {}, 'zh', labels)
    expect(input.series.map((s) => s.name)).toEqual(['鄄城县', '牡丹区'])
    expect(input.series[1].points.map((p) => p.label)).toEqual(['55%', '≥58%'])
    expect(input.series[0].points.map((p) => p.period)).toEqual(['2024年', '2025年'])
    expect(input.target).toEqual({ value: 100, label: '目标 100%' })
  })

  it('keeps only figures inside the range', () => {
    const input = toTrendInput(exportData(), COVERAGE, ['371726'], { from: '2025' }, 'en', labels)
    expect(input.series[0].points.map((p) => p.label)).toEqual(['66.1%'])
  })

  it('describes the chart for screen readers: the metric and each line’s latest figure with its period', () => {
    const description = ({ metric, values }: { metric: string; values: string }) => `${metric}趋势图。各地区最新值：${values}。`
    const input = toTrendInput(exportData(), COVERAGE, ['371726', '371702'], {}, 'zh', { ...labels, description })
    expect(input.description).toBe(`${COVERAGE.name}趋势图。各地区最新值：鄄城县 66.1%（2025年）；牡丹区 ≥58%（2025年）。`)
    expect(toTrendInput(exportData(), COVERAGE, ['371726'], { from: '2099' }, 'zh', { ...labels, description }).description).toContain('各地区最新值：无数据。')
    expect(toTrendInput(exportData(), COVERAGE, ['371726'], {}, 'zh', labels).description).toBeUndefined()
  })

  it('gives an empty chart without a metric', () => {
    expect(toTrendInput(exportData(), undefined, ['371726'], {}, 'zh', labels).series).toEqual([])
  })
})

describe(toChangeInput, () => {
  const input = () => toTrendInput(exportData(), COVERAGE, ['371726', '371702'], {}, 'zh', labels)

  it('starts every line at 0 and shows a rate’s change in percentage points, approximate from a 余 figure', () => {
    const change = toChangeInput(input(), 'change', 'zh')
    expect(change.unit).toBe('个百分点')
    expect(change.target).toBeNull()
    expect(change.series.map((s) => s.points.map((p) => p.label))).toEqual([
      ['0个百分点', expect.stringMatching(/^\+\d+(\.\d)?个百分点$/)],
      ['0个百分点', '约+3个百分点'],
    ])
    expect(change.series[1].points.map((p) => p.qualifier)).toEqual(['=', '~'])
  })

  it('gives the relative change in %, and nothing for a line starting at 0', () => {
    const base = input()
    const percent = toChangeInput(base, 'percent', 'en')
    expect(percent.unit).toBe('%')
    expect(percent.series[1].points.map((p) => p.value)).toEqual([0, 5.5])
    const zero = { ...base, series: [{ name: 'a', points: [{ ...base.series[0].points[0], value: 0 }, base.series[0].points[1]] }] }
    expect(toChangeInput(zero, 'percent', 'zh').series[0].points).toEqual([])
  })
})
