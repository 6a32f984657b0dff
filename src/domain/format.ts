import type { Qualifier } from './types'

const SYMBOLS: Record<'zh' | 'en', Record<Qualifier, string>> = {
  zh: { '=': '', '>=': '≥', '~': '约', '<=': '≤' },
  en: { '=': '', '>=': '≥', '~': '≈', '<=': '≤' },
}

/** The prefix that marks a non-exact figure: ≥ for 余/以上, 约 (en ≈) for 约/左右, ≤ for 不超过; '' when exact. */
export function qualifierSymbol(qualifier: Qualifier, locale: 'zh' | 'en'): string {
  return SYMBOLS[locale][qualifier]
}

const NUMBER = {
  // Chinese reports write 12345人 without separators; English readers expect 12,345.
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
}

/** A figure as text with its qualifier and unit: `≥500次`, `约20人`, `66.1%`; en `≥500 次`, `12,345 人`. */
export function formatValue(value: number, qualifier: Qualifier, unit: string, locale: 'zh' | 'en'): string {
  const gap = locale === 'en' && unit !== '' && unit !== '%' ? ' ' : ''
  return `${qualifierSymbol(qualifier, locale)}${NUMBER[locale].format(value)}${gap}${unit}`
}
