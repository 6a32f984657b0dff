import { sql, type Kysely } from 'kysely'
import { parsePeriod } from '@/domain/period'
import { QUALIFIERS, type Qualifier } from '@/domain/types'
import type { Db } from './connect'
import { inScope } from '@/domain/scope'
import { bumpRevision, regionTree, type Actor } from './record'
import { refusalText, type RefusalCode, type RefusalParams } from '@/domain/refusal'
import type { Database } from './schema'

/** A figure as the API shows it: the package's fields plus its id, version, status and provenance. */
export interface StoredObservation {
  id: string
  metric: string
  region: string
  period: string
  value: number
  qualifier: string
  source: string
  quote: string
  quoteStart: number | null
  quoteEnd: number | null
  status: 'active' | 'withdrawn'
  version: number
}

/** Which figures to list; all filters are optional. */
export interface ObservationQuery {
  metric?: string
  region?: string
  from?: string
  to?: string
  status?: 'active' | 'withdrawn' | 'all'
  limit?: number
}

const FIELDS = ['id', 'metric', 'region', 'period', 'value', 'qualifier', 'source', 'quote', 'quote_start', 'quote_end', 'status', 'version'] as const

type Row = Pick<import('kysely').Selectable<Database['observations']>, (typeof FIELDS)[number]>
const toStored = (r: Row): StoredObservation => ({
  id: String(r.id),
  metric: r.metric,
  region: r.region,
  period: r.period,
  value: r.value,
  qualifier: r.qualifier,
  source: r.source,
  quote: r.quote,
  quoteStart: r.quote_start,
  quoteEnd: r.quote_end,
  status: r.status,
  version: r.version,
})

/** Figures matching `q`, ordered by metric, region and period (a series reads in time order). */
export async function listObservations(db: Kysely<Database>, q: ObservationQuery): Promise<StoredObservation[]> {
  let query = db.selectFrom('observations').select(FIELDS)
  if (q.metric) query = query.where('metric', '=', q.metric)
  if (q.region) query = query.where('region', '=', q.region)
  if (q.from) query = query.where('period', '>=', q.from)
  if (q.to) query = query.where('period', '<=', q.to + '\uffff')
  const status = q.status ?? 'active'
  if (status !== 'all') query = query.where('status', '=', status)
  const rows = await query.orderBy('metric').orderBy('region').orderBy('period').limit(q.limit ?? 10_000).execute()
  return rows.map(toStored)
}

/** A change refused because the writer saw an older version: both values, so the writer can decide. */
export class VersionConflict extends Error {
  constructor(readonly current: StoredObservation) {
    super(`the figure changed meanwhile: it is now version ${current.version}`)
  }
}

/** A change refused because the writer may not change figures of this region. */
export class ChangeForbidden extends Error {
  readonly code = 'figureOutsideScope'
  constructor(readonly params: { region: string }) {
    super(refusalText('figureOutsideScope', params))
  }
}

/** Throws `ChangeForbidden` unless the actor may write figures of the figure's region. */
async function checkScope(trx: Kysely<Database>, actor: Actor, figure: StoredObservation): Promise<void> {
  if (actor.scope == null || inScope(await regionTree(trx), actor.scope, figure.region)) return
  throw new ChangeForbidden({ region: figure.region })
}

/** A change refused because of what it says (a quote not in its report, a withdrawn figure…). */
export class ChangeRefused extends Error {
  constructor(
    readonly path: string,
    readonly code: RefusalCode,
    readonly params: RefusalParams = {},
  ) {
    super(refusalText(code, params))
  }
}

/** What an editor may change of a figure; the reason is kept in the history. */
export interface Correction {
  value?: number
  qualifier?: Qualifier
  period?: string
  quote?: string
  reason: string
  /** The version the editor saw. */
  version: number
}

/**
 * Corrects one figure in a transaction: refused when it was changed meanwhile (`VersionConflict`) or withdrawn;
 * the quote, when changed, must occur in the report. Returns the figure as it now stands, or null when there is none.
 */
export function correctObservation(db: Db, actor: Actor, id: string, change: Correction): Promise<StoredObservation | null> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await lockedRow(trx, id)
    if (!before) return null
    await checkScope(trx, actor, before)
    if (before.version !== change.version) throw new VersionConflict(before)
    if (before.status !== 'active') throw new ChangeRefused('id', 'figureWithdrawn')
    if (change.period !== undefined && parsePeriod(change.period) === null) throw new ChangeRefused('period', 'badPeriod', { period: change.period })
    if (change.qualifier !== undefined && !QUALIFIERS.includes(change.qualifier)) throw new ChangeRefused('qualifier', 'badQualifier', { qualifier: change.qualifier, allowed: QUALIFIERS.join(' ') })
    const quote = change.quote ?? before.quote
    const report = await trx.selectFrom('reports').select('text').where('source_id', '=', before.source).executeTakeFirst()
    const start = report ? report.text.indexOf(quote) : -1
    if (report && (!quote || start < 0)) throw new ChangeRefused('quote', quote ? 'quoteMissing' : 'quoteEmpty', { quote: quote.slice(0, 40), source: before.source })
    await trx
      .updateTable('observations')
      .set({
        value: change.value ?? before.value,
        qualifier: change.qualifier ?? before.qualifier,
        period: change.period ?? before.period,
        quote,
        quote_start: report ? start : null,
        quote_end: report ? start + quote.length : null,
        version: before.version + 1,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute()
    const after = (await lockedRow(trx, id))!
    await recordChange(trx, actor, 'correct', before, after, change.reason)
    return after
  })
}

/** Withdraws a figure: it leaves the charts and the package, and stays in the history. */
export function withdrawObservation(db: Db, actor: Actor, id: string, reason: string, version: number): Promise<StoredObservation | null> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await lockedRow(trx, id)
    if (!before) return null
    await checkScope(trx, actor, before)
    if (before.version !== version) throw new VersionConflict(before)
    if (before.status !== 'active') throw new ChangeRefused('id', 'figureWithdrawn')
    await trx.updateTable('observations').set({ status: 'withdrawn', version: before.version + 1, updated_at: sql<Date>`now()` }).where('id', '=', id).execute()
    const after = (await lockedRow(trx, id))!
    await recordChange(trx, actor, 'withdraw', before, after, reason)
    return after
  })
}

async function lockedRow(trx: Kysely<Database>, id: string): Promise<StoredObservation | undefined> {
  if (!/^[0-9]{1,18}$/.test(id)) return undefined
  const row = await trx.selectFrom('observations').select(FIELDS).where('id', '=', id).forUpdate().executeTakeFirst()
  return row && toStored(row)
}

async function recordChange(trx: Kysely<Database>, actor: Actor, action: string, before: StoredObservation, after: StoredObservation, reason: string): Promise<void> {
  await trx
    .insertInto('audit')
    .values({ user_id: actor.id, username: actor.username, action, entity: 'observation', entity_id: before.id, before: JSON.stringify(before), after: JSON.stringify(after), reason })
    .execute()
  await bumpRevision(trx)
}

/** One step of a figure's history: its entry with its batch, then each correction or withdrawal. */
export interface HistoryEntry {
  at: string
  username: string
  action: string
  reason: string
  before: { value: number; qualifier: string; period: string } | null
  after: { value: number; qualifier: string; period: string; status: string } | null
  batch: { id: string; kind: string; name: string } | null
}

/** A figure's history, oldest first; null when there is no such figure. */
export async function observationHistory(db: Kysely<Database>, id: string): Promise<HistoryEntry[] | null> {
  if (!/^[0-9]{1,18}$/.test(id)) return null
  const row = await db
    .selectFrom('observations as o')
    .leftJoin('batches as b', 'b.id', 'o.batch_id')
    .leftJoin('users as u', 'u.id', 'o.created_by')
    .select(['o.created_at', 'b.id as batch_id', 'b.kind', 'b.name', 'u.username'])
    .where('o.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const changes = await db.selectFrom('audit').selectAll().where('entity', '=', 'observation').where('entity_id', '=', id).orderBy('id').execute()
  // The entry's own values are the first change's "before", or the figure as it stands.
  const pick = (o: StoredObservation | null) => o && { value: o.value, qualifier: o.qualifier, period: o.period, status: o.status }
  const first = changes.length ? (parse(changes[0].before) as StoredObservation) : ((await lockedRow(db, id)) ?? null)
  return [
    {
      at: row.created_at.toISOString(),
      username: row.username ?? 'system',
      action: row.kind ?? 'seed',
      reason: '',
      before: null,
      after: pick(first),
      batch: row.batch_id ? { id: row.batch_id, kind: row.kind!, name: row.name! } : null,
    },
    ...changes.map((c) => ({
      at: c.at.toISOString(),
      username: c.username,
      action: c.action,
      reason: c.reason,
      before: pick(parse(c.before) as StoredObservation),
      after: pick(parse(c.after) as StoredObservation),
      batch: null,
    })),
  ]
}

// jsonb comes back parsed from pg and PGlite alike; a string is parsed for safety.
const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v)
