import { computed, onUnmounted, watch } from 'vue'
import { readDashboardQuery, sanitizeQuery, toDashboardQuery, type DashboardQuery } from '@/domain/dashboardQuery'
import { useDatasetStore } from '@/stores/dataset'
import { useDisplayStore } from '@/stores/display'
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
 * Keeps the view's state and the address bar in step: a pasted link reproduces the view, back/forward works.
 * Loads the package the link names first, so unknown codes in a link can be dropped with a notice.
 */
export function useUrlSync(): Promise<void> {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const display = useDisplayStore()
  const session = useSessionStore()
  const urlOf = (search: string) => search || window.location.pathname
  let first = true
  // Until the link has been applied, a change (a language click while the package loads) must not write a link
  // without the link's own filters.
  let applied = false

  /** Everything a link holds, gathered from the stores that own each part. */
  const state = computed<DashboardQuery>(() => ({
    ...filters.query,
    // 来源's source and figure are part of that view only; a figure names its source.
    source: filters.view === 'sources' && !filters.figure ? filters.source : null,
    figure: filters.view === 'sources' ? filters.figure : null,
    decal: display.decal,
    lang: display.lang === 'en' ? 'en' : null,
    embed: display.embed,
  }))

  async function ensurePackage(key: 'demo' | null): Promise<void> {
    if (data.loadedKey !== key) await data.loadUrl(packageUrl(key, session.mode === 'server'), key)
  }

  async function readUrl(): Promise<void> {
    const { query: parsed, unknown } = readDashboardQuery(window.location.search)
    const arriving = first
    first = false
    const apply = () => {
      // A link that does not state the language or the print patterns gets this machine's last choice on arrival;
      // later (Back to an entry the page wrote) a missing key means the default.
      display.lang = parsed.lang ?? (arriving ? display.rememberedLang() : 'zh')
      display.decal = parsed.decal ?? (arriving ? display.rememberedDecal() : false)
      display.embed = parsed.embed
      const known = {
        metric: (id: string) => data.metricById.has(id),
        region: (code: string) => data.tree.get(code) !== undefined,
        source: (id: string) => data.sourceById.has(id),
      }
      const { query, dropped } = sanitizeQuery(parsed, known)
      filters.apply(query)
      filters.dropped = [...unknown, ...dropped]
      // A link that was corrected on arrival replaces its history entry, so the watch below finds nothing to add.
      const search = toDashboardQuery(state.value)
      if (search !== window.location.search) window.history.replaceState(null, '', urlOf(search))
      applied = true
    }
    // The link's filters go in with the package, so the views draw once, not first with every region.
    if (data.loadedKey !== parsed.data) await data.loadUrl(packageUrl(parsed.data, session.mode === 'server'), parsed.data, apply)
    else apply()
  }

  // One user action is one history entry, so Back undoes it: the watch runs once after all of an action's changes
  // (a highlight click sets metric, regions and view; 重置筛选 clears several filters), not once per change.
  watch(
    () => toDashboardQuery(state.value),
    (search) => {
      if (applied && search !== window.location.search) window.history.pushState(null, '', urlOf(search))
    },
  )
  watch(() => filters.data, ensurePackage)

  window.addEventListener('popstate', readUrl)
  onUnmounted(() => window.removeEventListener('popstate', readUrl))
  return readUrl()
}
