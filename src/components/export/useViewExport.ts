import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSelection } from '@/composables/useSelection'
import { exportTexts } from '@/export/messages'
import { todayIso } from '@/export/meta'
import { trendExport, type ExportData, type ExportQuery } from '@/export/viewExport'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'

/** The loaded data and the current filters as the export modules take them; null until a metric is known. */
export function useViewExport() {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const { metric } = useSelection()
  const { locale } = useI18n()

  const exportData = computed<ExportData>(() => ({ index: data.index, tree: data.tree, sourceById: data.sourceById, metricById: data.metricById }))

  /** Built on demand (a click), so the date is the day of the export. */
  function query(): ExportQuery | null {
    if (!metric.value) return null
    return {
      metric: metric.value,
      regions: filters.regions,
      range: { from: filters.from ?? undefined, to: filters.to ?? undefined },
      demo: filters.data === 'demo',
      texts: exportTexts(locale.value === 'en' ? 'en' : 'zh'),
      exportDate: todayIso(),
    }
  }

  /** The trend chart laid out for export; null without a metric. */
  function trendChart() {
    const q = query()
    return q && trendExport(exportData.value, q)
  }

  return { exportData, query, trendChart, metrics: computed(() => data.dataset.metrics), sources: computed(() => data.dataset.sources) }
}
