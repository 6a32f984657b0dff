import { useI18n } from 'petite-vue-i18n'
import type { ApiError, ApiProblem } from '@/data/api'
import { resolveDotted } from '@/i18n/resolve'

/** What the server said when it refused: its code and values, and its own (English) words. */
export interface Said {
  code?: string
  params?: Record<string, string | number>
  error?: string
  message?: string
}

/**
 * The server's reasons in the reader's language: by the code its answer carries (src/i18n/features/refusal.ts), else
 * in the server's own words, so an older server or an unknown code still says something.
 */
export function useRefusal() {
  const { t, locale, getLocaleMessage } = useI18n()
  // The page's i18n has no `te`: a message exists when the reader's language has it (the refusal messages load with
  // the later features; until then the server's own words stand).
  const te = (key: string) => resolveDotted(getLocaleMessage(locale.value), key) !== null
  const known = (code: string | undefined): code is string => !!code && code !== 'field' && te(`refusal.${code}`)
  const reason = (said: Said | null | undefined, otherwise: string): string =>
    known(said?.code) ? t(`refusal.${said.code}`, said.params ?? {}) : (said?.error ?? said?.message ?? otherwise)
  return {
    /** An error answer's reason; `status` 0 is no answer at all. */
    error: (body: ApiError | Said | null | undefined, status: number) => reason(body, status === 0 ? t('refusal.noAnswer') : `HTTP ${status}`),
    /** A located problem's reason. */
    problem: (p: ApiProblem) => reason(p, p.message),
    /** A field of a figure by its name in the reader's language (region → 地区). */
    field: (name: string) => (te(`refusal.field.${name}`) ? t(`refusal.field.${name}`) : name),
  }
}
