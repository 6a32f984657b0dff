import { createI18n, registerMessageResolver, type Composer, type I18nOptions } from 'petite-vue-i18n'
import { resolveDotted } from './resolve'
import type { AppLocale, FeatureMessages } from './index'

// `?i18n`: the build hands these modules over precompiled (vite.config.ts), so the page needs no message compiler;
// `?i18n=zh` / `?i18n=en` keeps one language of a feature.
const [zh] = Object.values(import.meta.glob<Record<string, unknown>>('./zh-CN.ts', { eager: true, query: '?i18n', import: 'default' }))
const [en] = Object.values(import.meta.glob<Record<string, unknown>>('./en.ts', { query: '?i18n', import: 'default' }))
/**
 * Features drawn before the first chart (header, filters, 总览, the landing view) come with the page in Chinese; every other feature's
 * messages, the trend's export tools and figures table included, load with the first part drawn after it. A feature
 * the first screen starts to need belongs in all three patterns (glob patterns must be literals).
 */
const firstScreen = import.meta.glob<FeatureMessages>('./features/{demo,filter2,overview,session}.ts', { eager: true, query: '?i18n=zh', import: 'default' })
const firstScreenEn = import.meta.glob<FeatureMessages>('./features/{demo,filter2,overview,session}.ts', { query: '?i18n=en', import: 'default' })
const laterFeatures = import.meta.glob<FeatureMessages>(['./features/*.ts', '!./features/{demo,filter2,overview,session}.ts'], { query: '?i18n', import: 'default' })

// petite-vue-i18n reads flat keys unless told otherwise; our messages nest by feature (`ingest.title`).
registerMessageResolver(resolveDotted)

const featureName = (path: string) => path.replace(/^.*\/|\.ts$/g, '')

function merge(composer: Composer, path: string, messages: FeatureMessages): void {
  composer.mergeLocaleMessage('zh-CN', { [featureName(path)]: messages.zh })
  composer.mergeLocaleMessage('en', { [featureName(path)]: messages.en })
}

/** Loads and merges a set of lazily imported features. */
const mergeAll = (composer: Composer, modules: Record<string, () => Promise<FeatureMessages>>) =>
  Promise.all(Object.entries(modules).map(async ([path, load]) => merge(composer, path, await load()))).then(() => {})

/** The page's i18n: Chinese and the first screen's features; English and the other features load when needed. */
export function createPageI18n() {
  const messages = { 'zh-CN': zh, en: {} } as I18nOptions['messages']
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN', messages })
  for (const [path, feature] of Object.entries(firstScreen)) merge(i18n.global, path, feature)
  return i18n
}

const featuresLoaded = new WeakMap<Composer, Promise<void>>()

/** Loads the other features' messages once (each feature is its own small chunk); a lazy view awaits this before it renders. */
export function loadFeatureMessages(composer: Composer): Promise<void> {
  let loading = featuresLoaded.get(composer)
  if (!loading) {
    loading = mergeAll(composer, laterFeatures)
    featuresLoaded.set(composer, loading)
  }
  return loading
}

/** Loads a lazy part together with the other features' messages, so it shows no message keys when it renders. */
export function withFeatureMessages<T>(composer: Composer, load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), loadFeatureMessages(composer)]).then(([loaded]) => loaded)
}

/** Switches the language once its messages are here, so no key shows in between; sets the page's `lang`. */
export async function setPageLocale(composer: Composer, locale: AppLocale): Promise<void> {
  // Merging again is harmless, and each module is fetched only once.
  if (locale === 'en') await Promise.all([en().then((messages) => composer.mergeLocaleMessage('en', messages)), mergeAll(composer, firstScreenEn)])
  composer.locale.value = locale
  document.documentElement.lang = locale
}
