import { describe, expect, it } from 'vitest'
import { renderSvg } from '@/export/render'
import { buildTrendOption, type TrendInput, type TrendPoint } from '@/charts/trend'
import type { Qualifier } from '@/domain/types'

function point(time: number, value: number, qualifier: Qualifier = '='): TrendPoint {
  return { time, value, qualifier, label: `${qualifier === '>=' ? '≥' : ''}${value}次`, period: `p${time}`, source: '报道<b>' }
}

function input(overrides: Partial<TrendInput> = {}): TrendInput {
  return { unit: '次', target: null, emptyText: '无数据', singlePointNote: '仅一期', animation: false, series: [], ...overrides }
}

type LineData = { value: [number, number]; symbol: string }[]
const seriesOf = (option: ReturnType<typeof buildTrendOption>) => option.series as { name: string; data: LineData; label: { show: boolean } }[]

describe(buildTrendOption, () => {
  it('draws one line per region on a time axis, in the given order', () => {
    const option = buildTrendOption(input({ series: [{ name: '鄄城县', points: [point(1, 3), point(5, 4)] }, { name: '牡丹区', points: [point(2, 7)] }] }))
    expect(seriesOf(option).map((s) => s.name)).toEqual(['鄄城县', '牡丹区'])
    expect(seriesOf(option)[0].data.map((d) => d.value)).toEqual([[1, 3], [5, 4]])
    expect(option.xAxis).toMatchObject({ type: 'time' })
    expect(option.legend).toMatchObject({ data: ['鄄城县', '牡丹区'] })
  })

  it('marks 500余次 as a lower bound with a hollow marker', () => {
    const [line] = seriesOf(buildTrendOption(input({ series: [{ name: '吴店镇', points: [point(1, 450), point(2, 500, '>=')] }] })))
    expect(line.data.map((d) => d.symbol)).toEqual(['circle', 'emptyCircle'])
  })

  it('writes a one-period value only where no other point sits just above it, instead of stacking twelve on one spot', () => {
    // The demo's twelve regions in 2025-01: values 62–83 on a 0–100 axis.
    const values = [68.6, 72.2, 62.3, 66.7, 65.8, 65.2, 72.3, 68.2, 68.5, 71.5, 71.9, 83.1]
    const series = values.map((v, i) => ({ name: `地区${i}`, points: [{ ...point(1, v), label: `${v}%` }] }))
    const option = buildTrendOption(input({ unit: '%', target: { value: 100, label: '目标' }, series }))
    const shown = values.filter((_, i) => seriesOf(option)[i].label.show).sort((a, b) => b - a)
    // The top value, and each other one only where no point lies within a label's height (7 of 100) above it.
    expect(shown).toEqual([83.1, 72.3])
    // In a drawn chart the written values do not collide: none of the hidden ones is drawn either.
    const svg = renderSvg(option)
    expect(values.filter((v) => svg.includes(`>${v}%<`)).sort((a, b) => b - a)).toEqual(shown)
    // Far apart, or at different periods, every lone point keeps its value.
    const apart = buildTrendOption(input({ series: [{ name: 'a', points: [point(1, 10)] }, { name: 'b', points: [point(1, 90)] }, { name: 'c', points: [point(5, 11)] }] }))
    expect(seriesOf(apart).map((l) => l.label.show)).toEqual([true, true, true])
  })

  it('labels a series that has a single point, so it does not vanish', () => {
    const lines = seriesOf(buildTrendOption(input({ series: [{ name: 'a', points: [point(1, 3)] }, { name: 'b', points: [point(1, 3), point(2, 4)] }] })))
    expect(lines.map((l) => l.label.show)).toEqual([true, false])
  })

  it('draws the target as a dashed line across the whole time axis, named in the legend', () => {
    const option = buildTrendOption(input({ unit: '%', target: { value: 100, label: '目标 100%' }, series: [{ name: 'a', points: [point(1, 66.1), point(3, 70)] }] }))
    const axis = option.xAxis as { min: number; max: number }
    const target = (option.series as { id?: string; name: string; data: number[][]; silent: boolean; lineStyle: { type: string } }[]).find((s) => s.id === 'target')
    expect(target).toMatchObject({ name: '目标 100%', silent: true, lineStyle: { type: 'dashed' } })
    expect(target!.data).toEqual([
      [axis.min, 100],
      [axis.max, 100],
    ])
    expect(option.legend).toMatchObject({ data: ['a', { name: '目标 100%' }] })
    // No target, or nothing on the axis to draw it across: no line.
    expect(seriesOf(buildTrendOption(input({ series: [{ name: 'a', points: [point(1, 66.1)] }] }))).map((s) => s.name)).toEqual(['a'])
    expect(seriesOf(buildTrendOption(input({ target: { value: 100, label: '目标' }, series: [{ name: 'a', points: [] }] }))).map((s) => s.name)).toEqual(['a'])
  })

  it('says there are no figures instead of drawing an empty grid silently', () => {
    const option = buildTrendOption(input({ series: [{ name: '鄄城县', points: [] }] }))
    expect(option.title).toMatchObject({ text: '无数据' })
    expect(option.legend).toMatchObject({ data: ['鄄城县'] })
  })

  it('escapes names and source titles in the HTML tooltip', () => {
    const option = buildTrendOption(input({ series: [{ name: '<img src=x onerror=alert(1)>', points: [point(1, 3)] }] }))
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter
    const html = formatter([{ seriesName: '<img src=x onerror=alert(1)>', data: { point: point(1, 3) } }])
    expect(html).not.toContain('<img')
    expect(html).toContain('&#60;img')
    expect(html).toContain('报道&#60;b&#62;')
  })
})

describe('the trend time axis', () => {
  const day = 86_400_000

  it('spans at least three months around a single period', () => {
    const t = Date.UTC(2025, 0, 31, 12)
    const axis = buildTrendOption(input({ series: [{ name: 'a', points: [point(t, 1)] }] })).xAxis as { min: number; max: number }
    expect(axis.max - axis.min).toBeGreaterThanOrEqual(90 * day)
    expect(axis.min).toBeLessThan(t)
    expect(axis.max).toBeGreaterThan(t)
  })

  it('keeps every point inside a window padded beyond the data', () => {
    const a = Date.UTC(2022, 0, 31)
    const b = Date.UTC(2025, 0, 31)
    const axis = buildTrendOption(input({ series: [{ name: 'a', points: [point(a, 1), point(b, 2)] }] })).xAxis as { min: number; max: number }
    expect(axis.min).toBeLessThan(a)
    expect(axis.max).toBeGreaterThan(b)
    expect(axis.max - axis.min).toBeLessThan((b - a) * 1.2)
  })

  it('stretches the value axis up to the target', () => {
    const option = buildTrendOption(input({ unit: '%', target: { value: 100, label: '目标' }, series: [{ name: 'a', points: [point(1, 66.1)] }] }))
    const max = (option.yAxis as { max: (v: { max: number }) => number }).max
    expect(max({ max: 70 })).toBe(100)
    expect(max({ max: 120 })).toBe(120)
  })
})

describe('many lines', () => {
  const twelve = Array.from({ length: 12 }, (_, i) => ({ name: `地区${i}`, points: [point(1, i), point(2, i + 1, i === 3 ? '>=' : '=')] }))

  it('gives the city, nine counties and two zones twelve different colours, all solid lines', () => {
    const option = buildTrendOption(input({ series: twelve }))
    const lines = option.series as { lineStyle?: { type: string } }[]
    expect(new Set(option.color as string[]).size).toBe(12)
    expect(lines.slice(0, 12).every((l) => l.lineStyle === undefined)).toBe(true)
  })

  it('brings a colour back with a dashed line past twelve, so the thirteenth line is not the first one again', () => {
    const series = [...twelve, { name: '地区12', points: [point(1, 1)] }]
    const option = buildTrendOption(input({ series }))
    const lines = option.series as { lineStyle?: { type: string } }[]
    const colors = option.color as string[]
    expect(colors[12]).toBe(colors[0])
    expect(lines[12].lineStyle?.type).toBe('dashed')
  })

  it('draws filled legend marks, keeping hollow markers for the 余/约 points alone', () => {
    const option = buildTrendOption(input({ series: twelve }))
    const lines = (option.series as { symbol: string; data: { symbol: string }[] }[]).slice(0, 12)
    expect(new Set(lines.map((l) => l.symbol))).toEqual(new Set(['circle']))
    expect(lines[3].data.map((d) => d.symbol)).toEqual(['circle', 'emptyCircle'])
    const svg = renderSvg(option)
    // Each legend mark (placed by translate; the points by matrix) is filled with its line's colour, a hollow one white.
    for (const color of (option.color as string[]).slice(0, 12)) expect(svg).toMatch(new RegExp(`<path d="[^"]*" transform="translate\\([^)]*\\)" fill="${color}"`, 'i'))
  })

  it('names each line at its end, kept apart where the ends crowd', () => {
    const crowded = twelve.map((s, i) => ({ ...s, points: [point(Date.UTC(2024, 0, 15), 60), point(Date.UTC(2025, 0, 15), 70 + i * 0.2)] }))
    const option = buildTrendOption(input({ endLabels: true, series: crowded }))
    const svg = renderSvg(option)
    const colors = option.color as string[]
    const ys = crowded.map((s, i) => Number(new RegExp(`transform="translate\\([\\d.]+ ([\\d.]+)\\)" fill="${colors[i]}">${s.name}<`).exec(svg)?.[1]))
    expect(ys.every((y) => y > 0)).toBe(true)
    const sorted = [...ys].sort((a, b) => a - b)
    // Twelve names, none drawn over another (a 12 px line of text each).
    expect(sorted.slice(1).every((y, i) => y - sorted[i] >= 11)).toBe(true)
  })

  it('keeps the plot wide beside long English names, cutting a name short at the line’s end', () => {
    const long = ['Heze Economic and Technological Development Zone', 'Juye County'].map((name, i) => ({ name, points: [point(1, 60 + i), point(2, 70 + i)] }))
    const option = buildTrendOption(input({ endLabels: true, zoom: true, series: long }))
    expect((option.grid as { right: number }).right).toBeLessThanOrEqual(190)
    const svg = renderSvg(option)
    const [zone, juye] = option.color as string[]
    // The end names, in their line's colour (the legend gives the whole name in grey).
    expect(svg).toContain(`fill="${juye}">Juye County<`)
    expect(svg).not.toContain(`fill="${zone}">Heze Economic and Technological Development Zone<`)
    expect(svg).toMatch(new RegExp(`fill="${zone}">Heze Economic[^<]*(…|\\.\\.\\.)<`))
  })

  it('lists every line’s value at the hovered date in one tooltip, largest first', () => {
    const option = buildTrendOption(input({ series: twelve }))
    expect(option.tooltip).toMatchObject({ trigger: 'axis' })
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter
    const params = twelve.map((s) => ({ seriesName: s.name, marker: '', data: { point: s.points[1] } }))
    const html = formatter([...params, { seriesName: '目标', data: [1, 100] }])
    const names = [...html.matchAll(/地区\d+/g)].map((m) => m[0])
    expect(names).toEqual(twelve.map((s) => s.name).reverse())
    expect(html).toContain('≥4次')
  })
})

describe('the trend for black-and-white printing', () => {
  it('gives each line its own dash style and marker shape, keeping hollow markers for non-exact figures', () => {
    const option = buildTrendOption(input({ decal: true, series: ['a', 'b', 'c'].map((name) => ({ name, points: [point(1, 3), point(2, 4, '>=')] })) }))
    const lines = option.series as { lineStyle: { type: string }; data: { symbol: string }[] }[]
    expect(lines.map((l) => l.lineStyle.type)).toEqual(['solid', 'dashed', 'dotted'])
    expect(lines.map((l) => l.data.map((d) => d.symbol))).toEqual([
      ['circle', 'emptyCircle'],
      ['rect', 'emptyRect'],
      ['triangle', 'emptyTriangle'],
    ])
  })
})

describe('a dense trend', () => {
  it('keeps markers for a readable series and drops them past a few hundred points', () => {
    const few = Array.from({ length: 36 }, (_, i) => point(i, i))
    const many = Array.from({ length: 1200 }, (_, i) => point(i, i))
    const lines = buildTrendOption(input({ series: [{ name: 'a', points: few }, { name: 'b', points: many }] })).series as { showSymbol: boolean }[]
    expect(lines.map((l) => l.showSymbol)).toEqual([true, false])
  })
})

describe('zooming the trend', () => {
  it('offers a zoom slider once there is more than one period, and none for a single one', () => {
    const zoomOf = (points: TrendPoint[], zoom = true) => buildTrendOption(input({ zoom, series: [{ name: 'a', points }] })).dataZoom as { type: string }[] | undefined
    expect(zoomOf([point(1, 3), point(2, 4)])?.map((z) => z.type)).toEqual(['inside', 'slider'])
    expect(zoomOf([point(1, 3)])).toBeUndefined()
    expect(zoomOf([point(1, 3), point(2, 4)], false)).toBeUndefined()
  })

  it('draws the lines whole with the period range as the zoom’s window, or cut to it while the zoom has not loaded', () => {
    const series = [{ name: 'a', points: [point(1, 3), point(2, 4), point(3, 5)] }]
    const zoomed = buildTrendOption(input({ zoom: true, series, window: { start: 2, end: 3 } }))
    expect((zoomed.dataZoom as { startValue?: number; endValue?: number }[]).map((z) => [z.startValue, z.endValue])).toEqual([[2, 3], [2, 3]])
    expect(seriesOf(zoomed)[0].data).toHaveLength(3)
    const cut = buildTrendOption(input({ zoom: false, series, window: { start: 2 } }))
    expect(cut.dataZoom).toBeUndefined()
    expect(seriesOf(cut)[0].data.map((d) => d.value[0])).toEqual([2, 3])
  })
})

describe('highlighting a line', () => {
  it('brings a hovered line (its legend entry, its end name, the line itself) forward and fades the others', () => {
    const option = buildTrendOption(input({ series: [{ name: 'a', points: [point(1, 3), point(2, 4)] }, { name: 'b', points: [point(1, 5), point(2, 6)] }] }))
    const lines = option.series as { type: string; emphasis?: { focus?: string }; blur?: { lineStyle?: { opacity?: number } }; triggerEvent?: string }[]
    for (const line of lines.filter((l) => l.type === 'line' && l.emphasis)) {
      expect(line.emphasis!.focus).toBe('series')
      expect(line.blur!.lineStyle!.opacity).toBeLessThan(0.5)
      expect(line.triggerEvent).toBe('line')
    }
    expect(lines.filter((l) => l.emphasis?.focus === 'series')).toHaveLength(2)
    expect((option.legend as { data: unknown[] }).data).toHaveLength(2)
  })
})

describe('trend animation', () => {
  it('draws in and redraws quickly, so the chart can be read at once', () => {
    const option = buildTrendOption(input({ animation: true }))
    expect(option.animation).toBe(true)
    expect(option.animationDuration).toBeLessThanOrEqual(300)
    expect(option.animationDurationUpdate).toBeLessThanOrEqual(200)
  })
})

describe('the trend chart’s axes', () => {
  const month = (y: number, m: number) => Date.UTC(y, m - 1, 15)
  const axisTexts = (option: ReturnType<typeof buildTrendOption>) => [...renderSvg(option).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])

  it('names the year on the first label of a range inside one year', () => {
    const points = [3, 5, 7, 9, 11].map((m) => point(month(2024, m), m))
    const texts = axisTexts(buildTrendOption(input({ series: [{ name: '鄄城县', points }] })))
    expect(texts.some((t) => /^2024年\d+月$/.test(t))).toBe(true)
    expect(axisTexts(buildTrendOption(input({ locale: 'en', series: [{ name: 'a', points }] }))).some((t) => /^[A-Z][a-z]{2} 2024$/.test(t))).toBe(true)
  })

  it('names the year again where a new year starts', () => {
    const points = [month(2024, 10), month(2024, 12), month(2025, 2), month(2025, 4)].map((t, i) => point(t, i + 1))
    const texts = axisTexts(buildTrendOption(input({ series: [{ name: '鄄城县', points }] })))
    expect(texts).toContain('2025年')
    expect(texts.some((t) => /^2024年\d+月$/.test(t))).toBe(true)
  })

  it('ticks a count in whole numbers', () => {
    const points = [point(month(2024, 1), 1), point(month(2024, 6), 1)]
    const texts = axisTexts(buildTrendOption(input({ integer: true, series: [{ name: '鄄城县', points }] })))
    expect(texts).toContain('1')
    expect(texts.filter((t) => /^0\.\d$/.test(t))).toEqual([])
  })

  it('draws a cumulative figure as a band over its interval, named by its period, not as a dot at its end', () => {
    const since = Date.UTC(2022, 0, 1)
    const end = month(2025, 1)
    const cumulative = { ...point(end, 500, '>='), since, period: '2022年—2025年1月' }
    const option = buildTrendOption(input({ series: [{ name: '牡丹区', points: [cumulative] }] }))
    const span = (option.series as { id?: string; name: string; data: unknown[] }[]).find((s) => s.id?.startsWith('span'))
    expect(span).toMatchObject({ name: '牡丹区' })
    expect(span!.data).toEqual([expect.objectContaining({ value: [since, 500] }), [end, 500]])
    expect((option.xAxis as { min: number }).min).toBeLessThan(since)
    expect(axisTexts(option)).toContain('2022年—2025年1月')
  })
})

describe('the trend on a phone', () => {
  it('starts the plot below a legend that wraps three names to a row', () => {
    const series = Array.from({ length: 12 }, (_, i) => ({ name: `地区${i}`, points: [point(1, i)] }))
    const top = (perRow?: number) => (buildTrendOption(input({ series, legendPerRow: perRow })).grid as { top: number }).top
    expect(top(3)).toBe(40 + 24 * 4)
    expect(top()).toBe(40 + 24 * 2)
  })
})
