import type { FastifyInstance } from 'fastify'
import { revision } from '@/db/record'
import type { RouteContext } from '../app'

/** GET /api/health: the app asks it at start to learn whether it runs against a shared record. */
export async function healthRoutes(app: FastifyInstance, { db, settings }: RouteContext): Promise<void> {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Whether the server and its record are up',
        response: {
          200: {
            type: 'object',
            properties: { ok: { type: 'boolean' }, engine: { type: 'string' }, revision: { type: 'integer' }, readRequiresLogin: { type: 'boolean' } },
          },
        },
      },
    },
    async () => ({ ok: true, engine: db.engine, revision: await revision(db.kysely), readRequiresLogin: settings.readRequiresLogin }),
  )
}
