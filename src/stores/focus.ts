import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Observation } from '@/domain/types'

/** Which source the 来源 view shows and which figure in it to bring into view (not kept in the URL). */
export const useFocusStore = defineStore('focus', () => {
  const source = ref<string | null>(null)
  const observation = shallowRef<Observation | null>(null)

  /** Opens a figure's source at that figure. */
  function open(o: Observation): void {
    source.value = o.source
    observation.value = o
  }

  return { source, observation, open }
})
