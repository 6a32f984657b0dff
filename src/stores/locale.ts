import { defineStore } from 'pinia'
import { ref } from 'vue'
import { readItem, writeItem } from './display'

const LANG_KEY = 'heze-dashboard:lang'

/** The page's language: the link's `lang`, else this machine's last choice, else Chinese. App applies it to the messages. */
export const useLocaleStore = defineStore('locale', () => {
  const lang = ref<'zh' | 'en'>('zh')

  /** The user's own choice, remembered for a later visit without `lang` in its link. */
  function choose(next: 'zh' | 'en'): void {
    lang.value = next
    writeItem(LANG_KEY, next)
  }

  /** The last choice on this machine. */
  const remembered = (): 'zh' | 'en' => (readItem(LANG_KEY) === 'en' ? 'en' : 'zh')

  return { lang, choose, remembered }
})
