import { defineStore } from 'pinia'
import { ref } from 'vue'

const DECAL_KEY = 'heze-dashboard:decal'

/** How charts are drawn: patterns for black-and-white printing (in the link, else this machine's last choice), and embedding. */
export const useDisplayStore = defineStore('display', () => {
  // One boolean in localStorage: a ref and a function, rather than 2.4 KB of @vueuse in the first download.
  /** Fill patterns and dash styles so series stay apart when printed without colour. */
  const decal = ref(readItem(DECAL_KEY) === 'true')
  /** Only the view's chart and its frame, for an intranet portal's iframe (`embed=1`). */
  const embed = ref(false)

  /** The user's own choice, remembered on this machine; a link that states the switch does not change the memory. */
  function chooseDecal(on: boolean): void {
    decal.value = on
    writeItem(DECAL_KEY, String(on))
  }

  /** The last choice on this machine, for a link that does not state one. */
  const rememberedDecal = () => readItem(DECAL_KEY) === 'true'

  return { decal, embed, chooseDecal, rememberedDecal }
})

/** A localStorage value, or null when storage is disabled. */
export function readItem(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

/** Stores a value; with storage disabled or full the choice still holds for this visit. */
export function writeItem(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Nothing to do: the state is in the page and the link.
  }
}
