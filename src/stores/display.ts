import { useLocalStorage } from '@vueuse/core'
import { defineStore } from 'pinia'

/** How charts are drawn on this machine (not part of a shared link): patterns for black-and-white printing. */
export const useDisplayStore = defineStore('display', () => {
  /** Fill patterns and dash styles so series stay apart when printed without colour. */
  const decal = useLocalStorage('heze-dashboard:decal', false)
  return { decal }
})
