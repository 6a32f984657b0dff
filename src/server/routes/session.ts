import type { FastifyInstance, FastifyReply } from 'fastify'
import { checkPassword, claimSetup, endSession, startSession, type User } from '@/db/accounts'
import { SESSION_COOKIE, type RouteContext } from '../app'
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

/** Signing in and out, and creating the first administrator with the one-time link's token. */
export async function sessionRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  // A new session at each login: an old cookie (a fixed or stolen one) never becomes a signed-in session.
  async function signIn(reply: FastifyReply, user: User, secure: boolean) {
    const { secret, csrf } = await startSession(db.kysely, user)
    reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'strict', secure })
    return { user, csrfToken: csrf }
  }

  app.get('/api/session', { schema: { summary: 'Who is signed in, and the CSRF token for writes', response: { 200: sessionSchema } } }, async (request) => ({
    user: request.user,
    csrfToken: request.via === 'cookie' ? request.csrf : null,
  }))

  app.post(
    '/api/session',
    { schema: { summary: 'Sign in', body: credentials, response: { 200: sessionSchema, 401: errorSchema } } },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string }
      const user = await checkPassword(db.kysely, username, password)
      // One message for an unknown name and a wrong password: no one learns which accounts exist.
      if (!user) return reply.code(401).send({ error: 'wrong user name or password' })
      return signIn(reply, user, request.protocol === 'https')
    },
  )

  app.delete('/api/session', { schema: { summary: 'Sign out', response: { 204: { type: 'null' } } } }, async (request, reply) => {
    const secret = request.cookies[SESSION_COOKIE]
    if (secret) await endSession(db.kysely, secret)
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.code(204).send()
  })

  app.post(
    '/api/setup',
    {
      schema: {
        summary: 'Create the first administrator with the token of the link printed at first start',
        body: { type: 'object', additionalProperties: false, required: ['token', 'username', 'password'], properties: { token: { type: 'string', maxLength: 100 }, username: usernameSchema, password: passwordSchema } },
        response: { 200: sessionSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      const { token, username, password } = request.body as { token: string; username: string; password: string }
      const user = await claimSetup(db.kysely, token, username, password)
      if (!user) return reply.code(403).send({ error: 'this setup link is spent or wrong' })
      return signIn(reply, user, request.protocol === 'https')
    },
  )
}
