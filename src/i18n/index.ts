import { createI18n } from 'vue-i18n'
import en from './en'
import zh from './zh-CN'

/** Locales the UI speaks; Chinese is the default. */
export type AppLocale = 'zh-CN' | 'en'

/** Creates the i18n instance (Composition API mode). */
export function createAppI18n(locale: AppLocale = 'zh-CN') {
  return createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages: { 'zh-CN': zh, en } })
}
