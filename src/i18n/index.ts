import { createI18n, registerMessageResolver, type I18nOptions } from 'petite-vue-i18n'
import { resolveDotted } from './resolve'
import en from './en'
import zh from './zh-CN'

// petite-vue-i18n reads flat keys unless told otherwise; our messages nest by feature (`ingest.title`).
registerMessageResolver(resolveDotted)

/** Locales the UI speaks; Chinese is the default. */
export type AppLocale = 'zh-CN' | 'en'

/** A feature's messages: `src/i18n/features/NAME.ts` default-exports `{ zh, en }`, reached as `NAME.key`. */
export interface FeatureMessages {
  zh: Record<string, unknown>
  en: Record<string, unknown>
}

// Each feature keeps its strings beside the others' without editing a shared file.
const features = import.meta.glob<{ default: FeatureMessages }>('./features/*.ts', { eager: true })

function withFeatures(base: object, locale: keyof FeatureMessages): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base }
  for (const [path, module] of Object.entries(features)) merged[path.replace(/^.*\/|\.ts$/g, '')] = module.default[locale]
  return merged
}

/** An i18n instance (Composition API mode) with every message at once, for component tests and tools; the page uses `createPageI18n` (./app). */
export function createAppI18n(locale: AppLocale = 'zh-CN') {
  const messages = { 'zh-CN': withFeatures(zh, 'zh'), en: withFeatures(en, 'en') } as I18nOptions['messages']
  return createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages })
}
