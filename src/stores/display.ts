import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

const DECAL_KEY = 'heze-dashboard:decal'

/** How charts are drawn on this machine (not part of a shared link): patterns for black-and-white printing. */
export const useDisplayStore = defineStore('display', () => {
  // One boolean in localStorage: a ref and a watch, rather than 2.4 KB of @vueuse in the first download.
  /** Fill patterns and dash styles so series stay apart when printed without colour. */
  const decal = ref(readFlag(DECAL_KEY))
  watch(decal, (on) => {
    try {
      localStorage.setItem(DECAL_KEY, String(on))
    } catch {
      // Storage disabled or full: the switch still works for this visit.
    }
  })
  return { decal }
})

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'true'
  } catch {
    return false
  }
}
