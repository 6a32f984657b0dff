import { computed } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import type { BriefingContext } from '@/charts/briefingInput'
import type { ChartData } from '@/charts/trendInput'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'

/** The paragraph under a view's chart, rewritten when the data, filters or language change; `write` is one of charts/briefingInput's. */
export function useBriefing(write: (data: ChartData, ctx: BriefingContext) => string) {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const { locale } = useI18n()
  return computed(() => write(data, { locale: locale.value === 'en' ? 'en' : 'zh', demo: filters.data === 'demo' }))
}
