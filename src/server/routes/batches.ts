import type { FastifyInstance } from 'fastify'
import type { BatchInput } from '@/domain/batchCheck'
import type { Metric, Observation, Source } from '@/domain/types'
import { recordEvent } from '@/db/audit'
import { actorOf, BatchRefused, regionsOf, writeBatch } from '@/db/record'
import type { RouteContext } from '../app'
import { refusal } from '../refusal'
import { batchSchema, errorSchema } from '../schemas'

/** A batch of figures may be this large (200 000 figures with their quotes); every other body stays under 1 MiB. */
const BATCH_BODY_LIMIT = 64 << 20

/** Some fields may be left out of the body; they then take their empty value. */
type Loose<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>
interface BatchBody {
  kind: BatchInput['kind']
  name: string
  fileName?: string
  sha256?: string
  observations: Loose<Observation, 'quote'>[]
  sources?: Loose<Source, 'publication' | 'author' | 'file' | 'url' | 'note'>[]
  metrics?: Loose<Metric, 'definition' | 'aliases' | 'target'>[]
  reports?: Record<string, string>
}

/** Writing an imported file or a reviewed report as one batch, and listing the batches. */
export async function batchRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  app.post(
    '/api/batches',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      schema: {
        summary: 'Add an imported file or a reviewed report: all its figures or none',
        body: batchSchema,
        response: { 201: { type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer' } } }, 400: errorSchema, 403: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const body = request.body as BatchBody
      const metrics = (body.metrics ?? []).map((m) => ({ definition: '', aliases: [], target: null, ...m }))
      const sources = (body.sources ?? []).map((s) => ({ publication: '', author: '', file: '', url: '', note: '', ...s }))
      const input: BatchInput = { kind: body.kind, name: body.name, observations: body.observations.map((o) => ({ quote: '', ...o })), sources, metrics, reports: body.reports ?? {} }
      try {
        const result = await writeBatch(db, actorOf(request.user!), { kind: body.kind, name: body.name, fileName: body.fileName, sha256: body.sha256 }, input)
        return reply.code(201).send(result)
      } catch (e) {
        if (e instanceof BatchRefused) {
          const reason = `${e.forbidden ? 'outside the writer’s regions' : 'invalid'}: ${e.problems.length} problem(s), first ${e.problems[0].path}: ${e.problems[0].message}`
          // The first problem is kept with its code, so the audit view says it in the reader's language.
          const { path, code, params } = e.problems[0]
          await recordEvent(db.kysely, request.user, { action: 'refused', entity: 'batch', entityId: 'POST /api/batches', after: { name: body.name, rows: body.observations.length, regions: regionsOf(body), problem: { path, code, params } }, reason })
          return reply.code(e.forbidden ? 403 : 400).send({ ...refusal('batchRefused', { n: e.problems.length }), problems: e.problems.slice(0, 1000) })
        }
        const duplicate = uniqueViolation(e)
        if (duplicate) return reply.code(409).send(refusal('duplicateFigure', { key: duplicate }))
        throw e
      }
    },
  )

  app.get(
    '/api/batches',
    {
      schema: {
        summary: 'The batches in the record, newest first, with who added them',
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' }, count: { type: 'integer' }, username: { type: 'string' }, createdAt: { type: 'string' } },
            },
          },
        },
      },
    },
    async () => {
      const rows = await db.kysely
        .selectFrom('batches as b')
        .leftJoin('users as u', 'u.id', 'b.created_by')
        .select(['b.id', 'b.kind', 'b.name', 'b.row_count', 'b.created_at', 'u.username'])
        .orderBy('b.created_at', 'desc')
        .limit(1000)
        .execute()
      return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, count: r.row_count, username: r.username ?? 'system', createdAt: r.created_at.toISOString() }))
    },
  )
}

/** The key PostgreSQL names when a figure already stands for the same metric, region, period and source. */
function uniqueViolation(e: unknown): string | null {
  const error = e as { code?: string; detail?: string }
  if (error?.code !== '23505') return null
  return /\(metric, region, period, source\)=\(([^)]*)\)/.exec(error.detail ?? '')?.[1] ?? 'the same metric, region, period and source'
}
