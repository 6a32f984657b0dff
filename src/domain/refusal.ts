import refusals from '@/i18n/features/refusal'

const en = refusals.en

/** A reason the server gives, by code (its messages in both languages: src/i18n/features/refusal.ts). */
export type RefusalCode = Exclude<keyof typeof en, 'field'>
/** The values a reason's message names. */
export type RefusalParams = Record<string, string | number>

/** The English text of a reason, its `{name}`s filled from `params` (what the server answers in `error`). */
export function refusalText(code: RefusalCode, params: RefusalParams = {}): string {
  return en[code].replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all))
}
