import { compareBriefing, compareSubject, mapSubject, trendBriefing } from '@/charts/briefingInput'
import { buildCompareOption, type CompareInput } from '@/charts/compare'
import { compareLabels, compareView, toCompareInput, type Translate } from '@/charts/compareInput'
import type { ECOption } from '@/charts/echarts'
import { buildExportOption, type ExportMeta } from '@/charts/exportLayout'
import { buildMapOption, type MapInput } from '@/charts/map'
import { mapLabels, mapRows, mapUnits, toMapInput, type MapBase } from '@/charts/mapInput'
import { buildTrendOption } from '@/charts/trend'
import { measureUnit, metricName, toChangeInput, toTrendInput, type ChartData, type TrendMeasure } from '@/charts/trendInput'
import { compareScope, periodsToCompare, pickPeriod } from '@/domain/compare'
import { unitIn } from '@/domain/format'
import type { PeriodRange } from '@/domain/observationIndex'
import { shownRegions, trendRegions } from '@/domain/selection'
import type { Metric, Observation, Source } from '@/domain/types'
import compareMessages from '@/i18n/features/compare'
import mapMessages from '@/i18n/features/map'
import { compareDeckChart, imageDeckChart, quoteNotes, trendDeckChart, type DeckChart, type DeckInput } from './deck'
import { buildExportFileName } from './fileName'
import { fill, type ExportTexts } from './messages'
import { buildExportMeta, periodBounds, periodText, regionsText } from './meta'
import { figureRows, type FigureRow } from './rows'

/** The loaded data an export reads: the dataset store's indexes, or the CLI's. */
export interface ExportData extends ChartData {
  metricById: ReadonlyMap<string, Metric>
}

/** What to export: the dashboard's filters (the same as the URL's), the language and the date. */
export interface ExportQuery {
  metric: Metric
  /** Selected region codes; empty means every region with figures. */
  regions: readonly string[]
  range: PeriodRange
  /** The trend as values (default) or as change since the range's start, as on screen. */
  measure?: TrendMeasure
  demo: boolean
  texts: ExportTexts
  /** ISO date printed on the export. */
  exportDate: string
}

/** One chart ready to export: its layout-applied option, its texts, its file name and its slide. */
export interface ExportChart {
  id: string
  meta: ExportMeta
  option: ECOption
  deck: DeckChart
  fileName: (ext: string) => string
  /** Language of its texts, for ECharts' axis labels. */
  lang: 'zh' | 'en'
  /** The paragraph a briefing puts under the chart (domain/briefing). */
  briefing: string
  /** The export option with that paragraph as a caption under the chart. */
  captioned: () => ECOption
}

/** The regions the trend view draws (capped like the screen when nothing is selected). */
function trendCodes(data: ExportData, q: ExportQuery): string[] {
  return trendRegions(q.regions, data.index.regionsWithData(q.metric.id), data.tree, (code) => data.index.latest(q.metric.id, code)?.value).codes
}

/** The figures the trend view shows: the metric, for the shown regions, within the range. */
function shownObservations(data: ExportData, q: ExportQuery): Observation[] {
  return data.index.series(q.metric.id, trendCodes(data, q), q.range).flatMap((s) => s.points)
}

/** Every metric's figures for the selected regions within the range (the "full selection" data file). */
export function selectionObservations(data: ExportData, q: ExportQuery): Observation[] {
  return data.index.metricsWithData().flatMap((id) => {
    const regions = shownRegions(q.regions, data.index.regionsWithData(id), data.tree)
    return data.index.series(id, regions, q.range).flatMap((s) => s.points)
  })
}

function sourcesOf(observations: readonly Observation[], data: ExportData): Source[] {
  const ids = [...new Set(observations.map((o) => o.source))]
  return ids.map((id) => data.sourceById.get(id) ?? { id, title: id, publication: '', date: '', author: '', file: '', url: '', note: '' })
}

/** Header texts of a chart and its file-name parts, from the figures it draws. */
function describeChart(data: ExportData, q: ExportQuery, observations: readonly Observation[]) {
  const periods = [...new Set(observations.map((o) => o.period))]
  const sorted = data.index.periods(q.metric.id).filter((p) => periods.includes(p))
  const bounds = periodBounds(sorted, q.range)
  // The regions the user chose (a county stands for its towns too), not every town drawn.
  const names = q.regions.map((c) => data.tree.get(c)?.name ?? c)
  const name = metricName(q.metric, q.texts.locale)
  const meta = buildExportMeta({ metricName: name, unit: unitIn(q.metric.unit, q.texts.locale), regionNames: names, bounds, sources: sourcesOf(observations, data), demo: q.demo, exportDate: q.exportDate }, q.texts)
  const fileName = (ext: string) => buildExportFileName({ regions: names, allRegions: q.texts.export.allRegions, metric: name, ...bounds, ext })
  return { meta, fileName, bounds, names }
}

/** Any chart of a view, laid out for export: `deck` turns its meta and quote notes into its slide. */
function chartExport(
  data: ExportData,
  q: ExportQuery,
  id: string,
  chart: ECOption,
  observations: readonly Observation[],
  deck: (meta: ExportMeta, notes: string, briefing: string) => DeckChart,
  briefing: string,
  note = '',
  relabel: (meta: ExportMeta) => ExportMeta = (meta) => meta,
): ExportChart {
  const described = describeChart(data, q, observations)
  // A note the chart must carry wherever it goes (the map's 示意图 or 审图号) joins the subtitle.
  const meta = relabel(note ? { ...described.meta, subtitle: `${described.meta.subtitle} · ${note}` } : described.meta)
  const { fileName } = described
  // The notes carry the paragraph with its sources, then each figure's quote: what a presenter is asked about.
  const quotes = quoteNotes(figureRows(observations, data, data.metricById, q.texts), q.texts)
  const notes = [briefing, meta.source, quotes].filter(Boolean).join('\n\n')
  const captioned = () => buildExportOption(chart, { ...meta, caption: briefing })
  return { id, meta, option: buildExportOption(chart, meta), deck: deck(meta, notes, briefing), fileName, lang: q.texts.locale, briefing, captioned }
}

const briefingContext = (q: ExportQuery) => ({ locale: q.texts.locale, demo: q.demo })

/** The trend chart of the query, laid out for export, with a native line chart for its slide. */
export function trendExport(data: ExportData, q: ExportQuery): ExportChart {
  const regionCodes = trendCodes(data, q)
  const chart = q.texts.chart
  const labels = { target: (value: string) => fill(chart.target, { value }), noData: chart.noData, singlePoint: chart.singlePoint }
  const values = toTrendInput(data, q.metric, regionCodes, q.range, q.texts.locale, labels)
  const input = q.measure && q.measure !== 'value' ? toChangeInput(values, q.measure, q.texts.locale) : values
  const option = buildTrendOption({ ...input, animation: false, endLabels: true })
  const briefing = trendBriefing(data, q.metric, regionCodes, q.range, briefingContext(q))
  return chartExport(data, q, 'trend', option, shownObservations(data, q), (meta, notes, text) => trendDeckChart(input, meta, notes, text), briefing, '', (meta) => measured(meta, q))
}

/** Figures of the metric at exactly one period for `regions` (what a comparison or the map draws). */
/**
 * The figures behind a chart at `period`: each region's own or, where its value was computed from its towns
 * (a sum, or a ratio of summed numerators and denominators), the towns' figures, so the footer and the
 * speaker notes still name the sources.
 */
function figuresAt(data: ExportData, q: ExportQuery, period: string, regions: readonly string[]): Observation[] {
  const own = data.index.snapshot(q.metric.id, period, regions)
  const agg = q.metric.aggregate
  const parts = agg.kind === 'ratio' ? [agg.numerator, agg.denominator] : [q.metric.id]
  return regions.flatMap((code) => {
    const figures = own.get(code) ?? []
    if (figures.length > 0) return figures
    const rollup = data.index.rollup(q.metric.id, code, period, data.tree)
    if (!rollup) return []
    return parts.flatMap((id) => [...data.index.snapshot(id, period, rollup.contributors).values()].flat())
  })
}

/** The compare view's ranked bars at `period` (input from useCompare), with a native bar chart for its slide. */
export function compareExport(data: ExportData, q: ExportQuery, input: CompareInput, period: string, regions: readonly string[]): ExportChart {
  const atPeriod = { ...q, range: { from: period, to: period } }
  const name = metricName(q.metric, q.texts.locale)
  const option = buildCompareOption({ ...input, animation: false })
  const rows = compareView(data, q.metric, q.regions, period).rows
  const briefing = compareBriefing(data, q.metric, rows, compareSubject(data, q.regions), period, briefingContext(q))
  return chartExport(data, atPeriod, 'compare', option, figuresAt(data, q, period, regions), (meta, notes, text) => compareDeckChart(input, meta, name, notes, text), briefing)
}

/** The map at `period` (input from useMap, its GeoJSON already registered), as a picture on its slide. */
export function mapExport(data: ExportData, q: ExportQuery, input: MapInput, period: string): ExportChart {
  const atPeriod = { ...q, range: { from: period, to: period } }
  const option = buildMapOption({ ...input, animation: false })
  const briefing = compareBriefing(data, q.metric, mapRows(data, q.metric, period), mapSubject(data, q.regions), period, briefingContext(q))
  return chartExport(data, atPeriod, 'map', option, figuresAt(data, q, period, input.areas.map((a) => a.code)), imageDeckChart, briefing, input.subtitle, (meta) => measured(meta, q))
}

/** The trend's frame on screen: the same title, places and period, unit, sources and demo mark as its export. */
export function trendMeta(data: ExportData, q: ExportQuery): ExportMeta {
  return measured(describeChart(data, q, shownObservations(data, q)).meta, q)
}

/** A trend's header when it shows change since the range's start: the title says so, the unit is the change's. */
function measured(meta: ExportMeta, q: ExportQuery): ExportMeta {
  if (!q.measure || q.measure === 'value') return meta
  const m = q.texts.export
  const title = fill(q.measure === 'change' ? m.measureChange : m.measurePercent, { metric: meta.title })
  return { ...meta, title, unit: fill(m.unit, { unit: unitIn(measureUnit(q.metric.unit, q.measure, q.texts.locale), q.texts.locale) }) }
}

/**
 * The frame of a one-period view (对比, 地图) on screen, as its export has it; `note` as in mapExport; with `measure`,
 * the map's change since the range's start is named in the title, as the trend's is.
 */
export function periodMeta(data: ExportData, q: ExportQuery, period: string, regions: readonly string[], note = '', measure = false): ExportMeta {
  const meta = describeChart(data, { ...q, range: { from: period, to: period } }, figuresAt(data, q, period, regions)).meta
  const noted = note ? { ...meta, subtitle: `${meta.subtitle} · ${note}` } : meta
  return measure ? measured(noted, q) : noted
}

/** Rows of the figures shown, for CSV, XLSX and the deck's table slide. */
export function shownRows(data: ExportData, q: ExportQuery): FigureRow[] {
  return figureRows(shownObservations(data, q), data, data.metricById, q.texts)
}

/** Table slide rows at most; the full figures go to CSV/XLSX. */
const DECK_TABLE_ROWS = 40

/** The deck of a view: title slide with the filters, the charts, a table of each region's latest figure. */
export function deckInput(data: ExportData, q: ExportQuery, charts: readonly ExportChart[]): DeckInput {
  const m = q.texts.export
  const c = m.column
  const shown = shownObservations(data, q)
  const { bounds, names } = describeChart(data, q, shown)
  // Series come in period order, so the last figure of a region is its latest.
  const latest = [...new Map(shown.map((o) => [o.region, o])).values()]
  const rows = figureRows(latest, data, data.metricById, q.texts)
  const name = metricName(q.metric, q.texts.locale)
  const cells = rows.slice(0, DECK_TABLE_ROWS).map((r) => [r.region, r.periodText, r.label, r.source])
  if (rows.length > DECK_TABLE_ROWS) cells.push([fill(m.more, { n: rows.length - DECK_TABLE_ROWS }), '', '', ''])
  return {
    title: q.texts.product,
    filters: fill(m.deckFilters, { metric: name, regions: regionsText(names, q.texts), period: periodText(bounds, q.texts) }),
    date: fill(m.deckDate, { date: q.exportDate }),
    demo: q.demo ? m.demo : '',
    charts: charts.map((chart) => chart.deck),
    tableTitle: `${m.tableSlide} · ${name}`,
    table: { header: [c.region, c.periodText, c.value, c.source], cells },
  }
}

type FeatureMessages = Record<'zh' | 'en', Record<string, string>>
const VIEW_MESSAGES: Record<string, FeatureMessages> = { compare: compareMessages, map: mapMessages }

/** `compare.*` and `map.*` texts without vue-i18n, for exports made outside the app (the CLI). */
export function viewTranslate(locale: 'zh' | 'en'): Translate {
  return (key, params) => {
    const [feature, name] = key.split('.')
    return fill(VIEW_MESSAGES[feature]?.[locale][name] ?? key, params)
  }
}

/** The compare view of a query at its latest comparable period within the range, as the app would show it; null without one. */
export function compareFromQuery(data: ExportData, q: ExportQuery): ExportChart | null {
  const scope = compareScope(q.regions, data.tree)
  const period = pickPeriod(periodsToCompare(data.index, data.tree, q.metric, scope.regions), q.range)
  if (!period) return null
  const view = compareView(data, q.metric, q.regions, period)
  const input = toCompareInput(data, q.metric, view, q.texts.locale, compareLabels(viewTranslate(q.texts.locale)))
  return compareExport(data, q, input, period, view.scope.regions)
}

/** The map of a query at its latest period within the range, on `base` (already registered with ECharts); null without a period. */
export function mapFromQuery(data: ExportData, q: ExportQuery, base: MapBase): ExportChart | null {
  const period = pickPeriod(periodsToCompare(data.index, data.tree, q.metric, mapUnits(data.tree)), q.range)
  if (!period) return null
  const input = toMapInput(data, q.metric, mapRows(data, q.metric, period), base, q.regions, period, q.texts.locale, mapLabels(viewTranslate(q.texts.locale)))
  return mapExport(data, q, input, period)
}

/** Fills the picture of every image slide (the map) by rendering its export option to a PNG data: URL. */
export async function withDeckImages(charts: readonly ExportChart[], toPngDataUrl: (chart: ExportChart) => Promise<string>): Promise<ExportChart[]> {
  return Promise.all(charts.map(async (c) => (c.deck.kind === 'image' && !c.deck.image ? { ...c, deck: { ...c.deck, image: await toPngDataUrl(c) } } : c)))
}

/** File name of a view's data file or deck: the shown regions, the metric (or 全部指标 for every metric) and period. */
export function viewFileName(data: ExportData, q: ExportQuery, ext: string, allMetrics = false): string {
  const { fileName, names, bounds } = describeChart(data, q, allMetrics ? selectionObservations(data, q) : shownObservations(data, q))
  return allMetrics ? buildExportFileName({ regions: names, allRegions: q.texts.export.allRegions, metric: q.texts.export.allMetrics, ...bounds, ext }) : fileName(ext)
}
