import { refusalText, type RefusalCode, type RefusalParams } from '@/domain/refusal'

/**
 * An error answer: the English text for API clients, and the code and values the app puts into the reader's language
 * (src/i18n/features/refusal.ts holds both languages).
 */
export function refusal(code: RefusalCode, params?: RefusalParams): { error: string; code: RefusalCode; params?: RefusalParams } {
  return params ? { error: refusalText(code, params), code, params } : { error: refusalText(code), code }
}
