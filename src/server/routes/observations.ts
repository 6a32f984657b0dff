import type { FastifyInstance } from 'fastify'
import { recordEvent } from '@/db/audit'
import { ChangeForbidden, ChangeRefused, correctObservation, listObservations, observationHistory, VersionConflict, withdrawObservation, type Correction, type ObservationQuery } from '@/db/observations'
import { actorOf } from '@/db/record'
import type { RouteContext } from '../app'
import { AnswerCache } from '../revision'
import { refusal } from '../refusal'
import { errorSchema, storedObservationSchema } from '../schemas'

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9]{1,18}$' } } } as const
const reason = { type: 'string', minLength: 1, maxLength: 1000 } as const

const historySchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      at: { type: 'string' },
      username: { type: 'string' },
      action: { type: 'string' },
      reason: { type: 'string' },
      before: { type: ['object', 'null'], additionalProperties: true },
      after: { type: ['object', 'null'], additionalProperties: true },
      batch: { type: ['object', 'null'], additionalProperties: true },
    },
  },
} as const

/** Reading figures, one figure's history, correcting and withdrawing a figure. */
export async function observationRoutes(app: FastifyInstance, { db, revisions }: RouteContext): Promise<void> {
  // A series is asked for by many readers at once: its answer is kept until the record changes.
  const answers = new AnswerCache()
  app.get(
    '/api/observations',
    {
      schema: {
        summary: 'Figures by metric, region and period range (a series: metric and region)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            metric: { type: 'string', maxLength: 100 },
            region: { type: 'string', maxLength: 20 },
            from: { type: 'string', maxLength: 40 },
            to: { type: 'string', maxLength: 40 },
            status: { type: 'string', enum: ['active', 'withdrawn', 'all'] },
            limit: { type: 'integer', minimum: 1, maximum: 10_000 },
          },
        },
        response: { 200: { type: 'array', items: storedObservationSchema } },
      },
    },
    async (request, reply) => {
      const rev = await revisions.current()
      let body = answers.get(request.url, rev)
      if (body === undefined) answers.set(request.url, rev, (body = JSON.stringify(await listObservations(db.kysely, request.query as ObservationQuery))))
      return reply.type('application/json; charset=utf-8').send(body)
    },
  )

  app.get(
    '/api/observations/:id/history',
    { schema: { summary: "A figure's history: its entry, corrections and withdrawal", params: idParams, response: { 200: historySchema, 404: errorSchema } } },
    async (request, reply) => {
      const history = await observationHistory(db.kysely, (request.params as { id: string }).id)
      return history ?? reply.code(404).send(refusal('noSuchFigure'))
    },
  )

  // A stale version answers 409 with the figure as it now stands; a refused change 400 naming the field.
  const answer = async (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply, change: () => Promise<unknown>) => {
    try {
      return (await change()) ?? reply.code(404).send(refusal('noSuchFigure'))
    } catch (e) {
      if (e instanceof ChangeForbidden) {
        await recordEvent(db.kysely, request.user, { action: 'refused', entity: 'observation', entityId: (request.params as { id: string }).id, reason: e.message, after: { code: e.code, params: e.params } })
        return reply.code(403).send(refusal(e.code, e.params))
      }
      if (e instanceof VersionConflict) return reply.code(409).send({ error: e.message, code: 'versionConflict', current: e.current })
      if (e instanceof ChangeRefused) return reply.code(400).send({ ...refusal(e.code, e.params), error: `${e.path}: ${e.message}`, problems: [{ path: e.path, message: e.message, code: e.code, params: e.params }] })
      throw e
    }
  }

  app.patch(
    '/api/observations/:id',
    {
      schema: {
        summary: 'Correct a figure (value, qualifier, period or quote), naming the version seen and a reason',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['reason', 'version'],
          properties: {
            value: { type: 'number' },
            qualifier: { type: 'string', enum: ['=', '>=', '~', '<='] },
            period: { type: 'string', maxLength: 40 },
            quote: { type: 'string', maxLength: 2000 },
            reason,
            version: { type: 'integer', minimum: 1 },
          },
        },
        response: { 200: storedObservationSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    (request, reply) => answer(request, reply, () => correctObservation(db, actorOf(request.user!), (request.params as { id: string }).id, request.body as Correction)),
  )

  app.post(
    '/api/observations/:id/withdraw',
    {
      schema: {
        summary: 'Withdraw a figure: it leaves the charts and stays in the history',
        params: idParams,
        body: { type: 'object', additionalProperties: false, required: ['reason', 'version'], properties: { reason, version: { type: 'integer', minimum: 1 } } },
        response: { 200: storedObservationSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    (request, reply) => {
      const { reason: why, version } = request.body as { reason: string; version: number }
      return answer(request, reply, () => withdrawObservation(db, actorOf(request.user!), (request.params as { id: string }).id, why, version))
    },
  )
}
