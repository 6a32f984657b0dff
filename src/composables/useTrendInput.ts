import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { TrendInput } from '@/charts/trend'
import { formatValue } from '@/domain/format'
import { formatPeriod, parsePeriod, periodTime } from '@/domain/period'
import { useDatasetStore } from '@/stores/dataset'
import { useSelection } from './useSelection'

/** Turns the selection into the trend chart's input: names, display strings and axis positions. */
export function useTrendInput() {
  const data = useDatasetStore()
  const { metric, series } = useSelection()
  const { t, locale } = useI18n()

  return computed<TrendInput>(() => {
    const lang = locale.value === 'en' ? 'en' : 'zh'
    const m = metric.value
    const unit = m?.unit ?? ''
    return {
      unit,
      target: m?.target != null ? { value: m.target, label: t('chart.target', { value: formatValue(m.target, '=', unit, lang) }) } : null,
      emptyText: t('chart.noData'),
      singlePointNote: t('chart.singlePoint'),
      series: series.value.map((s) => ({
        name: data.tree.get(s.region)?.name ?? s.region,
        // Sorted by axis position, so a series mixing a year total and months never draws backwards.
        points: s.points
          .map((o) => ({
          time: periodTime(parsePeriod(o.period)!),
          value: o.value,
          qualifier: o.qualifier,
          label: formatValue(o.value, o.qualifier, unit, lang),
          period: formatPeriod(o.period, lang),
          source: data.sourceById.get(o.source)?.title ?? o.source,
          }))
          .sort((a, b) => a.time - b.time),
      })),
    }
  })
}
