import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { EMPTY_QUERY, type DashboardQuery } from '@/domain/dashboardQuery'

/** What the user narrowed the dashboard to; mirrored in the URL by useUrlSync. */
export const useFiltersStore = defineStore('filters', () => {
  const metric = ref<string | null>(null)
  /** Selected region codes; empty means every region with figures for the metric. */
  const regions = ref<string[]>([])
  const from = ref<string | null>(null)
  const to = ref<string | null>(null)
  /** Link parts dropped because the data does not know them, shown as a notice. */
  const dropped = ref<string[]>([])

  const query = computed<DashboardQuery>(() => ({ metric: metric.value, regions: regions.value, from: from.value, to: to.value }))

  function apply(next: DashboardQuery): void {
    metric.value = next.metric
    regions.value = [...next.regions]
    from.value = next.from
    to.value = next.to
  }

  function toggleRegion(code: string): void {
    regions.value = regions.value.includes(code) ? regions.value.filter((c) => c !== code) : [...regions.value, code].sort()
  }

  function reset(): void {
    apply(EMPTY_QUERY)
    dropped.value = []
  }

  return { metric, regions, from, to, dropped, query, apply, toggleRegion, reset }
})
