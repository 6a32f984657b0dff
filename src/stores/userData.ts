import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { indexedDbStore, memoryStore, PersistError, type BatchStore } from '@/data/persist'
import type { UserBatch } from '@/domain/types'

/** Why the last change was not saved: `quota` (storage full), `failed` or `unavailable`; null when all is saved. */
export type StorageError = { kind: 'quota' | 'failed' | 'unavailable'; detail: string } | null

/** Where batches persist: IndexedDB in the browser, memory where there is none; tests swap it. */
function defaultBatchStore(): BatchStore {
  return typeof indexedDB === 'undefined' ? memoryStore() : indexedDbStore()
}

/** What the user added in the browser (imported files, reviewed reports), batch by batch, kept in IndexedDB. */
export const useUserDataStore = defineStore('userData', () => {
  const batches = shallowRef<UserBatch[]>([])
  const error = ref<StorageError>(null)
  const isLoaded = ref(false)
  let storage: BatchStore = defaultBatchStore()
  let loading: Promise<void> | undefined
  // Other tabs of the page say when they changed the batches; this tab then reads them again, without a reload.
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('heze-user-batches')
  if (channel) channel.onmessage = () => void reload()
  // Node's channel (tests, SSR) would keep the process alive; a browser's has no unref.
  ;(channel as { unref?: () => void } | null)?.unref?.()

  /** Uses another store (tests; a browser without IndexedDB) and forgets what was loaded. */
  function setStorage(next: BatchStore): void {
    storage = next
    loading = undefined
    isLoaded.value = false
    batches.value = []
  }

  /** Reads the saved batches once; later calls wait for the same read. */
  function load(): Promise<void> {
    if (loading) return loading
    const from = storage
    loading = from.list().then(
      (saved) => {
        if (storage !== from) return // swapped meanwhile: this answer is stale
        batches.value = saved
        isLoaded.value = true
      },
      (e) => {
        if (storage !== from) return
        // Keep working for this visit rather than refusing every import.
        storage = memoryStore()
        error.value = { kind: 'unavailable', detail: String(e) }
        isLoaded.value = true
      },
    )
    return loading
  }

  // The store changes only after storage has the change, so a failed write leaves both as they were.
  async function persist(change: () => Promise<void>, next: () => UserBatch[]): Promise<boolean> {
    await load()
    try {
      await change()
    } catch (e) {
      error.value = { kind: e instanceof PersistError && e.quota ? 'quota' : 'failed', detail: e instanceof Error ? e.message : String(e) }
      return false
    }
    error.value = null
    batches.value = next()
    channel?.postMessage('changed')
    return true
  }

  /** Reads the saved batches again (another tab changed them). */
  async function reload(): Promise<void> {
    loading = undefined
    await load()
  }

  /** Saves a batch, then shows it; false (and `error`) when it could not be saved, in which case nothing changes. */
  function add(batch: UserBatch): Promise<boolean> {
    return persist(() => storage.put(batch), () => [...batches.value.filter((b) => b.id !== batch.id), batch])
  }

  /**
   * Changes a batch figure by figure from `previous` (what this tab built on) to `next` (null: none left), merged into
   * what storage holds now, so another tab's figures saved meanwhile are kept rather than overwritten.
   */
  function merge(id: string, previous: UserBatch | undefined, next: UserBatch | null): Promise<boolean> {
    let written: UserBatch | null = null
    return persist(
      async () => {
        // Only a review that is kept needs the merge: it stays off the first download.
        const { mergeBatch } = await import('@/data/mergeBatch')
        written = await storage.update(id, (current) => mergeBatch(current, previous, next))
      },
      () => [...batches.value.filter((b) => b.id !== id), ...(written ? [written] : [])],
    )
  }

  /** Undoes one batch. */
  function remove(id: string): Promise<boolean> {
    return persist(() => storage.delete(id), () => batches.value.filter((b) => b.id !== id))
  }

  /** Removes every batch: the embedded data alone is shown again. */
  function restore(): Promise<boolean> {
    return persist(() => storage.clear(), () => [])
  }

  // Saved batches appear without anyone having to ask; load() lets a caller wait for them.
  void load()

  return { batches, error, isLoaded, load, reload, add, merge, remove, restore, setStorage }
})
