import { IDBFactory } from 'fake-indexeddb'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { indexedDbStore, memoryStore, PersistError, type BatchStore } from '@/data/persist'
import { obs } from '@/domain/synthesize'
import type { UserBatch } from '@/domain/types'
import { useUserDataStore } from '@/stores/userData'

const batch = (id: string, createdAt = `2026-11-29T10:00:0${id.length}Z`): UserBatch => ({
  id,
  kind: id.startsWith('r') ? 'report' : 'import',
  name: `${id}.csv`,
  createdAt,
  observations: [obs('371726', '2024-12', 5, { source: id })],
  sources: [],
  metrics: [],
  reports: {},
})

describe(indexedDbStore, () => {
  it('keeps batches of both kinds across a new connection, in the order they were added', async () => {
    const factory = new IDBFactory()
    const first = indexedDbStore(factory)
    await first.put(batch('b', '2026-11-29T10:00:02Z'))
    await first.put(batch('r1', '2026-11-29T10:00:01Z'))
    const reopened = indexedDbStore(factory)
    expect((await reopened.list()).map((b) => [b.id, b.kind])).toEqual([['r1', 'report'], ['b', 'import']])
    await reopened.delete('r1')
    expect((await indexedDbStore(factory).list()).map((b) => b.id)).toEqual(['b'])
    await reopened.clear()
    expect(await indexedDbStore(factory).list()).toEqual([])
  })
})

/** A store whose writes fail as a full disk does; what it already holds stays. */
function fullStore(kept: UserBatch[]): BatchStore {
  const quota = () => Promise.reject(new PersistError('QuotaExceededError', true))
  return { list: async () => kept, put: quota, delete: quota, clear: quota, update: quota }
}

describe('useUserDataStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('shows a batch only once it is saved, and finds it again after a reload', async () => {
    const factory = new IDBFactory()
    const store = useUserDataStore()
    store.setStorage(indexedDbStore(factory))
    expect(await store.add(batch('a'))).toBe(true)
    expect(store.batches.map((b) => b.id)).toEqual(['a'])
    setActivePinia(createPinia())
    const reloaded = useUserDataStore()
    reloaded.setStorage(indexedDbStore(factory))
    await reloaded.load()
    expect(reloaded.batches.map((b) => b.observations)).toEqual([[obs('371726', '2024-12', 5, { source: 'a' })]])
  })

  it('reports a full disk and loses nothing already stored', async () => {
    const store = useUserDataStore()
    store.setStorage(fullStore([batch('old')]))
    expect(await store.add(batch('new'))).toBe(false)
    expect(store.error).toMatchObject({ kind: 'quota' })
    expect(store.batches.map((b) => b.id)).toEqual(['old'])
    expect(await store.restore()).toBe(false)
    expect(store.batches.map((b) => b.id)).toEqual(['old'])
  })

  it('undoes one batch and restores the embedded data by removing all', async () => {
    const store = useUserDataStore()
    store.setStorage(memoryStore())
    await store.add(batch('a'))
    await store.add(batch('r2'))
    await store.remove('a')
    expect(store.batches.map((b) => b.id)).toEqual(['r2'])
    await store.restore()
    expect(store.batches).toEqual([])
    expect(store.error).toBeNull()
  })
})
