import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { toCsvText } from '@/data/import/writeCsv'
import { regionTree } from '@/db/record'
import type { RouteContext } from '../app'

interface AuditQuery {
  user?: string
  action?: string
  region?: string
  from?: string
  to?: string
  format?: 'json' | 'csv'
  limit?: number
}

const COLUMNS = ['id', 'at', 'username', 'action', 'entity', 'entity_id', 'region', 'before', 'after', 'batch_id', 'reason'] as const

/** 操作记录: the history of every write, login and refusal, filtered by person, region, action and time. */
export async function auditRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  app.get(
    '/api/audit',
    {
      schema: {
        summary: 'The audit trail, newest first: by person, region (the figure changed or the batch’s figures, the region’s towns included), action and time; as JSON or CSV',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            user: { type: 'string', maxLength: 100 },
            action: { type: 'string', maxLength: 40 },
            region: { type: 'string', maxLength: 20 },
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
            format: { type: 'string', enum: ['json', 'csv'] },
            limit: { type: 'integer', minimum: 1, maximum: 100_000 },
          },
        },
      },
    },
    async (request, reply) => {
      const q = request.query as AuditQuery
      const region = sql<string>`coalesce(after->>'region', before->>'region', '')`
      let query = db.kysely.selectFrom('audit').select(['id', 'at', 'username', 'action', 'entity', 'entity_id', region.as('region'), 'before', 'after', 'batch_id', 'reason'])
      if (q.user) query = query.where('username', '=', q.user)
      if (q.action) query = query.where('action', '=', q.action)
      if (q.region) {
        // A county includes its towns: an entry counts when its figure's region, or one of its batch's regions, lies there.
        const tree = await regionTree(db.kysely)
        const within = [q.region, ...tree.all().filter((r) => tree.isAncestor(q.region!, r.code)).map((r) => r.code)]
        const listed = sql.join(within)
        query = query.where((eb) =>
          eb.or([eb(region, 'in', within), sql<boolean>`exists (select 1 from jsonb_array_elements_text(case when jsonb_typeof(after->'regions') = 'array' then after->'regions' else '[]'::jsonb end) as r(code) where r.code in (${listed}))`]),
        )
      }
      if (q.from) query = query.where('at', '>=', new Date(q.from))
      if (q.to) query = query.where('at', '<=', new Date(q.to))
      const rows = (await query.orderBy('id', 'desc').limit(q.limit ?? 1000).execute()).map((r) => ({
        ...r,
        id: String(r.id),
        at: r.at.toISOString(),
        before: r.before === null ? '' : JSON.stringify(r.before),
        after: r.after === null ? '' : JSON.stringify(r.after),
        batch_id: r.batch_id ?? '',
      }))
      if (q.format !== 'csv') return rows
      // A spreadsheet must not run a cell: text starting with = + - @ gets a leading apostrophe.
      const safe = rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, /^[=+\-@]/.test(r[c]) ? `'${r[c]}` : r[c]])))
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="audit.csv"')
        .send('\uFEFF' + toCsvText(COLUMNS, safe))
    },
  )
}
