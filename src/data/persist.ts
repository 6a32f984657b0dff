import type { UserBatch } from '@/domain/types'

/** Where user batches are kept between visits; every method settles only once the change is durable. */
export interface BatchStore {
  list(): Promise<UserBatch[]>
  put(batch: UserBatch): Promise<void>
  delete(id: string): Promise<void>
  clear(): Promise<void>
  /** Reads a batch and writes what `change` makes of it (null deletes it) as one step no other tab can split. */
  update(id: string, change: (current: UserBatch | undefined) => UserBatch | null): Promise<UserBatch | null>
}

/** A failed write, with `quota` when the browser's storage is full (the store is then unchanged). */
export class PersistError extends Error {
  constructor(
    message: string,
    readonly quota: boolean,
  ) {
    super(message)
    this.name = 'PersistError'
  }
}

const DB = 'heze-dashboard'
const STORE = 'batches'

/** Batches in IndexedDB (one record per batch, keyed by id); `factory` is fake-indexeddb's in tests. */
export function indexedDbStore(factory: IDBFactory = indexedDB, name = DB): BatchStore {
  let db: Promise<IDBDatabase> | undefined
  const open = () =>
    (db ??= new Promise((resolve, reject) => {
      const request = factory.open(name, 1)
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' })
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(toError(request.error))
    }))
  // One transaction per change: IndexedDB commits it whole or, on any failure (quota), not at all.
  const run = async <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await open()).transaction(STORE, mode)
    const request = act(tx.objectStore(STORE))
    return new Promise<T>((resolve, reject) => {
      tx.oncomplete = () => resolve(request.result)
      tx.onabort = tx.onerror = () => reject(toError(tx.error ?? request.error))
    })
  }
  return {
    list: async () => ((await run('readonly', (s) => s.getAll())) as UserBatch[]).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    put: async (batch) => void (await run('readwrite', (s) => s.put(batch))),
    delete: async (id) => void (await run('readwrite', (s) => s.delete(id))),
    clear: async () => void (await run('readwrite', (s) => s.clear())),
    // Read and write in one transaction: IndexedDB runs overlapping readwrite transactions one after another.
    update: async (id, change) => {
      let written: UserBatch | null = null
      await run('readwrite', (s) => {
        const get = s.get(id)
        get.onsuccess = () => {
          written = change(get.result as UserBatch | undefined)
          if (written) s.put(written)
          else s.delete(id)
        }
        return get
      })
      return written
    },
  }
}

/** Batches in memory only: where IndexedDB is missing (private windows of some browsers, Node). */
export function memoryStore(): BatchStore {
  const batches = new Map<string, UserBatch>()
  return {
    list: async () => [...batches.values()],
    put: async (batch) => void batches.set(batch.id, batch),
    delete: async (id) => void batches.delete(id),
    clear: async () => batches.clear(),
    update: async (id, change) => {
      const written = change(batches.get(id))
      if (written) batches.set(id, written)
      else batches.delete(id)
      return written
    },
  }
}

function toError(e: DOMException | Error | null): PersistError {
  const quota = e?.name === 'QuotaExceededError'
  return new PersistError(e?.message || e?.name || 'IndexedDB failed', quota)
}
