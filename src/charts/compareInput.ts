import { compareRow, compareRows, compareScope, type CompareRow, type CompareScope } from '@/domain/compare'
import { formatValue, unitIn } from '@/domain/format'
import { formatPeriod } from '@/domain/period'
import type { Metric, Source } from '@/domain/types'
import type { CompareInput } from './compare'
import { metricName, type ChartData } from './trendInput'

/** Looks a message up by key and fills its `{name}` params: vue-i18n's `t`, or the CLI's plain lookup. */
export type Translate = (key: string, params?: Record<string, string | number>) => string

/** The compare texts (`compare.*`) a row's label, its tooltip and the chart's description are made of. */
export interface RowLabels {
  noData: string
  conflict: (values: string) => string
  computedValue: (value: string) => string
  computedFrom: (n: number, missing: number) => string
}

/** Row texts plus the chart's aria description. */
export interface CompareLabels extends RowLabels {
  description: (params: { metric: string; period: string; values: string; missing: string }) => string
}

/** The compare texts in the current language, from any translator over the app's messages. */
export function compareLabels(t: Translate): CompareLabels {
  return {
    noData: t('compare.noData'),
    conflict: (values) => t('compare.conflict', { values }),
    computedValue: (value) => t('compare.computedValue', { value }),
    computedFrom: (n, missing) => t('compare.computedFrom', { n, missing }),
    description: (params) => t('compare.description', params),
  }
}

/** What a row shows: its value with qualifier (one decimal; computed ones marked), both values of a conflict, or 无数据. */
export function rowLabel(row: CompareRow, unit: string, locale: 'zh' | 'en', labels: RowLabels): string {
  const value = (v: number, q: CompareRow['qualifier']) => formatValue(Math.round(v * 10) / 10, q, unit, locale)
  if (row.status === 'missing') return labels.noData
  if (row.status === 'conflict') return labels.conflict(row.figures.map((f) => value(f.value, f.qualifier)).join(' / '))
  const text = value(row.value!, row.qualifier)
  return row.status === 'computed' ? labels.computedValue(text) : text
}

/** A row's tooltip line: the titles of its sources, or how its value was computed. */
export function rowDetail(row: CompareRow, sourceById: ReadonlyMap<string, Source>, labels: RowLabels): string {
  if (row.status === 'computed' && row.rollup) return labels.computedFrom(row.rollup.contributors.length, row.rollup.missing.length)
  return [...new Set(row.figures.map((f) => sourceById.get(f.source)?.title ?? f.source))].join('；')
}

/** The compare view's data at one period: scope, ranked rows, the regions without a figure, and the enclosing region's row. */
export interface CompareView {
  scope: CompareScope
  period: string | null
  rows: CompareRow[]
  /** Codes of regions without a figure at the period (all of them when there is no period). */
  missing: string[]
  /** The enclosing region's own row at the period, when there is one. */
  parentRow: CompareRow | null
}

/** Ranks the selection's compared regions (see compareScope) at `period`; null period means nothing to rank. */
export function compareView(data: ChartData, metric: Metric | undefined, selected: readonly string[], period: string | null): CompareView {
  const scope = compareScope(selected, data.tree)
  const rows = metric && period ? compareRows(data.index, data.tree, metric.id, scope.regions, period) : []
  const missing = period ? rows.filter((r) => r.status === 'missing').map((r) => r.region) : scope.regions
  const parentRow = scope.parent && metric && period ? compareRow(data.index, data.tree, metric.id, scope.parent, period) : null
  return { scope, period, rows, missing, parentRow }
}

/** Shapes a compare view into buildCompareOption's input: named bars with their texts, the reference line, the description. */
export function toCompareInput(data: ChartData, metric: Metric | undefined, view: CompareView, locale: 'zh' | 'en', labels: CompareLabels, decal = false): CompareInput {
  const unit = unitIn(metric?.unit ?? '', locale)
  const name = (code: string) => data.tree.get(code)?.name ?? code
  const bars = view.rows.map((row) => ({ name: name(row.region), value: row.value, status: row.status, label: rowLabel(row, unit, locale, labels), detail: rowDetail(row, data.sourceById, labels) }))
  const parent = view.parentRow
  // Only the parent's own figure makes a reference line; a computed or conflicting one would look like a fact.
  const reference = parent?.status === 'reported' ? { value: parent.value!, label: `${name(parent.region)} ${rowLabel(parent, unit, locale, labels)}` } : null
  const described = bars.filter((b) => b.value !== null).map((b) => `${b.name} ${b.label}`)
  const description = labels.description({
    metric: metricName(metric, locale),
    period: view.period ? formatPeriod(view.period, locale) : '',
    values: described.join('，') || labels.noData,
    missing: view.missing.map(name).join('，') || '—',
  })
  return { unit, bars, reference, description, decal, integer: metric?.kind === 'count' }
}
