import { sql } from 'kysely'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken, createUser, setupToken, startSession, type User } from '@/db/accounts'
import type { Db } from '@/db/connect'
import { listObservations } from '@/db/observations'
import { writeBatch } from '@/db/record'
import { buildServer, SESSION_COOKIE } from '@/server/app'
import { PERMISSIONS } from '@/server/permissions'
import { emptyRecord, ENGINES, seededRecord } from './record'

type Who = 'anonymous' | 'viewer' | 'editor' | 'editorShan' | 'admin'
/** Anonymous, a viewer, the editor of 鄄城县 (371726), the editor of 单县 (371722), an administrator. */
const WHO: Who[] = ['anonymous', 'viewer', 'editor', 'editorShan', 'admin']
const PASSWORDS: Record<Exclude<Who, 'anonymous'>, string> = {
  viewer: 'viewer-password-1',
  editor: 'editor-password-1',
  editorShan: 'editor-password-2',
  admin: 'root-passphrase-1',
}

interface Ctx {
  db: Db
  users: Record<Exclude<Who, 'anonymous'>, User>
  /** A figure of its own for one call that changes it. */
  freshFigure(): Promise<{ id: string; version: number }>
  /** An API token of `user`'s own, to revoke. */
  freshToken(user: User): Promise<number>
  /** An account of its own for one call that changes it. */
  freshUser(): Promise<User>
  passwordOf(user: User): string
  unique(): string
}

interface Row {
  route: string
  request: (ctx: Ctx, user: User | null) => Promise<InjectOptions> | InjectOptions
  /** Expected status for anonymous, viewer, editor of 鄄城县, editor of 单县, administrator. */
  expect: [number, number, number, number, number]
}

const observation = (period: string) => ({ metric: 'activities', region: '371726', period, value: 3, qualifier: '=', source: 'r1', quote: '500余次' })

/** Who may call each route: one row a route, the status each kind of caller gets. */
const TABLE: Row[] = [
  { route: 'GET /api/health', request: () => ({ method: 'GET', url: '/api/health' }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /api/openapi.json', request: () => ({ method: 'GET', url: '/api/openapi.json' }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /api/session', request: () => ({ method: 'GET', url: '/api/session' }), expect: [200, 200, 200, 200, 200] },
  { route: 'POST /api/session', request: () => ({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: 'wrong-password' } }), expect: [401, 401, 401, 401, 401] },
  { route: 'DELETE /api/session', request: () => ({ method: 'DELETE', url: '/api/session' }), expect: [401, 204, 204, 204, 204] },
  { route: 'POST /api/setup', request: () => ({ method: 'POST', url: '/api/setup', payload: { token: 'guessed', username: 'mallory', password: 'long-enough-password' } }), expect: [403, 403, 403, 403, 403] },
  { route: 'GET /api/package/*', request: () => ({ method: 'GET', url: '/api/package/observations.csv' }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /api/observations', request: () => ({ method: 'GET', url: '/api/observations?metric=coverage_rate&region=371700' }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET /api/observations/:id/history', request: async (ctx) => ({ method: 'GET', url: `/api/observations/${(await ctx.freshFigure()).id}/history` }), expect: [200, 200, 200, 200, 200] },
  {
    route: 'PATCH /api/observations/:id',
    request: async (ctx) => {
      const { id, version } = await ctx.freshFigure()
      return { method: 'PATCH', url: `/api/observations/${id}`, payload: { value: 4, reason: '复核', version } }
    },
    expect: [401, 403, 200, 403, 200],
  },
  {
    route: 'POST /api/observations/:id/withdraw',
    request: async (ctx) => {
      const { id, version } = await ctx.freshFigure()
      return { method: 'POST', url: `/api/observations/${id}/withdraw`, payload: { reason: '重复', version } }
    },
    expect: [401, 403, 200, 403, 200],
  },
  { route: 'GET /api/batches', request: () => ({ method: 'GET', url: '/api/batches' }), expect: [200, 200, 200, 200, 200] },
  {
    route: 'POST /api/batches',
    request: (ctx) => ({ method: 'POST', url: '/api/batches', payload: { kind: 'import', name: 'a.csv', observations: [observation(`20${ctx.unique().slice(-2)}`)] } }),
    expect: [401, 403, 201, 403, 201],
  },
  { route: 'GET /api/export', request: () => ({ method: 'GET', url: '/api/export' }), expect: [401, 403, 403, 403, 200] },
  { route: 'GET /api/users', request: () => ({ method: 'GET', url: '/api/users' }), expect: [401, 403, 403, 403, 200] },
  { route: 'POST /api/users', request: (ctx) => ({ method: 'POST', url: '/api/users', payload: { username: `u${ctx.unique()}`, password: 'long-enough-password', role: 'viewer' } }), expect: [401, 403, 403, 403, 201] },
  { route: 'GET /api/tokens', request: () => ({ method: 'GET', url: '/api/tokens' }), expect: [401, 200, 200, 200, 200] },
  { route: 'GET /api/tokens/all', request: () => ({ method: 'GET', url: '/api/tokens/all' }), expect: [401, 403, 403, 403, 200] },
  { route: 'POST /api/tokens', request: () => ({ method: 'POST', url: '/api/tokens', payload: { name: 'cli' } }), expect: [401, 201, 201, 201, 201] },
  {
    route: 'POST /api/password',
    request: (ctx, user) => ({ method: 'POST', url: '/api/password', payload: { current: user ? ctx.passwordOf(user) : 'x', password: user ? ctx.passwordOf(user) : 'long-enough-password' } }),
    expect: [401, 204, 204, 204, 204],
  },
  {
    route: 'PATCH /api/users/:id',
    request: async (ctx) => ({ method: 'PATCH', url: `/api/users/${(await ctx.freshUser()).id}`, payload: { role: 'editor', regions: ['371726'] } }),
    expect: [401, 403, 403, 403, 200],
  },
  { route: 'GET /api/audit', request: () => ({ method: 'GET', url: '/api/audit?action=login' }), expect: [401, 403, 403, 403, 200] },
  { route: 'DELETE /api/tokens/:id', request: async (ctx, user) => ({ method: 'DELETE', url: `/api/tokens/${await ctx.freshToken(user ?? ctx.users.viewer)}` }), expect: [401, 204, 204, 204, 204] },
]

/** What a refused write must leave as it was. */
async function fingerprint(db: Db) {
  const n = (table: 'users' | 'observations' | 'batches' | 'user_regions') => db.kysely.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  const tokens = await db.kysely.selectFrom('api_tokens').select(sql<number>`count(*)::int`.as('n')).where('revoked_at', 'is', null).executeTakeFirstOrThrow()
  const versions = await db.kysely.selectFrom('observations').select(sql<number>`sum(version)::int`.as('n')).executeTakeFirstOrThrow()
  const roles = await db.kysely.selectFrom('users').select(sql<string>`string_agg(role || disabled::text, ',' ORDER BY id)`.as('r')).executeTakeFirstOrThrow()
  return [await n('users'), await n('observations'), await n('batches'), await n('user_regions'), tokens.n, versions.n, roles.r]
}

/** The number of entries in the audit trail. */
async function auditCount(db: Db): Promise<number> {
  return (await db.kysely.selectFrom('audit').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n
}

describe.each(ENGINES)('the API on %s', (engine) => {
  let db: Db
  let app: FastifyInstance
  let ctx: Ctx
  let counter = 0

  beforeAll(async () => {
    db = await seededRecord(engine)
    app = await buildServer({ db })
    const users = {
      viewer: await createUser(db.kysely, 'viewer1', PASSWORDS.viewer, 'viewer'),
      editor: await createUser(db.kysely, 'clerk01', PASSWORDS.editor, 'editor', ['371726']),
      editorShan: await createUser(db.kysely, 'clerk02', PASSWORDS.editorShan, 'editor', ['371722']),
      admin: await createUser(db.kysely, 'admin', PASSWORDS.admin, 'admin'),
    }
    ctx = {
      db,
      users,
      unique: () => String(++counter).padStart(4, '0'),
      freshFigure: async () => {
        const period = `2023-${String((counter++ % 12) + 1).padStart(2, '0')}-${String((counter % 28) + 1).padStart(2, '0')}`
        await writeBatch(db, { id: users.admin.id, username: 'admin' }, { kind: 'import', name: 'fixture' }, { kind: 'import', name: 'fixture', observations: [observation(period) as never], sources: [], metrics: [], reports: {} })
        const [figure] = await listObservations(db.kysely, { metric: 'activities', region: '371726', from: period, to: period })
        return figure
      },
      freshToken: async (user) => (await createToken(db.kysely, user, 'to revoke')).id,
      freshUser: () => createUser(db.kysely, `u${ctx.unique()}`, 'long-enough-password', 'viewer'),
      passwordOf: (user) => PASSWORDS[(Object.keys(users) as (keyof typeof users)[]).find((k) => users[k].id === user.id)!],
    }
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  /** Sends `options` as `who`, signed in through a session of its own (with its CSRF token). */
  async function as(who: Who, options: InjectOptions) {
    if (who === 'anonymous') return app.inject(options)
    const { secret, csrf } = await startSession(db.kysely, ctx.users[who])
    return app.inject({ ...options, cookies: { [SESSION_COOKIE]: app.signCookie(secret) }, headers: { ...options.headers, 'x-csrf-token': csrf } })
  }

  it('has a row for every route the server opens', () => {
    const open = Object.keys(PERMISSIONS).filter((route) => !route.endsWith(' /*') && !route.startsWith('GET /data/'))
    expect(TABLE.map((r) => r.route).sort()).toEqual(open.sort())
  })

  describe.each(TABLE)('$route', (row) => {
    it.each(WHO.map((who, i) => [who, row.expect[i]] as const))('answers %s with %i; a refusal changes nothing, and a refused write is on record', async (who, status) => {
      const request = await row.request(ctx, who === 'anonymous' ? null : ctx.users[who])
      const before = await fingerprint(db)
      const audited = await auditCount(db)
      const response = await as(who, request)
      expect(response.statusCode, response.body).toBe(status)
      if (status < 400) return
      expect(await fingerprint(db)).toEqual(before)
      if (request.method !== 'GET') expect(await auditCount(db)).toBeGreaterThan(audited)
    })
  })

  it('refuses a cookie write without the session CSRF token', async () => {
    const { secret } = await startSession(db.kysely, ctx.users.admin)
    const before = await fingerprint(db)
    const response = await app.inject({ method: 'POST', url: '/api/users', cookies: { [SESSION_COOKIE]: app.signCookie(secret) }, payload: { username: 'csrf-victim', password: 'long-enough-password', role: 'admin' } })
    expect(response.statusCode).toBe(403)
    expect(await fingerprint(db)).toEqual(before)
    const entry = await db.kysely.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ action: 'refused', username: 'admin', entity_id: 'POST /api/users', after: { code: 'csrf' } })
  })

  it('takes only session cookies it signed itself: not the bare secret, not one signed with another key', async () => {
    const { secret } = await startSession(db.kysely, ctx.users.editor)
    const who = async (cookie: string) => (await app.inject({ method: 'GET', url: '/api/session', cookies: { [SESSION_COOKIE]: cookie } })).json().user?.username ?? null
    const other = await buildServer({ db, sessionKey: 'another-key-another-key-another-key' })
    try {
      expect(await who(secret)).toBeNull()
      expect(await who(other.signCookie(secret))).toBeNull()
      expect(await who(app.signCookie(secret))).toBe('clerk01')
    } finally {
      await other.close()
    }
  })

  it('signs in with a password, and the cookie is dead after signing out', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'clerk01', password: 'editor-password-1' } })
    expect(login.statusCode).toBe(200)
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
    const { csrfToken } = login.json()
    expect(login.json().user).toMatchObject({ username: 'clerk01', role: 'editor', regions: ['371726'] })
    const headers = { 'x-csrf-token': csrfToken }
    expect((await app.inject({ method: 'GET', url: '/api/session', cookies: { [SESSION_COOKIE]: cookie.value } })).json().user.username).toBe('clerk01')
    expect((await app.inject({ method: 'DELETE', url: '/api/session', cookies: { [SESSION_COOKIE]: cookie.value }, headers })).statusCode).toBe(204)
    const stolen = await app.inject({ method: 'POST', url: '/api/tokens', cookies: { [SESSION_COOKIE]: cookie.value }, headers, payload: { name: 'stolen' } })
    expect(stolen.statusCode).toBe(401)
    const entry = await db.kysely.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ action: 'refused', username: '', entity_id: 'POST /api/tokens', after: { code: 'loginRequired' } })
  })

  it('says the same for an unknown name and a wrong password', async () => {
    const unknown = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: 'editor-password-1' } })
    const wrong = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'clerk01', password: 'not-the-password' } })
    expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401])
    expect(unknown.json()).toEqual(wrong.json())
  })

  it('takes an API token instead of a session, until it is revoked', async () => {
    const { id, token } = await createToken(db.kysely, ctx.users.editor, 'cli')
    const headers = { authorization: `Bearer ${token}` }
    const write = () => app.inject({ method: 'POST', url: '/api/batches', headers, payload: { kind: 'import', name: 'cli.csv', observations: [observation(`19${ctx.unique().slice(-2)}`)] } })
    expect((await write()).statusCode).toBe(201)
    const { secret, csrf } = await startSession(db.kysely, ctx.users.editor)
    await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, cookies: { [SESSION_COOKIE]: app.signCookie(secret) }, headers: { 'x-csrf-token': csrf } })
    expect((await write()).statusCode).toBe(401)
    const entry = await db.kysely.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ action: 'token_refused', entity: 'token', reason: 'POST /api/batches' })
  })

  it('lets an administrator list and revoke anyone’s token, and nobody else', async () => {
    const { id, token } = await createToken(db.kysely, ctx.users.viewer, 'laptop')
    const bearer = { authorization: `Bearer ${token}` }
    const listed = (await as('admin', { method: 'GET', url: '/api/tokens/all' })).json() as { id: number; username: string; name: string }[]
    expect(listed.find((k) => k.id === id)).toMatchObject({ username: 'viewer1', name: 'laptop' })
    expect((await as('editor', { method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: '/api/tokens', headers: bearer })).statusCode).toBe(200)
    expect((await as('admin', { method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(204)
    expect((await app.inject({ method: 'GET', url: '/api/tokens', headers: bearer })).statusCode).toBe(401)
    const entry = await db.kysely.selectFrom('audit').selectAll().where('action', '=', 'token_revoke').where('entity_id', '=', String(id)).executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ username: 'admin', before: { owner: 'viewer1' } })
  })

  describe('attacks', () => {
    const lastAudit = async () => db.kysely.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()

    it('refuses a whole file from the editor of 单县 that carries one 鄄城县 row, naming the row, and records it', async () => {
      const before = await fingerprint(db)
      const rows = [{ ...observation('2018-01'), region: '371722' }, observation('2018-02')]
      const response = await as('editorShan', { method: 'POST', url: '/api/batches', payload: { kind: 'import', name: '单县.csv', observations: rows } })
      expect(response.statusCode).toBe(403)
      expect(response.json().problems).toEqual([
        { path: 'observations[1].region', message: '371726 鄄城县 is outside your regions (单县)', code: 'outsideScope', params: { region: '371726', name: '鄄城县', scope: '单县' } },
      ])
      expect(response.json()).toMatchObject({ code: 'batchRefused', params: { n: 1 } })
      expect(await fingerprint(db)).toEqual(before)
      expect(await lastAudit()).toMatchObject({ action: 'refused', username: 'clerk02', entity: 'batch' })
      const own = await as('editorShan', { method: 'POST', url: '/api/batches', payload: { kind: 'import', name: '单县.csv', observations: rows.slice(0, 1) } })
      expect(own.statusCode).toBe(201)
    })

    it('lets the editor of 鄄城县 write its towns too', async () => {
      await db.kysely.insertInto('regions').values({ code: '371726001', name: '古泉街道', level: 'town', parent: '371726', aliases: '' }).onConflict((oc) => oc.doNothing()).execute()
      const response = await as('editor', { method: 'POST', url: '/api/batches', payload: { kind: 'import', name: 'town.csv', observations: [{ ...observation('2018-03'), region: '371726001' }] } })
      expect(response.statusCode, response.body).toBe(201)
    })

    it('finds a town’s batch under its county in the audit trail, and not under another county', async () => {
      await db.kysely.insertInto('regions').values({ code: '371726002', name: '凤凰镇', level: 'town', parent: '371726', aliases: '' }).onConflict((oc) => oc.doNothing()).execute()
      const name = `town-${ctx.unique()}.csv`
      expect((await as('editor', { method: 'POST', url: '/api/batches', payload: { kind: 'import', name, observations: [{ ...observation('2018-04'), region: '371726002' }] } })).statusCode).toBe(201)
      const names = async (region: string) =>
        ((await as('admin', { method: 'GET', url: `/api/audit?region=${region}&action=import` })).json() as { after: string }[]).map((e) => (JSON.parse(e.after) as { name: string }).name)
      expect(await names('371726')).toContain(name)
      expect(await names('371726002')).toContain(name)
      expect(await names('371722')).not.toContain(name)
    })

    it('ends the sessions and tokens of a disabled account, and refuses its password', async () => {
      const user = await createUser(db.kysely, `gone${ctx.unique()}`, 'long-enough-password', 'editor', ['371726'])
      const { secret } = await startSession(db.kysely, user)
      const { token } = await createToken(db.kysely, user, 'cli')
      expect((await as('admin', { method: 'PATCH', url: `/api/users/${user.id}`, payload: { disabled: true } })).statusCode).toBe(200)
      expect((await app.inject({ method: 'GET', url: '/api/session', cookies: { [SESSION_COOKIE]: app.signCookie(secret) } })).json().user).toBeNull()
      expect((await app.inject({ method: 'GET', url: '/api/tokens', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401)
      expect((await app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password: 'long-enough-password' } })).statusCode).toBe(401)
      expect(await lastAudit()).toMatchObject({ action: 'login_disabled', username: user.username })
    })

    it('makes a reset password be changed before anything else', async () => {
      const user = await createUser(db.kysely, `reset${ctx.unique()}`, 'long-enough-password', 'editor', ['371726'])
      expect((await as('admin', { method: 'PATCH', url: `/api/users/${user.id}`, payload: { password: 'temporary-password-9' } })).statusCode).toBe(200)
      const login = await app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password: 'temporary-password-9' } })
      expect(login.json().user.mustChangePassword).toBe(true)
      const session = { cookies: { [SESSION_COOKIE]: login.cookies.find((c) => c.name === SESSION_COOKIE)!.value }, headers: { 'x-csrf-token': login.json().csrfToken } }
      expect((await app.inject({ ...session, method: 'POST', url: '/api/tokens', payload: { name: 'x' } })).statusCode).toBe(403)
      const common = await app.inject({ ...session, method: 'POST', url: '/api/password', payload: { current: 'temporary-password-9', password: '1234567890' } })
      expect(common.statusCode).toBe(400)
      expect(common.json().error).toMatch(/most common/)
      expect((await app.inject({ ...session, method: 'POST', url: '/api/password', payload: { current: 'temporary-password-9', password: 'a-better-passphrase' } })).statusCode).toBe(204)
      expect((await app.inject({ ...session, method: 'POST', url: '/api/tokens', payload: { name: 'x' } })).statusCode).toBe(201)
    })

    it('locks an account after ten wrong passwords, even against the right one, and records it', async () => {
      const user = await createUser(db.kysely, `target${ctx.unique()}`, 'long-enough-password', 'viewer')
      const { checkPassword } = await import('@/db/accounts')
      for (let i = 0; i < 10; i++) await checkPassword(db.kysely, user.username, `guess-${i}-password`)
      expect(await checkPassword(db.kysely, user.username, 'long-enough-password')).toEqual({ ok: false, reason: 'locked' })
    })

    it('refuses report file names that would leave the package, and paths outside it', async () => {
      const sources = [{ id: 'trav', title: 't', date: '2025-01', file: '../../etc/passwd.txt' }]
      const response = await as('editor', { method: 'POST', url: '/api/batches', payload: { kind: 'report', name: 't', observations: [], sources } })
      expect(response.statusCode).toBe(400)
      expect(response.json().problems[0].path).toBe('sources[0].file')
      for (const url of ['/api/package/../../package.json', '/api/package/%2e%2e%2fpackage.json', '/api/package/reports/..%2f..%2fpackage.json']) {
        expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404)
      }
    })

    it('keeps script tags in text as text', async () => {
      const payload = '<script>alert(1)</script><img src=x onerror=alert(1)>'
      const sources = [{ id: 'xss', title: payload, date: '2025-01', note: payload }]
      const response = await as('editor', { method: 'POST', url: '/api/batches', payload: { kind: 'report', name: payload, observations: [{ ...observation('2017'), source: 'xss', quote: '' }], sources } })
      expect(response.statusCode, response.body).toBe(201)
      const csv = await (await app.inject({ method: 'GET', url: '/api/package/sources.csv' })).body
      expect(csv).toContain(payload)
      expect((await app.inject({ method: 'GET', url: '/api/package/sources.csv' })).headers['content-type']).toMatch(/^text\/csv/)
    })
  })

  describe('bad input', () => {
    const editorPost = async (url: string, payload: string | object, headers: Record<string, string> = {}) => {
      const { secret, csrf } = await startSession(db.kysely, ctx.users.admin)
      return app.inject({ method: 'POST', url, payload, cookies: { [SESSION_COOKIE]: app.signCookie(secret) }, headers: { 'x-csrf-token': csrf, 'content-type': 'application/json', ...headers } })
    }

    it('refuses a stranger before reading the body', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/batches', payload: '{"observations": [', headers: { 'content-type': 'application/json' } })
      expect(response.statusCode).toBe(401)
    })

    it('answers malformed JSON with 400', async () => {
      const response = await editorPost('/api/batches', '{"kind": "import", "name": ')
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toMatch(/JSON/i)
    })

    it('refuses a body past its limit with 413', async () => {
      const response = await editorPost('/api/users', { username: 'big', password: 'x'.repeat(2 << 20), role: 'viewer' })
      expect(response.statusCode).toBe(413)
    })

    it('refuses unknown fields, naming them', async () => {
      const response = await editorPost('/api/batches', { kind: 'import', name: 'a.csv', observations: [{ ...observation('2021'), status: 'withdrawn' }] })
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toMatch(/observations\/0.*additional properties/)
    })

    it('refuses a quote that is not in its report, located in the body', async () => {
      const before = await fingerprint(db)
      const response = await editorPost('/api/batches', { kind: 'import', name: 'a.csv', observations: [observation('2020'), { ...observation('2021'), quote: '并无此句' }] })
      expect(response.statusCode).toBe(400)
      expect(response.json().problems).toEqual([{ path: 'observations[1].quote', message: '"并无此句" does not occur in the report of r1', code: 'quoteMissing', params: { quote: '并无此句', source: 'r1' } }])
      expect(await fingerprint(db)).toEqual(before)
    })

    it('answers a figure that already stands with 409', async () => {
      await editorPost('/api/batches', { kind: 'import', name: 'a.csv', observations: [observation('2019-06')] })
      const response = await editorPost('/api/batches', { kind: 'import', name: 'b.csv', observations: [observation('2019-06')] })
      expect(response.statusCode).toBe(409)
      expect(response.json().error).toContain('activities, 371726, 2019-06, r1')
    })
  })

  it('answers a series from its cache until a write changes the record', async () => {
    const { id, version } = await ctx.freshFigure()
    const series = async () => (await app.inject({ method: 'GET', url: '/api/observations?metric=activities&region=371726' })).json().find((o: { id: string }) => o.id === id)
    expect((await series()).value).toBe(3)
    expect((await as('editor', { method: 'PATCH', url: `/api/observations/${id}`, payload: { value: 5, reason: '复核', version } })).statusCode).toBe(200)
    expect((await series()).value).toBe(5)
  })

  it('describes its routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/batches', '/api/observations/{id}', '/api/package/{*}', '/api/users']))
    expect(doc.paths['/api/batches'].post.requestBody.content['application/json'].schema.required).toEqual(['kind', 'name', 'observations'])
  })
})

describe.each(ENGINES)('who may frame the page, on %s', (engine) => {
  const headersOf = async (frameAncestors?: string[]) => {
    const db = await emptyRecord(engine)
    const app = await buildServer({ db, frameAncestors })
    try {
      return (await app.inject({ method: 'GET', url: '/api/health' })).headers
    } finally {
      await app.close()
      await db.close()
    }
  }

  it('is nobody by default: frame-ancestors none and X-Frame-Options DENY', async () => {
    const headers = await headersOf()
    expect(headers['content-security-policy']).toMatch(/; frame-ancestors 'none'$/)
    expect(headers['x-frame-options']).toBe('DENY')
  })

  it('is the configured portal, with no X-Frame-Options to contradict it', async () => {
    const headers = await headersOf(["'self'", 'https://portal.heze.gov.cn'])
    expect(headers['content-security-policy']).toMatch(/; frame-ancestors 'self' https:\/\/portal\.heze\.gov\.cn$/)
    expect(headers['content-security-policy']).toContain("default-src 'self'")
    expect(headers['x-frame-options']).toBeUndefined()
  })
})

describe('signing in from one address', () => {
  it('throttles the eleventh attempt within a minute, and records it', async () => {
    const db = await emptyRecord('pglite')
    const app = await buildServer({ db })
    try {
      const attempt = () => app.inject({ method: 'POST', url: '/api/session', payload: { username: 'someone', password: 'not-the-password' } })
      for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401)
      expect((await attempt()).statusCode).toBe(429)
      await new Promise((r) => setTimeout(r, 50))
      const actions = (await db.kysely.selectFrom('audit').select('action').execute()).map((a) => a.action)
      expect(actions.filter((a) => a === 'login_failed')).toHaveLength(10)
      expect(actions).toContain('login_throttled')
    } finally {
      await app.close()
      await db.close()
    }
  })
})

describe('the first administrator', () => {
  it('is created once, with the token of the link printed at first start', async () => {
    const db = await emptyRecord('pglite')
    const app = await buildServer({ db })
    try {
      const token = (await setupToken(db.kysely))!
      const claim = (username: string) => app.inject({ method: 'POST', url: '/api/setup', payload: { token, username, password: 'long-enough-password' } })
      const first = await claim('admin')
      expect(first.statusCode).toBe(200)
      expect(first.json().user).toMatchObject({ username: 'admin', role: 'admin' })
      expect((await claim('second')).statusCode).toBe(403)
      expect(await setupToken(db.kysely)).toBeNull()
    } finally {
      await app.close()
      await db.close()
    }
  })

  it('keeps reading closed to strangers when reading requires a login', async () => {
    const db = await emptyRecord('pglite')
    const app = await buildServer({ db, readRequiresLogin: true })
    try {
      expect((await app.inject({ method: 'GET', url: '/api/package/datapackage.json' })).statusCode).toBe(401)
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
    } finally {
      await app.close()
      await db.close()
    }
  })
})

describe('behind an HTTPS proxy', () => {
  it('marks the session cookie Secure when the proxy says the request came over HTTPS, and only when trusted', async () => {
    const db = await emptyRecord('pglite')
    await createUser(db.kysely, 'proxied', 'long-enough-password', 'viewer')
    const login = (app: FastifyInstance) =>
      app.inject({ method: 'POST', url: '/api/session', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'proxied', password: 'long-enough-password' } })
    const trusting = await buildServer({ db, trustProxy: true })
    const direct = await buildServer({ db })
    try {
      expect((await login(trusting)).cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' })
      expect((await login(direct)).cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBeFalsy()
    } finally {
      await trusting.close()
      await direct.close()
      await db.close()
    }
  })
})

describe('an idle session', () => {
  it('ends after the idle time the settings give, and a busy one after its longest life', async () => {
    const db = await emptyRecord('pglite')
    const app = await buildServer({ db, idleMinutes: 1 })
    try {
      const user = await createUser(db.kysely, 'idle', 'long-enough-password', 'viewer')
      const { secret } = await startSession(db.kysely, user)
      const who = async () => (await app.inject({ method: 'GET', url: '/api/session', cookies: { [SESSION_COOKIE]: app.signCookie(secret) } })).json().user?.username ?? null
      expect(await who()).toBe('idle')
      await db.kysely.updateTable('sessions').set({ seen_at: new Date(Date.now() - 2 * 60_000) }).execute()
      expect(await who()).toBeNull()
      // In constant use, a session still ends after its longest life (12 hours here).
      const busy = await startSession(db.kysely, user)
      const asBusy = async () => (await app.inject({ method: 'GET', url: '/api/session', cookies: { [SESSION_COOKIE]: app.signCookie(busy.secret) } })).json().user?.username ?? null
      await db.kysely.updateTable('sessions').set({ created_at: new Date(Date.now() - 11 * 3_600_000) }).execute()
      expect(await asBusy()).toBe('idle')
      await db.kysely.updateTable('sessions').set({ created_at: new Date(Date.now() - 13 * 3_600_000) }).execute()
      expect(await asBusy()).toBeNull()
    } finally {
      await app.close()
      await db.close()
    }
  })
})
