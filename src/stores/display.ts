import { defineStore } from 'pinia'
import { ref } from 'vue'

const DECAL_KEY = 'heze-dashboard:decal'
const LANG_KEY = 'heze-dashboard:lang'

/**
 * How the page is shown: its language and print patterns (in the link, else this machine's last choice; App applies
 * the language to the messages), and embedding.
 */
export const useDisplayStore = defineStore('display', () => {
  // Two values in localStorage: refs and functions, rather than 2.4 KB of @vueuse in the first download.
  const lang = ref<'zh' | 'en'>('zh')
  /** Fill patterns and dash styles so series stay apart when printed without colour. */
  const decal = ref(readItem(DECAL_KEY) === 'true')
  /** Only the view's chart and its frame, for an intranet portal's iframe (`embed=1`). */
  const embed = ref(false)

  // The user's own choices are remembered on this machine; a link that states one does not change the memory.
  function chooseLang(next: 'zh' | 'en'): void {
    lang.value = next
    writeItem(LANG_KEY, next)
  }
  function chooseDecal(on: boolean): void {
    decal.value = on
    writeItem(DECAL_KEY, String(on))
  }

  /** The last choices on this machine, for a link that does not state them. */
  const rememberedLang = (): 'zh' | 'en' => (readItem(LANG_KEY) === 'en' ? 'en' : 'zh')
  const rememberedDecal = () => readItem(DECAL_KEY) === 'true'

  return { lang, decal, embed, chooseLang, chooseDecal, rememberedLang, rememberedDecal }
})

function readItem(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function writeItem(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Storage disabled or full: the choice still holds for this visit, and is in the link.
  }
}
