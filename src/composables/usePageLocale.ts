import { watch } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { setPageLocale } from '@/i18n/app'
import { useLocaleStore } from '@/stores/locale'

/** The language is view state (in the link, remembered on this machine); the page's messages follow it. Returns a way to wait for them. */
export function usePageLocale(): () => Promise<void> {
  const i18n = useI18n()
  const locale = useLocaleStore()
  const apply = () => setPageLocale(i18n, locale.lang === 'en' ? 'en' : 'zh-CN')
  watch(() => locale.lang, apply)
  return apply
}
