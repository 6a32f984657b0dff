import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { UserBatch } from '@/domain/types'

/** What the user added in the browser (imported files, reviewed reports), batch by batch. */
export const useUserDataStore = defineStore('userData', () => {
  const batches = shallowRef<UserBatch[]>([])

  function add(batch: UserBatch): void {
    batches.value = [...batches.value, batch]
  }

  function remove(id: string): void {
    batches.value = batches.value.filter((b) => b.id !== id)
  }

  return { batches, add, remove }
})
