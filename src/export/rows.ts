import { formatValue, unitIn } from '@/domain/format'
import { formatPeriod } from '@/domain/period'
import type { Metric, Observation, Qualifier } from '@/domain/types'
import type { ChartData } from '@/charts/trendInput'
import type { ExportTexts } from './messages'

/** One figure as data files carry it: codes and names, ISO and display period, value, qualifier, unit, source, quote. */
export interface FigureRow {
  metricId: string
  metric: string
  regionCode: string
  region: string
  period: string
  periodText: string
  value: number
  /** The value as people read it: `≥500次`. */
  label: string
  qualifier: string
  unit: string
  source: string
  sourceDate: string
  quote: string
}

const QUALIFIER_KEY: Record<Qualifier, 'exact' | 'atLeast' | 'about' | 'atMost'> = { '=': 'exact', '>=': 'atLeast', '~': 'about', '<=': 'atMost' }

/** Rows for observations, in the order given. */
export function figureRows(observations: readonly Observation[], data: ChartData, metricById: ReadonlyMap<string, Metric>, texts: ExportTexts): FigureRow[] {
  const lang = texts.locale
  return observations.map((o) => {
    const metric = metricById.get(o.metric)
    const source = data.sourceById.get(o.source)
    const unit = metric?.unit ?? ''
    return {
      metricId: o.metric,
      metric: metric ? (lang === 'en' ? metric.nameEn : metric.name) : o.metric,
      regionCode: o.region,
      region: data.tree.get(o.region)?.name ?? o.region,
      period: o.period,
      periodText: formatPeriod(o.period, lang),
      value: o.value,
      label: formatValue(o.value, o.qualifier, unit, lang),
      qualifier: texts.export.qualifier[QUALIFIER_KEY[o.qualifier]],
      unit: unitIn(unit, lang),
      source: source?.title ?? o.source,
      sourceDate: source?.date ?? '',
      quote: o.quote,
    }
  })
}

const COLUMNS = ['metricId', 'metric', 'regionCode', 'region', 'period', 'periodText', 'value', 'qualifier', 'unit', 'source', 'sourceDate', 'quote'] as const

/** Header and cells of a data file: every FigureRow field but the display label, qualifier and source included. */
export function figureTable(rows: readonly FigureRow[], texts: ExportTexts): { header: string[]; cells: (string | number)[][] } {
  return { header: COLUMNS.map((c) => texts.export.column[c]), cells: rows.map((r) => COLUMNS.map((c) => r[c])) }
}
