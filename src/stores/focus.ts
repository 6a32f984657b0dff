import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { figureKey } from '@/domain/dashboardQuery'
import type { Observation } from '@/domain/types'

/** Which source the 来源 view shows and which figure in it to bring into view (the figure is in the link as `figure`). */
export const useFocusStore = defineStore('focus', () => {
  const source = ref<string | null>(null)
  const observation = shallowRef<Observation | null>(null)
  /** The focused figure's name in a link. */
  const key = computed(() => (observation.value ? figureKey(observation.value) : null))

  /** Opens a figure's source at that figure. */
  function open(o: Observation): void {
    source.value = o.source
    observation.value = o
  }

  /** Shows another source; the focused figure goes unless it is of that source. */
  function choose(id: string): void {
    source.value = id
    if (observation.value?.source !== id) observation.value = null
  }

  return { source, observation, key, open, choose }
})
