import { parsePeriod, periodInRange } from '@/domain/period'
import type { Observation } from '@/domain/types'
import { useFiltersStore } from '@/stores/filters'
import { useFocusStore } from '@/stores/focus'

/** Moves between a figure and its report: open its sentence in 来源, or show its metric and region as a trend. */
export function useFocus() {
  const filters = useFiltersStore()
  const focus = useFocusStore()

  function openSource(o: Observation): void {
    focus.open(o)
    filters.view = 'sources'
  }

  function showTrend(o: Observation): void {
    filters.metric = o.metric
    filters.regions = [o.region]
    const period = parsePeriod(o.period)
    // A range that would hide the clicked figure is dropped rather than showing an empty chart.
    if (period && !periodInRange(period, filters.from ?? undefined, filters.to ?? undefined)) {
      filters.from = null
      filters.to = null
    }
    filters.view = 'trend'
  }

  return { openSource, showTrend }
}
