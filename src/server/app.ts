import { existsSync } from 'node:fs'
import { join } from 'node:path'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Db } from '@/db/connect'
import { findSession, findToken, newSecret, type User } from '@/db/accounts'
import { recordEvent } from '@/db/audit'
import type { RefusalCode } from '@/domain/refusal'
import { allows, PERMISSIONS } from './permissions'
import { refusal } from './refusal'
import { revisionCache, type RevisionCache } from './revision'
import { auditRoutes } from './routes/audit'
import { batchRoutes } from './routes/batches'
import { healthRoutes } from './routes/health'
import { observationRoutes } from './routes/observations'
import { packageRoutes } from './routes/package'
import { sessionRoutes } from './routes/session'
import { userRoutes } from './routes/users'

/** How the server runs; every field but `db` has a default. */
export interface ServerOptions {
  db: Db
  /** The built app to serve (dist/); none in API-only tests. */
  dist?: string | null
  /** READ_REQUIRES_LOGIN: reading the record needs a signed-in account too. */
  readRequiresLogin?: boolean
  /** A session ends after this many minutes without a request. */
  idleMinutes?: number
  /** A session ends this many hours after signing in, however busy. */
  maxSessionHours?: number
  /** TRUST_PROXY: behind an HTTPS proxy, so cookies are Secure and the client address comes from it. */
  trustProxy?: boolean
  /**
   * The key that signs session cookies (SESSION_SECRET, or DATA_DIR/session.key made at first start). A cookie not
   * signed with it is ignored before the record is asked; changing it ends every session. Random when not given.
   */
  sessionKey?: string
  logger?: boolean
  /** Pages that may show the dashboard in a frame (`embed=1`), checked by `readFrameAncestors`; none by default. */
  frameAncestors?: readonly string[]
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, by session cookie or API token. */
    user: User | null
    /** How the user was recognised: a cookie needs the CSRF token on writes, an API token does not. */
    via: 'cookie' | 'token' | null
    csrf: string | null
    /** The API token's id, when the request came with one. */
    tokenId: number | null
    /** The session's secret from its signed cookie, when the signature holds. */
    sessionSecret: string | null
  }
}

/** The cookie holding the session's secret. */
export const SESSION_COOKIE = 'hz_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** What an account whose password was reset may still do. */
const PASSWORD_CHANGE_ROUTES = new Set(['GET /api/session', 'DELETE /api/session', 'POST /api/password', 'GET /api/health'])
/** The largest request body in general; a batch of figures may be larger (its route says how much). */
const BODY_LIMIT = 1 << 20

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'"

/** The Fastify app: the JSON API under /api and, given `dist`, the built dashboard on the same origin. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options
  const frameAncestors = options.frameAncestors?.length ? options.frameAncestors.join(' ') : "'none'"
  const settings = { readRequiresLogin: options.readRequiresLogin ?? false, idleMinutes: options.idleMinutes ?? 120, maxSessionHours: options.maxSessionHours ?? 12 }
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // Unknown fields are refused, not silently dropped.
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
  })
  // A route missing from PERMISSIONS would be closed anyway; refusing to register it makes the omission loud.
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && PERMISSIONS[`${method} ${route.url}`] === undefined) throw new Error(`${method} ${route.url} has no entry in PERMISSIONS`)
    }
  })
  app.decorateRequest('user', null)
  app.decorateRequest('via', null)
  app.decorateRequest('csrf', null)
  app.decorateRequest('tokenId', null)
  app.decorateRequest('sessionSecret', null)

  await app.register(cookie, { secret: options.sessionKey ?? newSecret() })
  // Per address, on the routes that ask for it (signing in): the eleventh attempt within a minute is refused.
  await app.register(rateLimit, { global: false })
  await app.register(swagger, {
    openapi: {
      info: { title: '菏泽社会治理指标看板 API', version: '1' },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  })

  app.addHook('onRequest', async (request, reply) => {
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (bearer) {
      const found = await findToken(db.kysely, bearer)
      if (!found) {
        await recordEvent(db.kysely, null, { action: 'token_refused', entity: 'token', reason: `${request.method} ${request.url}` })
        return reply.code(401).send(refusal('tokenRefused'))
      }
      Object.assign(request, { user: found.user, via: 'token', tokenId: found.tokenId })
      return
    }
    const cookie = request.cookies[SESSION_COOKIE]
    if (!cookie) return
    // A cookie the server did not sign (forged, or from before the key changed) is no session: the record is not asked.
    const signed = request.unsignCookie(cookie)
    if (!signed.valid || !signed.value) return
    const session = await findSession(db.kysely, signed.value, settings.idleMinutes, settings.maxSessionHours)
    if (session) Object.assign(request, { user: session.user, csrf: session.csrf, via: 'cookie', sessionSecret: signed.value })
  })

  // The server refuses by default: a route answers only to whom PERMISSIONS names, and a cookie write needs its CSRF
  // token. A refused write is on record. Checked before the body is read, so a stranger cannot make it parse 64 MiB.
  app.addHook('onRequest', async (request, reply) => {
    // No route matched: the not-found handler answers 404 and does nothing else.
    if (request.routeOptions.url === undefined) return
    const route = `${request.method === 'HEAD' ? 'GET' : request.method} ${request.routeOptions.url}`
    const access = PERMISSIONS[route]
    const refuse = async (status: number, code: RefusalCode) => {
      const body = refusal(code)
      if (!SAFE_METHODS.has(request.method)) await recordEvent(db.kysely, request.user, { action: 'refused', entity: 'request', entityId: route, reason: `${status} ${body.error}`, after: { code } })
      return reply.code(status).send(body)
    }
    if (!allows(access, request.user?.role ?? null, settings.readRequiresLogin)) {
      const anonymous = request.user === null && access !== undefined
      return refuse(anonymous ? 401 : 403, anonymous ? 'loginRequired' : 'notAllowed')
    }
    if (!SAFE_METHODS.has(request.method) && request.via === 'cookie' && request.headers['x-csrf-token'] !== request.csrf) {
      return refuse(403, 'csrf')
    }
    // Only the API waits for the new password: the page and its lazily loaded parts (the change form among them) must load.
    const api = request.routeOptions.url.startsWith('/api/')
    if (api && request.user?.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(route)) return refuse(403, 'changePasswordFirst')
    if (request.via === 'token' && !SAFE_METHODS.has(request.method)) {
      await recordEvent(db.kysely, request.user, { action: 'token_use', entity: 'token', entityId: String(request.tokenId), reason: route })
    }
  })

  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('Referrer-Policy', 'no-referrer')
    // X-Frame-Options cannot name other origins: it is sent only when no page may frame the dashboard, and browsers
    // that know CSP follow frame-ancestors anyway.
    if (frameAncestors === "'none'") reply.header('X-Frame-Options', 'DENY')
    reply.header('Content-Security-Policy', `${CSP}; frame-ancestors ${frameAncestors}`)
  })

  // Errors answer with a plain message; a 500 says nothing of the server's insides.
  app.setErrorHandler((error: { statusCode?: number; message: string; validation?: unknown }, request, reply) => {
    const status = error.statusCode ?? 500
    if (status >= 500) {
      request.log.error(error)
      return reply.code(500).send(refusal('internal'))
    }
    if (status === 429) return reply.code(429).send(refusal('tooMany'))
    return reply.code(status).send({ error: error.message })
  })

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  const context: RouteContext = { db, settings, revisions: revisionCache(app, db) }
  await app.register(healthRoutes, context)
  await app.register(sessionRoutes, context)
  await app.register(packageRoutes, context)
  await app.register(observationRoutes, context)
  await app.register(batchRoutes, context)
  await app.register(userRoutes, context)
  await app.register(auditRoutes, context)

  if (options.dist && existsSync(join(options.dist, 'index.html'))) {
    // The app's own files; the data package it ships stays behind the read permission.
    await app.register(fastifyStatic, { root: options.dist, prefix: '/', allowedPath: (path) => !path.startsWith('/data/') })
    await app.register(fastifyStatic, { root: join(options.dist, 'data'), prefix: '/data/', decorateReply: false })
  }
  return app
}

/** What each route plugin is given: the record and the settings. */
export interface RouteContext {
  db: Db
  revisions: RevisionCache
  settings: { readRequiresLogin: boolean; idleMinutes: number; maxSessionHours: number }
}
