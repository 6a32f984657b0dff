import type { Kysely } from 'kysely'
import type { Database } from './schema'

/** An entry of the history that is not a figure's change: logins, refusals, accounts, tokens. */
export interface AuditEvent {
  action: string
  entity: string
  entityId?: string
  before?: unknown
  after?: unknown
  reason?: string
}

/** Appends one entry; `who` is the account acting, or the name someone tried (a failed login), or nobody. */
export async function recordEvent(db: Kysely<Database>, who: { id: number | null; username: string } | null, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit')
    .values({
      user_id: who?.id ?? null,
      username: who?.username ?? '',
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId ?? '',
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
      reason: event.reason ?? '',
    })
    .execute()
}
