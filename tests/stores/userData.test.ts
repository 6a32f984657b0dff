import { IDBFactory } from 'fake-indexeddb'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { indexedDbStore } from '@/data/persist'
import { obs } from '@/domain/synthesize'
import type { Observation, UserBatch } from '@/domain/types'
import { useUserDataStore } from '@/stores/userData'

const report = (...observations: Observation[]): UserBatch => ({ id: 'r1', kind: 'report', name: 'r1', createdAt: '2026-12-01T00:00:00Z', observations, sources: [], metrics: [], reports: {} })
const a = obs('371726', '2024-12', 5, { source: 'r1' })
const b = obs('371725', '2024-12', 6, { source: 'r1' })

/** A tab: its own Pinia and its own connection to the one IndexedDB both tabs share. */
async function tab(factory: IDBFactory) {
  setActivePinia(createPinia())
  const store = useUserDataStore()
  store.setStorage(indexedDbStore(factory))
  await store.load()
  return store
}

describe('useUserDataStore in two tabs', () => {
  it('keeps the first tab’s figures when the second accepts others in the same report', async () => {
    const factory = new IDBFactory()
    const first = await tab(factory)
    const second = await tab(factory)
    expect(await first.merge('r1', undefined, report(a))).toBe(true)
    expect(await second.merge('r1', undefined, report(b))).toBe(true)
    expect((await indexedDbStore(factory).list())[0].observations).toEqual([a, b])
  })

  it('tells the other tab, which shows the change without a reload', async () => {
    const factory = new IDBFactory()
    const first = await tab(factory)
    const second = await tab(factory)
    await first.merge('r1', undefined, report(a))
    await vi.waitFor(() => expect(second.batches.map((x) => x.observations)).toEqual([[a]]))
  })
})
