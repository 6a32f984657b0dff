import { computed, shallowRef } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { registerZoomParts } from '@/charts/echarts'
import { afterFirstChart } from '@/composables/useFirstChart'
import { useSelection } from '@/composables/useSelection'
import type { ExportMeta } from '@/charts/exportLayout'
import type { ExportChart, ExportData, ExportQuery } from '@/export/viewExport'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'

async function importParts() {
  const [view, messages, meta] = await Promise.all([import('@/export/viewExport'), import('@/export/messages'), import('@/export/meta')])
  return { trendExport: view.trendExport, trendMeta: view.trendMeta, periodMeta: view.periodMeta, exportTexts: messages.exportTexts, todayIso: meta.todayIso }
}

type ExportParts = Awaited<ReturnType<typeof importParts>>
/** Makes a view's frame texts from the loaded export code, the data and the query; null when there is nothing to frame. */
export type FrameMaker = (p: ExportParts, data: ExportData, q: ExportQuery) => ExportMeta | null
/** The export modules once loaded; null before (they are not needed to draw the first screen). */
const parts = shallowRef<ExportParts | null>(null)
let loading: Promise<void> | undefined

/** Loads the export modules once; `useViewExport`'s functions return null until they are here (the page fetches them after its first chart). */
export function loadExportParts(): Promise<void> {
  // The zoom parts bring the label layout that keeps an export's line-end names apart (needed by the first click only).
  void registerZoomParts()
  loading ??= importParts().then((p) => {
    parts.value = p
  })
  return loading
}

/** The loaded data and the current filters as the export modules take them; null until a metric is known. */
export function useViewExport() {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const { metric } = useSelection()
  const { locale } = useI18n()

  const exportData = computed<ExportData>(() => ({ index: data.index, tree: data.tree, sourceById: data.sourceById, metricById: data.metricById }))

  /** Built on demand (a click), so the date is the day of the export; the first call starts loading the export code. */
  function query(): ExportQuery | null {
    const p = parts.value
    // Not before the first chart is drawn: the export code must not compete with it.
    if (!p) void afterFirstChart().then(loadExportParts)
    if (!metric.value || !p) return null
    return {
      metric: metric.value,
      regions: filters.regions,
      range: { from: filters.from ?? undefined, to: filters.to ?? undefined },
      measure: filters.measure ?? 'value',
      demo: filters.data === 'demo',
      texts: p.exportTexts(locale.value === 'en' ? 'en' : 'zh'),
      exportDate: p.todayIso(),
    }
  }

  /** The trend chart laid out for export; null without a metric. */
  function trendChart(): ExportChart | null {
    const q = query()
    return q && parts.value!.trendExport(exportData.value, q)
  }

  /**
   * The frame a chart carries on screen, the same texts as its export (title, places and period, unit, sources, demo
   * mark); null until the export code is here, just after the first chart.
   */
  function frame(make: FrameMaker) {
    return computed(() => {
      const q = query()
      return q && make(parts.value!, exportData.value, q)
    })
  }

  return { exportData, query, trendChart, frame, metrics: computed(() => data.dataset.metrics), sources: computed(() => data.dataset.sources) }
}
