import type { Qualifier } from '@/domain/types'
import type { LineSeriesOption } from 'echarts/charts'
import type { ECOption } from './echarts'
import { escapeHtml } from './markup'
import { MOTION } from './motion'
import { PALETTE, seriesColor } from './palette'
import type { TimeWindow } from './trendWindow'

/** One figure placed on the time axis, with its display strings already made. */
export interface TrendPoint {
  /** Epoch ms where the period sits on the axis. */
  time: number
  value: number
  qualifier: Qualifier
  /** The value as people read it: '≥500次', '66.1%'. */
  label: string
  /** The period as people read it: '2025年1月'. */
  period: string
  /** Title of the report the figure comes from. */
  source: string
  /** A cumulative figure's interval (2022/2025-01): where it starts on the axis, drawn as a band up to `time`. */
  since?: number
}

/** One line: a region's figures of one metric. */
export interface TrendSeries {
  name: string
  points: TrendPoint[]
}

/** Everything buildTrendOption needs; no Vue, no i18n lookups inside the builder. */
export interface TrendInput {
  unit: string
  series: TrendSeries[]
  target: { value: number; label: string } | null
  /** Shown in the plot area when no series has a point. */
  emptyText: string
  /** Tooltip suffix for series drawn from one period only. */
  singlePointNote: string
  /** Off for exports and tests, where the final frame is all that matters. */
  animation?: boolean
  renderer?: 'canvas' | 'svg'
  /** Dash styles and marker shapes per series, so lines stay apart when printed without colour. */
  decal?: boolean
  /** What a screen reader says for the chart (the page puts it on the chart's element). */
  description?: string
  /** Zoom by wheel, drag and a slider (its ECharts parts must be registered: registerZoomParts). */
  zoom?: boolean
  /** Language of the time axis' labels (default Chinese). */
  locale?: 'zh' | 'en'
  /** Counts: the value axis ticks whole numbers (no 0.2 of an activity). */
  integer?: boolean
  /**
   * Each line named at its end, Grapher-like (needs ECharts' label layout registered, which comes with the zoom parts:
   * without it the names may overlap).
   */
  endLabels?: boolean
  /** Legend entries a row holds at the chart's width (8 on a desktop, about 3 on a phone), so the plot starts below them. */
  legendPerRow?: number
  /**
   * The period range as the zoom's window over lines drawn whole: the zoom strip then shows the whole line and where
   * the range lies in it. Without the zoom (its parts not loaded yet) the lines are cut to the window instead.
   */
  window?: TimeWindow
}

/** The most room kept right of the plot for the names at the line ends, in pixels. */
const END_ROOM = 190

/** A name's width at the end labels' 12 px: a CJK character about 13 px, other characters about 7. */
function nameWidth(name: string): number {
  let width = 0
  for (const ch of name) width += ch.charCodeAt(0) > 0x2e80 ? 13 : 7
  return width
}

/** Points per line above which markers are dropped (20 years of months fit under it). */
const DENSE = 240
const DASHES = ['solid', 'dashed', 'dotted'] as const
const SHAPES = ['circle', 'rect', 'triangle', 'diamond'] as const

interface PointDatum {
  value: [number, number]
  point: TrendPoint
  symbol: string
  symbolSize: number
}

/** Builds the trend chart: one line per region on a real time axis; non-exact values drawn hollow. */
export function buildTrendOption(given: TrendInput): ECOption {
  const input = given.window && !(given.zoom && zoomable(given.series)) ? { ...given, series: clip(given.series, given.window) } : given
  const withData = input.series.filter((s) => s.points.length > 0)
  const window = timeWindow(input.series)
  const target = input.target && window.min !== undefined ? targetLine(input.target, window.min, window.max!) : null
  // The target's legend entry is its dashed line alone: ECharts would put a dot on it where a line has no symbol.
  const legend = [...input.series.map((s) => s.name), ...(target ? [{ name: input.target!.label, itemStyle: { opacity: 0 } }] : [])]
  const labelled = singlePointLabels(input.series, input.target?.value)
  // Names at the line ends need room on the right: about one em per character of the longest name.
  // About one em per character of the longest name (a Latin letter half that), but never more than END_ROOM: a longer
  // name is cut short with an ellipsis at the line's end, the legend above still giving it whole.
  const longest = Math.max(0, ...withData.map((s) => nameWidth(s.name)))
  const endRoom = input.endLabels && zoomable(input.series) ? Math.min(END_ROOM, 16 + longest) : 0
  const option: ECOption = {
    animation: input.animation ?? true,
    // Periods are UTC spans: ticks and labels on UTC month starts, whatever the viewer's time zone.
    useUTC: true,
    ...MOTION,
    color: input.series.map((_, i) => seriesColor(i)),
    // The legend wraps (it never hides a region): leave a row of room per row of names.
    grid: { left: 56, right: Math.max(32, endRoom), top: 40 + 24 * Math.ceil(Math.max(1, legend.length) / (input.legendPerRow ?? 8)), bottom: 40 },
    legend: { type: 'plain', top: 8, left: 'center', data: legend },
    // A crosshair at the hovered date listing every line's value there, not only the point under the pointer.
    tooltip: { trigger: 'axis', axisPointer: { type: 'line' }, confine: true, formatter: (params: unknown) => tooltipText(params as AxisParam[]) },
    // Reports give months at the finest: ticks between months would name days that no figure has.
    xAxis: { type: 'time', minInterval: 28 * 86_400_000, axisLabel: { hideOverlap: true, formatter: timeAxisLabel(input.locale ?? 'zh') }, ...window },
    yAxis: {
      type: 'value',
      name: input.unit,
      nameTextStyle: { align: 'right' },
      minInterval: input.integer ? 1 : undefined,
      // The axis would otherwise stop short of a target the figures have not reached yet.
      max: input.target ? ({ max }: { max: number }) => Math.max(max, input.target!.value) : undefined,
    },
    series: [
      ...input.series.map((s, i): LineSeriesOption => ({
        type: 'line',
        name: s.name,
        data: s.points.map((p) => toDatum(p, shapeOf(i))),
        // The series' own symbol is what its legend entry shows: filled, as the legend's marks stand for exact figures.
        symbol: shapeOf(i),
        // Past the palette's twelve colours a colour comes back with a dashed line, so no two lines look alike.
        lineStyle: input.decal ? { type: DASHES[i % DASHES.length], width: 2 } : i >= PALETTE.length ? { type: DASHES[Math.floor(i / PALETTE.length) % DASHES.length] } : undefined,
        connectNulls: false,
        // Hovering a line, its end name or its legend entry brings it forward and fades the others (legend hover
        // highlights its series; a line takes the pointer along its length, not only at its points).
        emphasis: { focus: 'series' },
        blur: { lineStyle: { opacity: 0.2 }, itemStyle: { opacity: 0.2 } },
        triggerEvent: 'line',
        // Past a few hundred points markers merge into a smear and cost frames: the line and the table carry them.
        showSymbol: s.points.length <= DENSE,
        sampling: 'lttb',
        label: { show: labelled.has(i), position: 'top', formatter: (p: unknown) => (p as { data: PointDatum }).data.point.label },
        endLabel: endRoom > 0 && s.points.length > 1 ? { show: true, formatter: s.name, color: seriesColor(i), distance: 6, width: endRoom - 12, overflow: 'truncate' } : undefined,
        labelLayout: endRoom > 0 ? { moveOverlap: 'shiftY' } : undefined,
      })),
      ...input.series.flatMap((s, i) => s.points.flatMap((p, k) => (p.since === undefined ? [] : [spanLine(s.name, p, seriesColor(i), `span-${i}-${k}`)]))),
      ...(target ? [target] : []),
    ],
  }
  // Zooming into a stretch of time needs more than one period; the slider sits under the axis labels.
  if (input.zoom && zoomable(input.series)) {
    option.dataZoom = [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none', startValue: input.window?.start, endValue: input.window?.end },
      { type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 18, bottom: 8, labelFormatter: '', startValue: input.window?.start, endValue: input.window?.end },
    ]
    option.grid = { ...(option.grid as object), bottom: 64 }
  }
  if (withData.length === 0) option.title = { text: input.emptyText, left: 'center', top: 'middle', textStyle: { color: '#888', fontSize: 16, fontWeight: 'normal' } }
  return option

  function shapeOf(i: number): (typeof SHAPES)[number] {
    return input.decal ? SHAPES[i % SHAPES.length] : 'circle'
  }

  function tooltipText(params: AxisParam[]): string {
    // The target line and interval bands carry no figure of their own.
    const figures = params.filter((p) => p.data && typeof p.data === 'object' && 'point' in p.data).sort((a, b) => b.data.point.value - a.data.point.value)
    if (figures.length === 0) return ''
    const lines = figures.map(({ seriesName, marker, data }) => {
      const series = input.series.find((s) => s.name === seriesName)
      const note = series && series.points.length === 1 ? `（${input.singlePointNote}）` : ''
      return `${marker ?? ''}${escapeHtml(seriesName)} <b>${escapeHtml(data.point.label)}</b>${escapeHtml(note)}`
    })
    const sources = [...new Set(figures.map((f) => f.data.point.source))].map(escapeHtml).join('；')
    return [`<b>${escapeHtml(figures[0].data.point.period)}</b>`, ...lines, `<span style="color:#666">${sources}</span>`].join('<br/>')
  }
}

/** What ECharts hands an axis tooltip's formatter for each series at the hovered date. */
interface AxisParam {
  seriesName: string
  marker?: string
  data: PointDatum
}

/**
 * The target as a dashed grey line across the time window, named in the legend (`目标 100%`). A plain line rather than
 * ECharts' markLine, whose parts would add ~6 KB to the first download; silent, so it has no tooltip.
 */
function targetLine(target: { value: number; label: string }, from: number, to: number): LineSeriesOption {
  const grey = '#999'
  return {
    type: 'line',
    id: 'target',
    name: target.label,
    data: [
      [from, target.value],
      [to, target.value],
    ],
    silent: true,
    symbol: 'none',
    z: 1,
    lineStyle: { type: 'dashed', color: grey, width: 1 },
    itemStyle: { color: grey },
  }
}

/**
 * A cumulative figure over an interval (since 2022, as of 2025-01) as a pale band of its line's colour from the
 * interval's start to its end, named by its period at the start, so it does not read as one month's value. It shares
 * its line's name, so the legend shows and hides both together.
 */
function spanLine(name: string, point: TrendPoint, color: string, id: string): LineSeriesOption {
  const label = { show: true, position: 'top' as const, align: 'left' as const, color, formatter: point.period }
  return {
    type: 'line',
    id,
    name,
    data: [{ value: [point.since!, point.value], label }, [point.time, point.value]],
    silent: true,
    // A line's labels hang on its symbols: a symbol of no size keeps the label without a dot.
    symbol: 'circle',
    symbolSize: 0,
    z: 1,
    lineStyle: { width: 8, opacity: 0.25, color, cap: 'butt' },
    itemStyle: { color },
  }
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * Time-axis labels that always say the year: a year's first tick names the year, the first label names its year and
 * month, the others their month, so a range inside one year is never a row of bare months. ECharts formats the ticks
 * in order on each layout (a zoom too), with the axis' ragged ends among them: those get no label, and the first
 * month start after a restart of the sequence is the first label.
 */
export function timeAxisLabel(locale: 'zh' | 'en'): (value: number) => string {
  let previous = Infinity
  let seenFirst = false
  return (value) => {
    if (value <= previous) seenFirst = false
    previous = value
    const date = new Date(value)
    if (date.getUTCDate() !== 1 || date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0) return ''
    const year = date.getUTCFullYear()
    const month = date.getUTCMonth()
    const first = !seenFirst
    seenFirst = true
    if (month === 0) return locale === 'zh' ? `${year}年` : String(year)
    const monthText = locale === 'zh' ? `${month + 1}月` : EN_MONTHS[month]
    if (!first) return monthText
    return locale === 'zh' ? `${year}年${monthText}` : `${monthText} ${year}`
  }
}

/** Share of the value axis a label's height takes on the smallest chart (360 px): a point closer above would be covered. */
const LABEL_ROOM = 0.07

/**
 * Which one-point lines get their value written above the point, so a lone figure does not look like noise. Where
 * several points sit at one period (twelve regions of one report), a value is written only where no other point lies
 * within a label's height above it; the others' values are in the tooltip and the figures table. ECharts' own overlap
 * hiding is not used: on a canvas it left them stacked.
 */
function singlePointLabels(series: readonly TrendSeries[], target: number | undefined): Set<number> {
  const values = series.flatMap((s) => s.points.map((p) => p.value))
  const room = (Math.max(0, target ?? 0, ...values) - Math.min(0, ...values)) * LABEL_ROOM
  const atTime = new Map<number, number[]>()
  for (const p of series.flatMap((s) => s.points)) atTime.set(p.time, [...(atTime.get(p.time) ?? []), p.value])
  const shown = new Set<number>()
  series.forEach((s, i) => {
    if (s.points.length !== 1) return
    const { time, value } = s.points[0]
    if (!atTime.get(time)!.some((other) => other > value && other - value < room)) shown.add(i)
  })
  return shown
}

/** The lines cut to a time window (both ends included). */
function clip(series: readonly TrendSeries[], window: TimeWindow): TrendSeries[] {
  const { start = -Infinity, end = Infinity } = window
  return series.map((s) => ({ ...s, points: s.points.filter((p) => p.time >= start && p.time <= end) }))
}

/** Whether zooming into a stretch of time makes sense: the lines span more than one period. */
export function zoomable(series: readonly TrendSeries[]): boolean {
  const first = series.find((s) => s.points.length > 0)?.points[0].time
  return series.some((s) => s.points.some((p) => p.time !== first))
}

const MIN_HALF_WINDOW = 45 * 86_400_000

/** Pads the time axis to at least three months, so one period does not spread into hours of 12:00, 18:00… */
function timeWindow(series: TrendSeries[]): { min?: number; max?: number } {
  const times = series.flatMap((s) => s.points.flatMap((p) => (p.since === undefined ? [p.time] : [p.since, p.time])))
  if (times.length === 0) return {}
  const lo = Math.min(...times)
  const hi = Math.max(...times)
  const pad = Math.max((hi - lo) * 0.04, MIN_HALF_WINDOW - (hi - lo) / 2)
  return { min: lo - pad, max: hi + pad }
}

function toDatum(point: TrendPoint, shape: (typeof SHAPES)[number]): PointDatum {
  const exact = point.qualifier === '='
  // ECharts draws an 'empty…' symbol hollow: a non-exact figure keeps its series' shape but loses its fill.
  const symbol = exact ? shape : `empty${shape[0].toUpperCase()}${shape.slice(1)}`
  return { value: [point.time, point.value], point, symbol, symbolSize: exact ? 7 : 10 }
}
