import { createHash, randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { checkBatch, type BatchInput, type BatchProblem, type Catalogue } from '@/domain/batchCheck'
import { RegionTree } from '@/domain/regions'
import { inScope } from '@/domain/scope'
import type { Dataset, Region, RegionLevel, Source } from '@/domain/types'
import type { Db } from './connect'
import { metricRow, regionRow, sourceRow, toMetric, toObservation, toRegion, toSource } from './rows'
import { refusalText } from '@/domain/refusal'
import type { BatchKind, Database } from './schema'

/** Who writes: an account, or the system itself (the first start's seed). */
export interface Actor {
  id: number | null
  username: string
  /** The regions the writer may write figures of (and those below them); absent or null: everywhere. */
  scope?: readonly string[] | null
}

export const SYSTEM: Actor = { id: null, username: 'system' }

/** The actor a signed-in account writes as: administrators everywhere, everyone else within their regions. */
export const actorOf = (user: { id: number; username: string; role: string; regions: string[] }): Actor => ({
  id: user.id,
  username: user.username,
  scope: user.role === 'admin' ? null : user.regions,
})

/** The record's regions as a tree, for scope checks. */
export async function regionTree(db: Kysely<Database>): Promise<RegionTree> {
  const rows = await db.selectFrom('regions').select(['code', 'name', 'level', 'parent']).execute()
  return new RegionTree(rows.map((r) => ({ code: r.code, name: r.name, level: r.level as RegionLevel, parent: r.parent, aliases: [] })))
}

/** A batch the record refused, with every located problem; nothing of it was written. */
export class BatchRefused extends Error {
  constructor(
    readonly problems: BatchProblem[],
    /** True when the writer may not write some of its figures (a region outside their scope), not that they are wrong. */
    readonly forbidden = false,
  ) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  }
}

const CHUNK = 4000

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** True when the record holds no region and no metric: a first start. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('regions').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  const metrics = await db.selectFrom('metrics').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  return row.n === 0 && metrics.n === 0
}

/** The record's revision: raised by every write, so a reader can tell its copy is current (the package's ETag). */
export async function revision(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'revision').executeTakeFirst()
  return row ? Number(row.value) : 0
}

export async function bumpRevision(db: Kysely<Database>): Promise<void> {
  await sql`INSERT INTO settings (key, value) VALUES ('revision', '1')
    ON CONFLICT (key) DO UPDATE SET value = (settings.value::bigint + 1)::text`.execute(db)
}

/** The record as a dataset: catalogue tables in the order they came, active figures in the order they were written. */
export async function readDataset(db: Kysely<Database>): Promise<Dataset> {
  const [regions, metrics, sources, reports, observations] = await Promise.all([
    db.selectFrom('regions').selectAll().orderBy('seq').execute(),
    db.selectFrom('metrics').selectAll().orderBy('seq').execute(),
    db.selectFrom('sources').selectAll().orderBy('seq').execute(),
    db.selectFrom('reports').select(['source_id', 'text']).execute(),
    db
      .selectFrom('observations')
      .select(['metric', 'region', 'period', 'value', 'qualifier', 'source', 'quote'])
      .where('status', '=', 'active')
      .orderBy('id')
      .execute(),
  ])
  return {
    regions: regions.map(toRegion),
    metrics: metrics.map(toMetric),
    sources: sources.map(toSource),
    reports: Object.fromEntries(reports.map((r) => [r.source_id, r.text])),
    observations: observations.map(toObservation),
  }
}

/** What the record knows, for checking a batch inside the transaction that writes it. */
async function catalogue(db: Kysely<Database>, batch: BatchInput): Promise<Catalogue> {
  const [regions, metrics, sources] = await Promise.all([
    db.selectFrom('regions').select('code').execute(),
    db.selectFrom('metrics').select('id').execute(),
    db.selectFrom('sources').select('id').execute(),
  ])
  const cited = [...new Set([...batch.observations.map((o) => o.source), ...Object.keys(batch.reports)])]
  const reports = cited.length ? await db.selectFrom('reports').select(['source_id', 'text']).where('source_id', 'in', cited).execute() : []
  const texts = new Map(reports.map((r) => [r.source_id, r.text]))
  return {
    regions: new Set(regions.map((r) => r.code)),
    metrics: new Set(metrics.map((m) => m.id)),
    sources: new Set(sources.map((s) => s.id)),
    reportOf: (id) => texts.get(id),
  }
}

/** Batch details kept with its figures. */
export interface BatchMeta {
  kind: BatchKind
  name: string
  fileName?: string
  /** SHA-256 of the uploaded file, when there was one. */
  sha256?: string
}

/**
 * Checks a batch against the record and writes it in one transaction: batch, new metrics, sources and report texts,
 * figures with their quotes' offsets, an audit entry. Throws `BatchRefused` (nothing written) on any problem.
 */
export function writeBatch(db: Db, actor: Actor, meta: BatchMeta, input: BatchInput): Promise<{ id: string; count: number }> {
  return db.kysely.transaction().execute((trx) => writeBatchIn(trx, actor, meta, input))
}

async function writeBatchIn(trx: Kysely<Database>, actor: Actor, meta: BatchMeta, input: BatchInput): Promise<{ id: string; count: number }> {
  const outside = await outsideScope(trx, actor, input)
  if (outside.length > 0) throw new BatchRefused(outside, true)
  const checked = checkBatch(input, await catalogue(trx, input))
  if (checked.problems.length > 0) throw new BatchRefused(checked.problems)
  const id = randomUUID()
  await trx
    .insertInto('batches')
    .values({ id, kind: meta.kind, name: meta.name, file_name: meta.fileName ?? '', sha256: meta.sha256 ?? '', row_count: input.observations.length, created_by: actor.id })
    .execute()
  if (checked.newMetrics.length) await trx.insertInto('metrics').values(checked.newMetrics.map(metricRow)).execute()
  await insertSources(trx, checked.newSources, input.reports, id, meta)
  await insertObservations(trx, input, checked.offsets, id, actor)
  await trx
    .insertInto('audit')
    .values({ user_id: actor.id, username: actor.username, action: meta.kind, entity: 'batch', entity_id: id, after: JSON.stringify({ name: meta.name, count: input.observations.length, regions: regionsOf(input) }), batch_id: id })
    .execute()
  await bumpRevision(trx)
  return { id, count: input.observations.length }
}

/**
 * A whole package (a seed or a restore) keeps its report file names: it was validated as a whole. A writer's batch
 * does not name files: each report text gets its own path, derived from its source id, and a source without a text
 * names none, so an export never writes two texts to one file or names a file it lacks.
 */
/** The regions a batch's figures are of, for the audit trail's region filter. */
export const regionsOf = (input: { observations: readonly { region: string }[] }) => [...new Set(input.observations.map((o) => o.region))].sort()

/** The batch's figures the actor may not write: one whole file is refused for one such row, naming each. */
async function outsideScope(trx: Kysely<Database>, actor: Actor, input: BatchInput): Promise<BatchProblem[]> {
  if (actor.scope == null) return []
  const tree = await regionTree(trx)
  const name = (code: string) => tree.get(code)?.name ?? code
  const scope = actor.scope.map(name).join('、') || '—'
  const problems: BatchProblem[] = []
  input.observations.forEach((o, i) => {
    if (inScope(tree, actor.scope!, o.region)) return
    const params = { region: o.region, name: name(o.region), scope }
    problems.push({ path: `observations[${i}].region`, message: refusalText('outsideScope', params), code: 'outsideScope', params })
  })
  return problems
}

async function insertSources(trx: Kysely<Database>, sources: Source[], reports: Record<string, string>, batchId: string, meta: BatchMeta): Promise<void> {
  if (sources.length === 0) return
  const wholePackage = meta.kind === 'seed' || meta.kind === 'restore'
  const rows = sources.map((s) => {
    const file = wholePackage ? s.file : reports[s.id] !== undefined ? `reports/${sha256(s.id).slice(0, 16)}.txt` : ''
    return sourceRow({ ...s, file }, batchId)
  })
  await trx.insertInto('sources').values(rows).execute()
  const texts = sources.filter((s) => reports[s.id] !== undefined)
  if (texts.length) {
    await trx
      .insertInto('reports')
      .values(texts.map((s) => ({ source_id: s.id, text: reports[s.id], file_name: wholePackage ? (s.file.split('/').pop() ?? '') : (meta.fileName ?? ''), sha256: sha256(reports[s.id]) })))
      .execute()
  }
}

async function insertObservations(trx: Kysely<Database>, input: BatchInput, offsets: ([number, number] | null)[], batchId: string, actor: Actor): Promise<void> {
  const obs = input.observations
  for (let i = 0; i < obs.length; i += CHUNK) {
    const rows = obs.slice(i, i + CHUNK).map((o, j) => ({
      metric: o.metric,
      region: o.region,
      period: o.period,
      value: o.value,
      qualifier: o.qualifier,
      source: o.source,
      quote: o.quote,
      quote_start: offsets[i + j]?.[0] ?? null,
      quote_end: offsets[i + j]?.[1] ?? null,
      batch_id: batchId,
      created_by: actor.id,
    }))
    await trx.insertInto('observations').values(rows).execute()
  }
}

/**
 * Loads a whole package into an empty record (the first start's seed, or a restore), in one transaction. Refuses a
 * record that holds anything: loading never goes over existing data.
 */
export function loadDataset(db: Db, dataset: Dataset, kind: 'seed' | 'restore', name: string): Promise<{ id: string; count: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    if (!(await isEmpty(trx))) throw new Error('the record is not empty: nothing was loaded')
    const regions = parentsFirst(dataset.regions)
    for (let i = 0; i < regions.length; i += CHUNK) await trx.insertInto('regions').values(regions.slice(i, i + CHUNK).map(regionRow)).execute()
    const input: BatchInput = { kind: 'import', name, observations: dataset.observations, sources: dataset.sources, metrics: dataset.metrics, reports: dataset.reports }
    return writeBatchIn(trx, SYSTEM, { kind, name }, input)
  })
}

/** Regions ordered so that each comes after its parent, keeping file order otherwise. */
function parentsFirst(regions: Region[]): Region[] {
  const byCode = new Map(regions.map((r) => [r.code, r]))
  const depth = (r: Region): number => {
    let d = 0
    for (let p = r.parent; p && byCode.has(p) && d <= regions.length; p = byCode.get(p)!.parent) d++
    return d
  }
  return regions.map((r, i) => ({ r, i, d: depth(r) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.r)
}
