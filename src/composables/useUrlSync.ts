import { onUnmounted, watch } from 'vue'
import { parseDashboardQuery, sanitizeQuery, toDashboardQuery } from '@/domain/dashboardQuery'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { useSessionStore } from '@/stores/session'

/**
 * Where a package lives: the demonstration package beside index.html, the office server's record (api/package/),
 * or, without a server, the embedded data.
 */
export function packageUrl(key: 'demo' | null, server: boolean): string {
  const path = key === 'demo' ? 'data/demo/' : server ? 'api/package/' : 'data/'
  return new URL(path, document.baseURI).href
}

/**
 * Keeps the filters and the address bar in step: a pasted link reproduces the view, back/forward works.
 * Loads the package the link names first, so unknown codes in a link can be dropped with a notice.
 */
export function useUrlSync(): Promise<void> {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const session = useSessionStore()
  const urlOf = (search: string) => search || window.location.pathname

  async function ensurePackage(key: 'demo' | null): Promise<void> {
    if (data.loadedKey !== key) await data.loadUrl(packageUrl(key, session.mode === 'server'), key)
  }

  async function readUrl(): Promise<void> {
    const parsed = parseDashboardQuery(window.location.search)
    const apply = () => {
      const known = { metric: (id: string) => data.metricById.has(id), region: (code: string) => data.tree.get(code) !== undefined }
      const { query, dropped } = sanitizeQuery(parsed, known)
      filters.apply(query)
      filters.dropped = dropped
      // A link that was corrected on arrival replaces its history entry, so the watch below finds nothing to add.
      const search = toDashboardQuery(filters.query)
      if (search !== window.location.search) window.history.replaceState(null, '', urlOf(search))
    }
    // The link's filters go in with the package, so the views draw once, not first with every region.
    if (data.loadedKey !== parsed.data) await data.loadUrl(packageUrl(parsed.data, session.mode === 'server'), parsed.data, apply)
    else apply()
  }

  // One user action is one history entry, so Back undoes it: the watch runs once after all of an action's changes
  // (a highlight click sets metric, regions and view; 重置筛选 clears several filters), not once per change.
  watch(
    () => toDashboardQuery(filters.query),
    (search) => {
      if (search !== window.location.search) window.history.pushState(null, '', urlOf(search))
    },
  )
  watch(() => filters.data, ensurePackage)

  window.addEventListener('popstate', readUrl)
  onUnmounted(() => window.removeEventListener('popstate', readUrl))
  return readUrl()
}
