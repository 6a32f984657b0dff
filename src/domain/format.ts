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

/** Counting words in English: 家 counts organisations, 名/人 people; 个 is a bare count. */
const UNITS_EN: Record<string, string> = {
  家: 'organisations',
  个: '',
  人: 'people',
  名: 'people',
  人次: 'person-times',
  次: 'times',
  场: 'sessions',
  幅: 'works',
  条: 'items',
  项: 'items',
  辆: 'vehicles',
  个百分点: 'pp',
}

/** A metric's unit in a language; one already in English (or one we have no word for) stays as it is. */
export function unitIn(unit: string, locale: 'zh' | 'en'): string {
  return locale === 'en' ? (UNITS_EN[unit] ?? unit) : unit
}

/** A figure as text with its qualifier and unit: `≥500次`, `约20人`, `66.1%`; en `≥500 times`, `12,345 people`. */
export function formatValue(value: number, qualifier: Qualifier, chineseUnit: string, locale: 'zh' | 'en'): string {
  const unit = unitIn(chineseUnit, locale)
  const gap = locale === 'en' && unit !== '' && unit !== '%' ? ' ' : ''
  return `${qualifierSymbol(qualifier, locale)}${NUMBER[locale].format(value)}${gap}${unit}`
}
