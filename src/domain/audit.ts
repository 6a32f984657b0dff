/** The actions the server writes to the audit trail (操作记录), in the order the filter offers them. */
export const AUDIT_ACTIONS = [
  'import', 'report', 'correct', 'withdraw', 'refused', 'seed',
  'login', 'login_failed', 'login_locked', 'login_disabled', 'login_throttled', 'logout',
  'user_create', 'user_update', 'password_reset', 'password_change',
  'token_create', 'token_revoke', 'token_use', 'token_refused',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** What the 操作记录 view filters by; dates are calendar days (YYYY-MM-DD) in China time, empty for no bound. */
export interface AuditFilter {
  user: string
  action: string
  region: string
  from: string
  to: string
}

export const NO_AUDIT_FILTER: AuditFilter = { user: '', action: '', region: '', from: '', to: '' }

/** One entry of GET /api/audit; `before` and `after` are JSON text or empty. */
export interface AuditEntry {
  id: string
  at: string
  username: string
  action: string
  entity: string
  entity_id: string
  region: string
  before: string
  after: string
  batch_id: string
  reason: string
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
/** Heze keeps China time (UTC+8, no daylight saving): a day runs from its 00:00 to its last millisecond there. */
const dayStart = (day: string) => `${day}T00:00:00.000+08:00`
const dayEnd = (day: string) => `${day}T23:59:59.999+08:00`

/**
 * The query string of GET /api/audit for a filter (without `?`): empty fields are left out, a day that is not
 * YYYY-MM-DD is ignored, `from` and `to` include their whole days; `extra` adds `format` or `limit`.
 */
export function auditQuery(filter: AuditFilter, extra: { format?: 'csv' | 'json'; limit?: number } = {}): string {
  const q = new URLSearchParams()
  if (filter.user.trim()) q.set('user', filter.user.trim())
  if (filter.action) q.set('action', filter.action)
  if (filter.region) q.set('region', filter.region)
  if (DAY.test(filter.from)) q.set('from', dayStart(filter.from))
  if (DAY.test(filter.to)) q.set('to', dayEnd(filter.to))
  if (extra.format) q.set('format', extra.format)
  if (extra.limit) q.set('limit', String(extra.limit))
  return q.toString()
}

/** Whether the app has words for this action (an unknown one is shown as the server names it). */
export const isKnownAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action)

/** What an entry's before/after say, in parts the view puts into words: a batch's name and rows, a value changed, an account. */
export interface AuditDetail {
  name?: string
  rows?: number
  change?: string
  account?: string
  role?: string
  /** Why a request was refused, as a code the view words in the reader's language. */
  refusal?: { code: string; params: Record<string, string | number> }
  /** A refused batch's first problem: where (`observations[2].region`) and why. */
  problem?: { path: string; code: string; params: Record<string, string | number> }
}

/** A `{ code, params }` the server recorded, or undefined when `v` is not one. */
function reasonOf(v: unknown): { code: string; params: Record<string, string | number> } | undefined {
  if (!v || typeof v !== 'object') return undefined
  const { code, params } = v as { code?: unknown; params?: unknown }
  if (typeof code !== 'string') return undefined
  const values = params && typeof params === 'object' ? Object.fromEntries(Object.entries(params).filter(([, x]) => typeof x === 'string' || typeof x === 'number')) : {}
  return { code, params: values as Record<string, string | number> }
}

function parse(text: string): Record<string, unknown> {
  if (!text) return {}
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined)

/** Reads an entry's before/after JSON into the parts worth showing; anything else stays in the CSV. */
export function auditDetail(entry: Pick<AuditEntry, 'before' | 'after'>): AuditDetail {
  const before = parse(entry.before)
  const after = parse(entry.after)
  const detail: AuditDetail = {}
  const name = str(after.name ?? before.name)
  if (name) detail.name = name
  const rows = after.count ?? after.rows
  if (typeof rows === 'number') detail.rows = rows
  if (before.value !== undefined && after.value !== undefined && before.value !== after.value) detail.change = `${str(before.value)} → ${str(after.value)}`
  else if (after.value !== undefined && str(after.value)) detail.change = str(after.value)
  const account = str(after.username ?? before.username)
  if (account) detail.account = account
  const role = str(after.role)
  if (role) detail.role = role
  const refusal = reasonOf(after)
  if (refusal) detail.refusal = refusal
  const problem = reasonOf(after.problem)
  const path = (after.problem as { path?: unknown } | undefined)?.path
  if (problem && typeof path === 'string') detail.problem = { path, ...problem }
  return detail
}
