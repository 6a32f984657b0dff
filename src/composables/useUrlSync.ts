import { onUnmounted, watch } from 'vue'
import { parseDashboardQuery, sanitizeQuery, toDashboardQuery } from '@/domain/dashboardQuery'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'

/**
 * Keeps the filters and the address bar in step: a pasted link reproduces the view, back/forward works.
 * Call once the dataset is loaded, so unknown codes in a link can be dropped with a notice.
 */
export function useUrlSync(): void {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  let applyingUrl = false

  function readUrl(): void {
    const known = { metric: (id: string) => data.metricById.has(id), region: (code: string) => data.tree.get(code) !== undefined }
    const { query, dropped } = sanitizeQuery(parseDashboardQuery(window.location.search), known)
    applyingUrl = true
    filters.apply(query)
    filters.dropped = dropped
  }

  watch(
    () => toDashboardQuery(filters.query),
    (search) => {
      if (search === window.location.search) return (applyingUrl = false)
      const url = search || window.location.pathname
      // A link that was corrected on arrival replaces its history entry; a user's change adds one.
      if (applyingUrl) window.history.replaceState(null, '', url)
      else window.history.pushState(null, '', url)
      applyingUrl = false
    },
    { flush: 'sync' },
  )

  window.addEventListener('popstate', readUrl)
  onUnmounted(() => window.removeEventListener('popstate', readUrl))
  readUrl()
}
