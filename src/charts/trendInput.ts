import { formatValue, qualifierSymbol, unitIn } from '@/domain/format'
import type { ObservationIndex, PeriodRange } from '@/domain/observationIndex'
import { formatPeriod, parsePeriod, periodTime } from '@/domain/period'
import type { RegionTree } from '@/domain/regions'
import type { Metric, Qualifier, Source } from '@/domain/types'
import type { TrendInput } from './trend'

/** The indexes a chart input is read from (the dataset store's getters, or the CLI's own). */
export interface ChartData {
  index: ObservationIndex
  tree: RegionTree
  sourceById: ReadonlyMap<string, Source>
}

/** The trend chart's fixed texts in the current language. */
export interface TrendLabels {
  /** Target line label from the formatted target value (`目标 100%`). */
  target: (value: string) => string
  noData: string
  singlePoint: string
  /** What a screen reader says for the chart, from the metric and each line's latest figure. */
  description?: (params: { metric: string; values: string }) => string
}

/** The metric's name in `locale`; '' without a metric. */
export const metricName = (m: Metric | undefined, locale: 'zh' | 'en') => (m ? (locale === 'en' ? m.nameEn : m.name) : '')

/** Shapes one metric's figures for `regions` (already resolved, e.g. by shownRegions) into the trend chart's input. */
export function toTrendInput(
  data: ChartData,
  metric: Metric | undefined,
  regions: readonly string[],
  range: PeriodRange,
  locale: 'zh' | 'en',
  labels: TrendLabels,
): TrendInput {
  const unit = unitIn(metric?.unit ?? '', locale)
  const series = metric ? data.index.series(metric.id, regions, range) : []
  const input: TrendInput = {
    unit,
    target: metric?.target != null ? { value: metric.target, label: labels.target(formatValue(metric.target, '=', unit, locale)) } : null,
    emptyText: labels.noData,
    locale,
    integer: metric?.kind === 'count',
    singlePointNote: labels.singlePoint,
    series: series.map((s) => ({
      name: data.tree.get(s.region)?.name ?? s.region,
      // Sorted by axis position, so a series mixing a year total and months never draws backwards.
      points: s.points
        .map((o) => ({
          time: periodTime(parsePeriod(o.period)!),
          ...intervalStart(o.period),
          value: o.value,
          qualifier: o.qualifier,
          label: formatValue(o.value, o.qualifier, unit, locale),
          period: formatPeriod(o.period, locale),
          source: data.sourceById.get(o.source)?.title ?? o.source,
        }))
        .sort((a, b) => a.time - b.time),
    })),
  }
  if (labels.description) input.description = labels.description({ metric: metricName(metric, locale), values: latestFigures(input, locale) })
  return input
}

/** Each line's latest figure with its period (`菏泽市 66.1%（2025年1月）`), or the no-data text. */
function latestFigures(input: TrendInput, locale: 'zh' | 'en'): string {
  const latest = input.series.flatMap((s) => {
    const p = s.points.at(-1)
    return p ? [locale === 'en' ? `${s.name} ${p.label} (${p.period})` : `${s.name} ${p.label}（${p.period}）`] : []
  })
  return latest.join(locale === 'en' ? '; ' : '；') || input.emptyText
}

/** Where a cumulative interval starts on the axis (`since`), for a figure over an interval; nothing for one period. */
function intervalStart(period: string): { since?: number } {
  const p = parsePeriod(period)!
  return p.kind === 'interval' ? { since: p.start } : {}
}

/** How the trend shows its figures: as reported, or as each line's change since its first figure in the range. */
export type TrendMeasure = 'value' | 'change' | 'percent'

/** The unit a measure is read in: a rate's change is in percentage points, a relative change in %. */
export function measureUnit(unit: string, measure: TrendMeasure, locale: 'zh' | 'en'): string {
  if (measure === 'percent') return '%'
  if (measure === 'change' && unit === '%') return locale === 'en' ? 'pp' : '个百分点'
  return unit
}

/**
 * The change from `base` to `figure`, absolute or relative (in %), to one decimal: exact only between two exact
 * figures, approximate (~) from or to a 余/约 one. A relative change needs a base other than 0 (the caller checks).
 */
export function changeSince(base: { value: number; qualifier: Qualifier }, figure: { value: number; qualifier: Qualifier }, measure: Exclude<TrendMeasure, 'value'>): { value: number; qualifier: Qualifier } {
  const raw = measure === 'change' ? figure.value - base.value : ((figure.value - base.value) / Math.abs(base.value)) * 100
  const exact = figure.qualifier === '=' && base.qualifier === '='
  return { value: Math.round(raw * 10) / 10, qualifier: exact ? '=' : '~' }
}

/**
 * Each line as its change since its first figure within the range, absolute or relative (Grapher's "relative change"):
 * lines of different sizes start together at 0. A cumulative interval figure is left out (it is not a level at a
 * date), the target too; a change from or to a 余/约 figure is approximate (≈); a relative change from 0 has no value.
 */
export function toChangeInput(input: TrendInput, measure: Exclude<TrendMeasure, 'value'>, locale: 'zh' | 'en'): TrendInput {
  const unit = measureUnit(input.unit, measure, locale)
  const series = input.series.map((s) => {
    const points = s.points.filter((p) => p.since === undefined)
    const base = points[0]
    if (!base || (measure === 'percent' && base.value === 0)) return { ...s, points: [] }
    return {
      ...s,
      points: points.map((p) => {
        const { value, qualifier } = changeSince(base, p, measure)
        const label = `${qualifier === '=' ? '' : qualifierSymbol('~', locale)}${value > 0 ? '+' : ''}${formatValue(value, '=', unit, locale)}`
        return { ...p, value, qualifier, label }
      }),
    }
  })
  return { ...input, unit, series, target: null, integer: measure === 'change' && input.integer }
}
