import en from '@/i18n/en'
import exportMessages from '@/i18n/features/export'
import zh from '@/i18n/zh-CN'

/** The messages exports draw in one language: the same files the UI reads, usable in Node without vue-i18n. */
export interface ExportTexts {
  locale: 'zh' | 'en'
  product: string
  chart: typeof zh.chart
  export: typeof exportMessages.zh
}

/** Texts for `locale`; the browser and the CLI share them, so an image says the same wherever it is made. */
export function exportTexts(locale: 'zh' | 'en'): ExportTexts {
  const base = locale === 'en' ? en : zh
  return { locale, product: base.app.title, chart: base.chart, export: exportMessages[locale] }
}

/** Fills `{name}` placeholders the way vue-i18n does for plain named interpolation. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole))
}
