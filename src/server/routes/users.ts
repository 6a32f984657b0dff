import type { FastifyInstance } from 'fastify'
import { createToken, createUser, listTokens, listUsers, revokeToken } from '@/db/accounts'
import type { Role } from '@/db/schema'
import type { RouteContext } from '../app'
import { errorSchema, passwordSchema, usernameSchema, userSchema } from '../schemas'

/** Accounts (administrators create them) and each person's API tokens for the command line. */
export async function userRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  app.get('/api/users', { schema: { summary: 'Every account', response: { 200: { type: 'array', items: { ...userSchema, properties: { ...userSchema.properties, disabled: { type: 'boolean' }, createdAt: { type: 'string' } } } } } } }, async () =>
    listUsers(db.kysely),
  )

  app.post(
    '/api/users',
    {
      schema: {
        summary: 'Create an account',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['username', 'password', 'role'],
          properties: { username: usernameSchema, password: passwordSchema, role: { type: 'string', enum: ['viewer', 'editor', 'admin'] } },
        },
        response: { 201: userSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const { username, password, role } = request.body as { username: string; password: string; role: Role }
      try {
        return reply.code(201).send(await createUser(db.kysely, username, password, role))
      } catch (e) {
        if ((e as { code?: string }).code === '23505') return reply.code(409).send({ error: `an account named ${username} exists` })
        throw e
      }
    },
  )

  app.get(
    '/api/tokens',
    {
      schema: {
        summary: "The signed-in person's API tokens",
        response: { 200: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, createdAt: { type: 'string' }, usedAt: { type: ['string', 'null'] }, revoked: { type: 'boolean' } } } } },
      },
    },
    async (request) => listTokens(db.kysely, request.user!),
  )

  app.post(
    '/api/tokens',
    {
      schema: {
        summary: 'Create an API token for the command line; it is shown once',
        body: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 100 } } },
        response: { 201: { type: 'object', properties: { id: { type: 'integer' }, token: { type: 'string' } } } },
      },
    },
    async (request, reply) => reply.code(201).send(await createToken(db.kysely, request.user!, (request.body as { name: string }).name)),
  )

  app.delete(
    '/api/tokens/:id',
    { schema: { summary: 'Revoke one of your API tokens', params: { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } }, response: { 204: { type: 'null' }, 404: errorSchema } } },
    async (request, reply) => {
      const ok = await revokeToken(db.kysely, request.user!, (request.params as { id: number }).id)
      return ok ? reply.code(204).send() : reply.code(404).send({ error: 'no such token' })
    },
  )
}
