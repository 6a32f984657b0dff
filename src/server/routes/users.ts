import type { FastifyInstance } from 'fastify'
import { createToken, createUser, listTokens, listUsers, revokeToken, updateUser, type UserChange } from '@/db/accounts'
import { recordEvent } from '@/db/audit'
import type { Role } from '@/db/schema'
import type { RouteContext } from '../app'
import { refusal } from '../refusal'
import { passwordProblem } from '../passwords'
import { errorSchema, passwordSchema, regionsSchema, usernameSchema, userSchema } from '../schemas'

const role = { type: 'string', enum: ['viewer', 'editor', 'admin'] } as const
const listedUser = { ...userSchema, properties: { ...userSchema.properties, disabled: { type: 'boolean' }, createdAt: { type: 'string' } } } as const

/** PostgreSQL's codes for a unique key taken and a region code that is not in the record. */
const dbError = (e: unknown) => (e as { code?: string }).code

/** Accounts (administrators manage them) and each person's API tokens for the command line. */
export async function userRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  app.get('/api/users', { schema: { summary: 'Every account, with its role and regions', response: { 200: { type: 'array', items: listedUser } } } }, async () => listUsers(db.kysely))

  app.post(
    '/api/users',
    {
      schema: {
        summary: 'Create an account; an editor writes figures of its regions and those below them',
        body: { type: 'object', additionalProperties: false, required: ['username', 'password', 'role'], properties: { username: usernameSchema, password: passwordSchema, role, regions: regionsSchema } },
        response: { 201: userSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const { username, password, role: r, regions = [] } = request.body as { username: string; password: string; role: Role; regions?: string[] }
      const problem = passwordProblem(password, username)
      if (problem) return reply.code(400).send(refusal(problem))
      try {
        const user = await createUser(db.kysely, username, password, r, regions)
        await recordEvent(db.kysely, request.user, { action: 'user_create', entity: 'user', entityId: String(user.id), after: { username, role: r, regions } })
        return reply.code(201).send(user)
      } catch (e) {
        if (dbError(e) === '23505') return reply.code(409).send(refusal('accountExists', { username }))
        if (dbError(e) === '23503') return reply.code(400).send(refusal('unknownRegionCode'))
        throw e
      }
    },
  )

  app.patch(
    '/api/users/:id',
    {
      schema: {
        summary: "Change an account's role or regions, disable it, or reset its password (to be changed at the next login); its sessions end",
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } },
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { role, regions: regionsSchema, disabled: { type: 'boolean' }, password: passwordSchema } },
        response: { 200: listedUser, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const id = (request.params as { id: number }).id
      const change = request.body as UserChange
      if (id === request.user!.id && (change.disabled || (change.role && change.role !== 'admin'))) {
        return reply.code(400).send(refusal('selfDemote'))
      }
      const problem = change.password === undefined ? null : passwordProblem(change.password, '')
      if (problem) return reply.code(400).send(refusal(problem))
      try {
        const result = await updateUser(db.kysely, id, change)
        if (!result) return reply.code(404).send(refusal('noSuchAccount'))
        // The history says a password was reset, never what it is.
        const said = { ...change, password: change.password === undefined ? undefined : '(reset)' }
        const summary = (u: typeof result.before) => ({ role: u.role, regions: u.regions, disabled: u.disabled })
        await recordEvent(db.kysely, request.user, {
          action: change.password !== undefined ? 'password_reset' : 'user_update',
          entity: 'user',
          entityId: String(id),
          before: summary(result.before),
          after: { ...summary(result.after), ...said },
        })
        return result.after
      } catch (e) {
        if (dbError(e) === '23503') return reply.code(400).send(refusal('unknownRegionCode'))
        throw e
      }
    },
  )

  const tokenList = { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, username: { type: 'string' }, createdAt: { type: 'string' }, usedAt: { type: ['string', 'null'] }, revoked: { type: 'boolean' } } } } as const
  app.get('/api/tokens', { schema: { summary: "The signed-in person's API tokens", response: { 200: tokenList } } }, async (request) => listTokens(db.kysely, request.user!))
  app.get('/api/tokens/all', { schema: { summary: "Every account's API tokens, with their owners (administrators)", response: { 200: tokenList } } }, async () => listTokens(db.kysely, null))

  app.post(
    '/api/tokens',
    {
      schema: {
        summary: 'Create an API token for the command line; it is shown once',
        body: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 100 } } },
        response: { 201: { type: 'object', properties: { id: { type: 'integer' }, token: { type: 'string' } } } },
      },
    },
    async (request, reply) => {
      const created = await createToken(db.kysely, request.user!, (request.body as { name: string }).name)
      await recordEvent(db.kysely, request.user, { action: 'token_create', entity: 'token', entityId: String(created.id) })
      return reply.code(201).send(created)
    },
  )

  app.delete(
    '/api/tokens/:id',
    { schema: { summary: 'Revoke one of your API tokens; an administrator revokes anyone’s', params: { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } }, response: { 204: { type: 'null' }, 404: errorSchema } } },
    async (request, reply) => {
      const id = (request.params as { id: number }).id
      const owner = await revokeToken(db.kysely, request.user!.role === 'admin' ? null : request.user!, id)
      if (owner === null) return reply.code(404).send(refusal('noSuchToken'))
      await recordEvent(db.kysely, request.user, { action: 'token_revoke', entity: 'token', entityId: String(id), before: { owner } })
      return reply.code(204).send()
    },
  )
}
