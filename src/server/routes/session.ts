import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { changePassword, checkPassword, claimSetup, endSession, startSession, type User } from '@/db/accounts'
import { recordEvent } from '@/db/audit'
import { SESSION_COOKIE, type RouteContext } from '../app'
import { passwordProblem } from '../passwords'
import { refusal } from '../refusal'
import { errorSchema, passwordSchema, usernameSchema, userSchema } from '../schemas'

const sessionSchema = {
  type: 'object',
  properties: { user: { anyOf: [userSchema, { type: 'null' }] }, csrfToken: { type: ['string', 'null'] } },
} as const

const credentials = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'password'],
  properties: { username: { type: 'string', maxLength: 100 }, password: { type: 'string', maxLength: 200 } },
} as const

/** Sign-in attempts one address may make in a minute. */
const ATTEMPTS_PER_MINUTE = 10

/** Signing in and out, changing one's password, and creating the first administrator with the one-time link's token. */
export async function sessionRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  // A new session at each login: an old cookie (a fixed or stolen one) never becomes a signed-in session.
  async function signIn(request: FastifyRequest, reply: FastifyReply, user: User) {
    const { secret, csrf } = await startSession(db.kysely, user)
    reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', signed: true })
    await recordEvent(db.kysely, user, { action: 'login', entity: 'session', reason: request.ip })
    return { user, csrfToken: csrf }
  }

  app.get('/api/session', { schema: { summary: 'Who is signed in, and the CSRF token for writes', response: { 200: sessionSchema } } }, async (request) => ({
    user: request.user,
    csrfToken: request.via === 'cookie' ? request.csrf : null,
  }))

  app.post(
    '/api/session',
    {
      config: {
        rateLimit: {
          max: ATTEMPTS_PER_MINUTE,
          timeWindow: 60_000,
          onExceeded: (request: FastifyRequest) =>
            void recordEvent(db.kysely, null, { action: 'login_throttled', entity: 'session', reason: request.ip }).catch((e) => request.log.error(e)),
        },
      },
      schema: { summary: 'Sign in', body: credentials, response: { 200: sessionSchema, 401: errorSchema } },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string }
      const result = await checkPassword(db.kysely, username, password)
      if (result.ok) return signIn(request, reply, result.user)
      await recordEvent(db.kysely, { id: null, username }, { action: `login_${result.reason === 'wrong' ? 'failed' : result.reason}`, entity: 'session', reason: request.ip })
      // One message for an unknown name, a wrong password, a locked or disabled account: no one learns which accounts exist.
      return reply.code(401).send(refusal('badLogin'))
    },
  )

  app.delete('/api/session', { schema: { summary: 'Sign out', response: { 204: { type: 'null' } } } }, async (request, reply) => {
    if (request.sessionSecret) await endSession(db.kysely, request.sessionSecret)
    await recordEvent(db.kysely, request.user, { action: 'logout', entity: 'session' })
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.code(204).send()
  })

  app.post(
    '/api/password',
    {
      schema: {
        summary: "Change one's own password (required after an administrator reset it)",
        body: { type: 'object', additionalProperties: false, required: ['current', 'password'], properties: { current: { type: 'string', maxLength: 200 }, password: passwordSchema } },
        response: { 204: { type: 'null' }, 400: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      const user = request.user!
      const { current, password } = request.body as { current: string; password: string }
      const check = await checkPassword(db.kysely, user.username, current)
      if (!check.ok) return reply.code(403).send(refusal('wrongCurrentPassword'))
      const problem = passwordProblem(password, user.username)
      if (problem) return reply.code(400).send(refusal(problem))
      await changePassword(db.kysely, user, password, request.via === 'cookie' ? request.sessionSecret : null)
      await recordEvent(db.kysely, user, { action: 'password_change', entity: 'user', entityId: String(user.id) })
      return reply.code(204).send()
    },
  )

  app.post(
    '/api/setup',
    {
      config: { rateLimit: { max: ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        summary: 'Create the first administrator with the token of the link printed at first start',
        body: { type: 'object', additionalProperties: false, required: ['token', 'username', 'password'], properties: { token: { type: 'string', maxLength: 100 }, username: usernameSchema, password: passwordSchema } },
        response: { 200: sessionSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      const { token, username, password } = request.body as { token: string; username: string; password: string }
      const problem = passwordProblem(password, username)
      if (problem) return reply.code(400).send(refusal(problem))
      const user = await claimSetup(db.kysely, token, username, password)
      if (!user) {
        await recordEvent(db.kysely, { id: null, username }, { action: 'refused', entity: 'setup', reason: `setup link spent or wrong (${request.ip})` })
        return reply.code(403).send(refusal('setupSpent'))
      }
      await recordEvent(db.kysely, user, { action: 'user_create', entity: 'user', entityId: String(user.id), after: { username, role: 'admin' }, reason: 'setup link' })
      return signIn(request, reply, user)
    },
  )
}
