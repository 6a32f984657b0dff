import type { ExportMeta } from '@/charts/exportLayout'
import type { CompareInput } from '@/charts/compare'
import type { TrendInput } from '@/charts/trend'
import { fill, type ExportTexts } from './messages'
import type { FigureRow } from './rows'

/** One series of a native PowerPoint chart: values per category, null where the region has no figure. */
export interface DeckSeries {
  name: string
  values: (number | null)[]
  /** A reference drawn as a dashed grey line without markers (the target, 目标 100%), as on screen. */
  reference?: boolean
}

/** One chart slide: a native, editable chart (line, bar) or a picture (the map), the paragraph under it; notes hold it with the source quotes. */
export type DeckChart =
  | { kind: 'line' | 'bar'; meta: ExportMeta; categories: string[]; series: DeckSeries[]; notes: string; briefing: string }
  | { kind: 'image'; meta: ExportMeta; image: string; notes: string; briefing: string }

/** Everything a briefing deck holds. */
export interface DeckInput {
  title: string
  /** `指标：…；地区：…；时间：…`. */
  filters: string
  /** `导出日期：2026-11-29`. */
  date: string
  demo: string
  charts: DeckChart[]
  tableTitle: string
  table: { header: string[]; cells: string[][] }
}

/** A trend as a native line chart: one category per period with figures, in time order, and the target's line. */
export function trendDeckChart(input: TrendInput, meta: ExportMeta, notes: string, briefing = ''): DeckChart {
  const periods = new Map<number, string>()
  for (const s of input.series) for (const p of s.points) periods.set(p.time, p.period)
  const times = [...periods.keys()].sort((a, b) => a - b)
  const series = input.series.map((s) => {
    const byTime = new Map(s.points.map((p) => [p.time, p.value]))
    return { name: s.name, values: times.map((t): number | null => byTime.get(t) ?? null) }
  })
  const target = input.target && times.length > 0 ? [{ name: input.target.label, values: times.map(() => input.target!.value), reference: true }] : []
  return { kind: 'line', meta, categories: times.map((t) => periods.get(t)!), series: [...series, ...target], notes, briefing }
}

/** A ranked comparison as a native horizontal bar chart: one bar per region, regions without a figure left blank. */
export function compareDeckChart(input: CompareInput, meta: ExportMeta, seriesName: string, notes: string, briefing = ''): DeckChart {
  return { kind: 'bar', meta, categories: input.bars.map((b) => b.name), series: [{ name: seriesName, values: input.bars.map((b) => b.value) }], notes, briefing }
}

/** A chart PowerPoint cannot draw natively (the map): a picture captured at export time fills `image`. */
export function imageDeckChart(meta: ExportMeta, notes: string, briefing = ''): DeckChart {
  return { kind: 'image', meta, image: '', notes, briefing }
}

/** The speaker notes of a chart: each figure with the report sentence it comes from. */
export function quoteNotes(rows: readonly FigureRow[], texts: ExportTexts, max = 40): string {
  const m = texts.export
  const lines = rows.slice(0, max).map((r) => {
    const params = { region: r.region, period: r.periodText, value: r.label, quote: r.quote, source: r.source }
    return fill(r.quote ? m.quote : m.noQuote, params)
  })
  if (rows.length > max) lines.push(fill(m.more, { n: rows.length - max }))
  return lines.join('\n')
}
