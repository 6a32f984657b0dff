import type { ECOption } from './echarts'

/** Font stack of exported images: the bundled Noto subset first, then what Chinese Windows and WPS have. */
export const EXPORT_FONT_FAMILY = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

/** The fixed canvas an exported chart is drawn on, independent of the screen, zoom and legend paging. */
export interface ExportLayout {
  width: number
  height: number
  /** Inner margin around title, plot and footer. */
  padding: number
  fontFamily: string
}

/** 16:9 at 1280×720 logical px: fills a PowerPoint slide and a Word page width. */
export const EXPORT_LAYOUT: ExportLayout = { width: 1280, height: 720, padding: 32, fontFamily: EXPORT_FONT_FAMILY }

/** What an exported image says about itself, every string already translated and labelled. */
export interface ExportMeta {
  /** The metric: `行业协会商会党组织覆盖率`. */
  title: string
  /** Regions and period range: `鄄城县、牡丹区 · 2024年—2025年1月`. */
  subtitle: string
  /** `单位：%`, or '' when the metric has none. */
  unit: string
  /** `数据来源：…` (report titles and dates, or the imported file's name). */
  source: string
  /** `制图：菏泽社会治理指标看板 · 导出日期：2026-11-29`. */
  credit: string
  /** `演示数据` while the demo package is shown, else ''. */
  demo: string
  /** The paragraph a briefing puts under the chart, when the export asks for it. */
  caption?: string
}

const TITLE_SIZE = 26
const SUBTITLE_SIZE = 16
const LEGEND_SIZE = 14
const LEGEND_ROW = 24
const FOOTER_SIZE = 13
/** Footer: up to two lines of sources above one credit line. */
const FOOTER_HEIGHT = 72
const HEADER_HEIGHT = 96
const CAPTION_SIZE = 15
const CAPTION_LINE = 22

type Loose = Record<string, unknown>

const list = (v: unknown): Loose[] => (v == null ? [] : Array.isArray(v) ? (v as Loose[]) : [v as Loose])

/** Rough width of a text at `size` px: CJK and full-width characters are square, the rest about half. */
function textWidth(text: string, size: number): number {
  let w = 0
  for (const c of text) w += c.charCodeAt(0) > 0x2e80 ? size : size * 0.58
  return w
}

/** Rows a plain legend of `names` wraps into across `width` px (ECharts' default icon 25 px, gaps 5 and 10 px). */
export function legendRows(names: readonly string[], width: number, size = LEGEND_SIZE): number {
  let rows = names.length > 0 ? 1 : 0
  let x = 0
  for (const name of names) {
    const item = 25 + 5 + textWidth(name, size) + 10
    if (x > 0 && x + item > width) {
      rows++
      x = 0
    }
    x += item
  }
  return rows
}

/**
 * Places any chart option into the fixed export layout: title, subtitle, unit and demo mark on top, the full
 * (unpaged) legend below them, the plot in the middle and the source and credit footer at the bottom; white
 * background, no animation, no zoom window, no toolbox.
 */
export function buildExportOption(chart: ECOption, meta: ExportMeta, layout: ExportLayout = EXPORT_LAYOUT): ECOption {
  const { width, height, padding } = layout
  const c = chart as Loose
  const inner = width - 2 * padding
  const legends = list(c.legend)
  const legendNames = legends.flatMap((l) => list(l.data).map((d) => (typeof d === 'string' ? d : String((d as Loose).name ?? ''))))
  // Many regions: a smaller legend keeps room for the plot, and the legend stays complete.
  const legendSize = legendRows(legendNames, inner) > 4 ? 12 : LEGEND_SIZE
  const rows = legendRows(legendNames, inner, legendSize)
  const plotTop = HEADER_HEIGHT + rows * LEGEND_ROW + (rows > 0 ? 8 : 0)
  // A caption wraps across the width above the footer; the plot gives up its height.
  const captionRows = meta.caption ? Math.ceil(textWidth(meta.caption, CAPTION_SIZE) / inner) : 0
  const captionHeight = captionRows ? captionRows * CAPTION_LINE + 12 : 0
  const plotBottom = FOOTER_HEIGHT + 16 + captionHeight
  const text = (extra: Loose): Loose => ({ fontFamily: layout.fontFamily, ...extra })

  const titles: Loose[] = [
    { text: meta.title, left: padding, top: 24, textStyle: text({ fontSize: TITLE_SIZE, fontWeight: 'bold', color: '#1a1a1a' }) },
    { text: meta.subtitle, left: padding, top: 62, textStyle: text({ fontSize: SUBTITLE_SIZE, fontWeight: 'normal', color: '#555' }) },
    { text: meta.unit, right: padding, top: 62, textStyle: text({ fontSize: SUBTITLE_SIZE, fontWeight: 'normal', color: '#555' }) },
    { text: meta.demo, right: padding, top: 26, textStyle: text({ fontSize: 18, fontWeight: 'bold', color: '#c0392b' }) },
    {
      text: meta.source,
      left: padding,
      bottom: 34,
      textStyle: text({ fontSize: FOOTER_SIZE, fontWeight: 'normal', color: '#555', width: inner, overflow: 'break', lineHeight: 18 }),
    },
    {
      text: meta.caption ?? '',
      left: padding,
      bottom: FOOTER_HEIGHT + 4,
      textStyle: text({ fontSize: CAPTION_SIZE, fontWeight: 'normal', color: '#222', width: inner, overflow: 'break', lineHeight: CAPTION_LINE }),
    },
    { text: meta.credit, left: padding, bottom: 12, textStyle: text({ fontSize: FOOTER_SIZE, fontWeight: 'normal', color: '#777' }) },
    // The export header replaces a chart's own heading; an overlay message (no data) stays.
    ...list(c.title).filter((t) => t.top === 'middle'),
  ].filter((t) => t.text)

  const option: Loose = {
    ...c,
    animation: false,
    backgroundColor: '#fff',
    textStyle: { ...(c.textStyle as Loose), fontFamily: layout.fontFamily },
    title: titles,
    legend: legends.map((l) => ({ ...l, type: 'plain', left: padding, width: inner, top: HEADER_HEIGHT, itemGap: 10, textStyle: text({ fontSize: legendSize }) })),
    // Cartesian charts keep their own margins (axis labels on the left, value labels on the right of bars);
    // the axis name and labels get room above and below.
    grid: list(c.grid).map((g) => ({ ...g, top: plotTop + 28, bottom: plotBottom + 28, left: padding + (typeof g.left === 'number' ? g.left : 56), right: padding + (typeof g.right === 'number' ? Math.max(g.right, 16) : 16) })),
    series: list(c.series).map((s) => (s.type === 'map' ? { ...s, layoutCenter: ['50%', (plotTop + height - plotBottom) / 2], layoutSize: height - plotTop - plotBottom } : s)),
  }
  if (c.geo) option.geo = list(c.geo).map((g) => ({ ...g, top: plotTop, bottom: plotBottom, left: padding, right: padding }))
  if (c.visualMap) option.visualMap = list(c.visualMap).map((v) => ({ ...v, left: padding, bottom: plotBottom }))
  if (!c.grid) delete option.grid
  if (!c.legend) delete option.legend
  // A zoom window or toolbox on screen must not crop or clutter the briefing image.
  delete option.dataZoom
  delete option.toolbox
  return option as ECOption
}
