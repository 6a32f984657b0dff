import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ReadText } from '@/data/load'
import { loadInWorker } from '@/data/loadInWorker'
import type { DataMessage } from '@/data/messages'
import type { ValidatedPackage } from '@/data/validate'
import { ObservationIndex } from '@/domain/observationIndex'
import { RegionTree } from '@/domain/regions'
import { mergeDataset } from '@/domain/merge'
import type { Dataset } from '@/domain/types'
import { useUserDataStore } from './userData'

const EMPTY: Dataset = { regions: [], metrics: [], sources: [], observations: [], reports: {} }

/** The loaded data package merged with the user's additions, its located problems, and the indexes every view queries. */
export const useDatasetStore = defineStore('dataset', () => {
  const userData = useUserDataStore()
  /** The validated package as loaded. */
  const base = shallowRef<Dataset>(EMPTY)
  /** What every view shows: the package plus the user's batches. */
  const dataset = computed(() => mergeDataset(base.value, userData.batches))
  const messages = shallowRef<DataMessage[]>([])
  const isLoading = ref(false)
  /** A failure to load at all (as opposed to bad rows, which are messages). */
  const error = ref<string | null>(null)
  /** Which package is loaded ('demo' or null for the embedded one), so switching reloads only when needed. */
  const loadedKey = ref<string | null | undefined>(undefined)

  const index = computed(() => new ObservationIndex(dataset.value.observations, dataset.value.metrics))
  const tree = computed(() => new RegionTree(dataset.value.regions))
  const metricById = computed(() => new Map(dataset.value.metrics.map((m) => [m.id, m])))
  const sourceById = computed(() => new Map(dataset.value.sources.map((s) => [s.id, s])))

  /** Loads a package read by `read` on this thread (tests, files at hand); bad rows become messages. */
  function load(read: ReadText, key: string | null = null): Promise<void> {
    // Imported on demand, so the CSV parser and validator stay out of the page's first download.
    return run(key, async () => (await import('@/data/load')).loadPackage(read))
  }

  /** Loads the package at `baseUrl` (same origin) in a Web Worker, so a large package does not freeze the page. */
  function loadUrl(baseUrl: string, key: string | null = null): Promise<void> {
    return run(key, () => loadInWorker(baseUrl))
  }

  async function run(key: string | null, loader: () => Promise<ValidatedPackage>): Promise<void> {
    loadedKey.value = key
    isLoading.value = true
    error.value = null
    try {
      // Saved batches load alongside, so a link naming a metric the user created is not dropped as unknown.
      const [result] = await Promise.all([loader(), userData.load()])
      base.value = result.dataset
      messages.value = result.messages
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      isLoading.value = false
    }
  }

  return { base, dataset, messages, isLoading, error, loadedKey, index, tree, metricById, sourceById, load, loadUrl }
})
