import { computed } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import type { TrendInput } from '@/charts/trend'
import { toChangeInput, toTrendInput } from '@/charts/trendInput'
import { rangeToWindow } from '@/charts/trendWindow'
import { useDatasetStore } from '@/stores/dataset'
import { useDisplayStore } from '@/stores/display'
import { useFiltersStore } from '@/stores/filters'
import { useSelection } from './useSelection'

/** Turns the selection into the trend chart's input, through the same pure shaping the CLI and exports use. */
export function useTrendInput() {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const display = useDisplayStore()
  const { metric, regionCodes } = useSelection()
  const { t, locale } = useI18n()
  // Values are drawn whole with the range as the zoom's window (the zoom strip and the range are one state); a change
  // since the start is measured from the range's start, so it is drawn over the range alone.
  const windowed = computed(() => filters.measure === null)
  const range = computed(() => (windowed.value ? {} : { from: filters.from ?? undefined, to: filters.to ?? undefined }))
  const labels = computed(() => ({
    target: (value: string) => t('chart.target', { value }),
    noData: t('chart.noData'),
    singlePoint: t('chart.singlePoint'),
    description: (params: { metric: string; values: string }) => t('chart.description', params),
  }))

  return computed<TrendInput>(() => {
    const lang = locale.value === 'en' ? 'en' : 'zh'
    const values = toTrendInput(data, metric.value, regionCodes.value, range.value, lang, labels.value)
    if (filters.measure) return { ...toChangeInput(values, filters.measure, lang), decal: display.decal }
    return { ...values, decal: display.decal, window: rangeToWindow(filters.from, filters.to) }
  })
}
