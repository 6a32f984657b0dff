import { ref, shallowRef, watch } from 'vue'
import type { ApiError } from '@/data/api'
import { auditQuery, NO_AUDIT_FILTER, type AuditEntry, type AuditFilter } from '@/domain/audit'
import { useSessionStore } from '@/stores/session'
import { useRefusal } from './useRefusal'

/** How many entries the view reads at once; the CSV export has them all. */
export const AUDIT_PAGE = 200

/** 操作记录: the filter, the entries it selects (read again whenever it changes), and the CSV link for the same filter. */
export function useAudit() {
  const session = useSessionStore()
  const refused = useRefusal()
  const filter = ref<AuditFilter>({ ...NO_AUDIT_FILTER })
  const entries = shallowRef<AuditEntry[]>([])
  const state = ref<'loading' | 'ready' | 'failed'>('loading')
  const error = ref('')
  let asked = 0

  async function load(): Promise<void> {
    const ask = ++asked
    state.value = 'loading'
    const answer = await session.send<AuditEntry[] & ApiError>(`api/audit?${auditQuery(filter.value, { limit: AUDIT_PAGE })}`)
    // A slower answer to an older filter must not replace a newer one.
    if (ask !== asked) return
    entries.value = answer.ok && Array.isArray(answer.body) ? answer.body : []
    error.value = answer.ok ? '' : refused.error(answer.body, answer.status)
    state.value = answer.ok ? 'ready' : 'failed'
  }
  watch(filter, load)

  const csvHref = () => `api/audit?${auditQuery(filter.value, { format: 'csv', limit: 100_000 })}`
  return { filter, entries, state, error, load, csvHref }
}
