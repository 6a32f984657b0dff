import { computed } from 'vue'
import type { RegionSeries } from '@/domain/observationIndex'
import { trendRegions } from '@/domain/selection'
import type { Metric } from '@/domain/types'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'

/** The metric, regions and series that the current filters select; shared by every view. */
export function useSelection() {
  const data = useDatasetStore()
  const filters = useFiltersStore()

  /** The chosen metric, or the first catalogue metric with figures when none is chosen. */
  const metric = computed<Metric | undefined>(() => {
    const chosen = filters.metric ? data.metricById.get(filters.metric) : undefined
    if (chosen) return chosen
    const withData = new Set(data.index.metricsWithData())
    return data.dataset.metrics.find((m) => withData.has(m.id))
  })

  const shown = computed(() => {
    const m = metric.value
    if (!m) return { codes: [], omitted: 0 }
    return trendRegions(filters.regions, data.index.regionsWithData(m.id), data.tree, (code) => data.index.latest(m.id, code)?.value)
  })
  const regionCodes = computed(() => shown.value.codes)
  /** Regions with figures left out of an unfiltered view that would otherwise draw too many lines. */
  const omitted = computed(() => shown.value.omitted)

  const series = computed<RegionSeries[]>(() => {
    if (!metric.value) return []
    return data.index.series(metric.value.id, regionCodes.value, { from: filters.from ?? undefined, to: filters.to ?? undefined })
  })

  /** The metric's single periods with figures, in time order: what a period range is set over (intervals make poor bounds). */
  const periods = computed(() => (metric.value ? data.index.periods(metric.value.id).filter((p) => !p.includes('/')) : []))

  return { metric, regionCodes, omitted, series, periods }
}
