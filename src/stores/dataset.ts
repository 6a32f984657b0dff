import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { loadPackageColumns, type ReadFile } from '@/data/load'
import { loadPackageAt, type LoadedPackage } from '@/data/loadPackageAt'
import type { DataMessage } from '@/data/messages'
import { concatColumns, fromColumns, toColumns, type ObservationColumns } from '@/domain/columnar'
import { columnsOf, ObservationIndex, type SortedColumns } from '@/domain/observationIndex'
import { namedIn, RegionTree } from '@/domain/regions'
import { mergeDataset } from '@/domain/merge'
import type { Dataset } from '@/domain/types'
import { useDisplayStore } from './display'
import { useUserDataStore } from './userData'

const EMPTY: Dataset = { regions: [], metrics: [], sources: [], observations: [], reports: {} }

/** The loaded data package merged with the user's additions, its located problems, and the indexes every view queries. */
export const useDatasetStore = defineStore('dataset', () => {
  const userData = useUserDataStore()
  const display = useDisplayStore()
  /** The validated package as loaded, without its observations: they stay in `baseColumns`. */
  const meta = shallowRef<Dataset>(EMPTY)
  /** The package's observations as columns, sorted for the index when the load worker loaded them. */
  const baseColumns = shallowRef<ObservationColumns | SortedColumns>(toColumns([]))
  /** The package as loaded; setting it (tests, a package at hand) stores its observations as columns. */
  const base = computed<Dataset>({
    get: () => {
      const columns = baseColumns.value
      return { ...meta.value, get observations() { return fromColumns(columnsOf(columns)) } }
    },
    set: (dataset) => {
      baseColumns.value = toColumns(dataset.observations)
      meta.value = { ...dataset, observations: [] }
    },
  })
  const messages = shallowRef<DataMessage[]>([])
  const isLoading = ref(false)
  /** A failure to load at all (as opposed to bad rows, which are messages). */
  const error = ref<string | null>(null)
  /** Which package is loaded ('demo' or null for the embedded one), so switching reloads only when needed. */
  const loadedKey = ref<string | null | undefined>(undefined)

  const merged = computed(() => mergeDataset(meta.value, userData.batches))
  /** Every figure, indexed; the user's batches are added to the package's columns. */
  const index = computed(() => {
    const added = userData.batches.flatMap((b) => b.observations)
    const columns = added.length ? concatColumns(columnsOf(baseColumns.value), toColumns(added)) : baseColumns.value
    return new ObservationIndex(columns, merged.value.metrics)
  })
  /** What every view shows: the package plus the user's batches; `observations` are made from the index only when read. */
  const dataset = computed<Dataset>(() => {
    const idx = index.value
    return { ...merged.value, get observations() { return idx.observations() } }
  })
  // From the merged metadata, not `dataset`: a region tree does not wait for the observations to be indexed.
  /** The regions by their own (Chinese) names, as reports and files name them: for reading those. */
  const sourceTree = computed(() => new RegionTree(merged.value.regions))
  /** The regions named in the page's language, for everything shown (filters, charts, tables, exports). */
  const tree = computed(() => (display.lang === 'en' ? new RegionTree(namedIn(merged.value.regions, 'en')) : sourceTree.value))
  const metricById = computed(() => new Map(merged.value.metrics.map((m) => [m.id, m])))
  const sourceById = computed(() => new Map(merged.value.sources.map((s) => [s.id, s])))

  /** Loads a package read by `read` on this thread (tests, files at hand); bad rows become messages. */
  function load(read: ReadFile, key: string | null = null): Promise<void> {
    return run(key, () => loadPackageColumns(read))
  }

  /**
   * Loads the package at `baseUrl` (same origin): on this thread when it is small, in a Web Worker when it is large
   * enough to freeze the page (`loadPackageAt`). `loaded` runs as soon as the package is in place, before the views redraw (to apply a link's filters).
   */
  function loadUrl(baseUrl: string, key: string | null = null, loaded?: () => void): Promise<void> {
    return run(key, () => loadPackageAt(baseUrl), loaded)
  }

  async function run(key: string | null, loader: () => Promise<LoadedPackage>, loaded?: () => void): Promise<void> {
    loadedKey.value = key
    isLoading.value = true
    error.value = null
    try {
      // Saved batches load alongside, so a link naming a metric the user created is not dropped as unknown.
      const [result] = await Promise.all([loader(), userData.load()])
      put(result)
      loaded?.()
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      isLoading.value = false
    }
  }

  function put(result: LoadedPackage): void {
    baseColumns.value = result.columns
    meta.value = result.dataset
    messages.value = result.messages
  }

  /**
   * Loads the package at `baseUrl` again in place, after a write to the shared record: the views stay mounted (no
   * loading screen) and redraw once the new figures are here. A failure keeps what is shown and sets `error`.
   */
  async function refresh(baseUrl: string): Promise<void> {
    try {
      put(await loadPackageAt(baseUrl))
      error.value = null
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  return { base, dataset, messages, isLoading, error, loadedKey, index, tree, sourceTree, metricById, sourceById, load, loadUrl, refresh }
})
