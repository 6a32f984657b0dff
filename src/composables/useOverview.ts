import { computed } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { formatValue } from '@/domain/format'
import { overviewCards, overviewRegions, type Change, type KpiCard } from '@/domain/overview'
import { formatPeriod } from '@/domain/period'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'

/** One KPI card as the template shows it: every string made, the sparkline's values, the metric it opens. */
export interface OverviewCardView {
  key: string
  metricId: string
  metricName: string
  /** The metric's category, under which the overview groups its cards. */
  category: string
  regionName: string
  value: string
  period: string
  computed: boolean
  /** The disagreeing values when sources differ at the latest period. */
  conflict: string | null
  change: string | null
  yearOnYear: string | null
  /** Direction of the change against the previous figure, for its arrow. */
  trend: 'up' | 'down' | 'flat' | null
  spark: number[]
  /** The card's paragraph for a briefing, written (and its writer loaded) when the card is expanded. */
  briefing: () => Promise<string>
}

/** The overview's cards for the selected regions (the city when none), and a way to open a card's trend. */
export function useOverview() {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const { t, locale } = useI18n()
  const lang = computed(() => (locale.value === 'en' ? 'en' : 'zh'))

  const regions = computed(() => overviewRegions(filters.regions, data.tree))
  const metrics = computed(() => {
    const withData = new Set(data.index.metricsWithData())
    return data.dataset.metrics.filter((m) => withData.has(m.id))
  })
  const cards = computed(() => overviewCards(data.index, data.tree, metrics.value, regions.value).map(toView))

  function number(v: number): string {
    return formatValue(Math.round(v * 10) / 10, '=', '', lang.value)
  }

  /** '+3家（+5.1%）'; a rate changes by percentage points, and a relative % of a rate would only confuse. */
  function delta(change: Change, unit: string): string {
    const sign = change.absolute > 0 ? '+' : change.absolute < 0 ? '−' : '±'
    const about = change.approximate ? t('overview.about') : ''
    if (unit === '%') return `${about}${sign}${number(Math.abs(change.absolute))}${t('overview.points')}`
    const relative = change.relative === null ? '' : t('overview.relative', { value: `${sign}${number(Math.abs(change.relative))}%` })
    return `${about}${sign}${formatValue(Math.round(Math.abs(change.absolute) * 10) / 10, '=', unit, lang.value)}${relative}`
  }

  function toView(card: KpiCard): OverviewCardView {
    const { metric, latest } = card
    const unit = metric.unit
    const conflict = latest.conflict ? latest.conflict.map((o) => formatValue(o.value, o.qualifier, unit, lang.value)).join(' / ') : null
    const change = card.change
    return {
      key: `${card.region}:${metric.id}`,
      metricId: metric.id,
      metricName: lang.value === 'en' ? metric.nameEn : metric.name,
      category: metric.category,
      regionName: data.tree.get(card.region)?.name ?? card.region,
      value: formatValue(Math.round(latest.value * 10) / 10, latest.qualifier, unit, lang.value),
      period: formatPeriod(latest.period, lang.value),
      computed: latest.computed,
      conflict,
      change: change ? t('overview.vsPrevious', { period: formatPeriod(change.from, lang.value), delta: delta(change, unit) }) : null,
      yearOnYear: card.yearOnYear ? t('overview.yearOnYear', { delta: delta(card.yearOnYear, unit) }) : null,
      trend: change ? (change.absolute > 0 ? 'up' : change.absolute < 0 ? 'down' : 'flat') : null,
      spark: card.spark,
      briefing: () => import('@/charts/briefingInput').then((m) => m.cardBriefing(data, metric, card.region, { locale: lang.value, demo: filters.data === 'demo' })),
    }
  }

  /** Opens the trend of a card's metric, keeping the region selection. */
  function openTrend(metricId: string): void {
    filters.metric = metricId
    filters.view = 'trend'
  }

  return { regions, cards, openTrend }
}
