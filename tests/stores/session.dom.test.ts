import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useSessionStore } from '@/stores/session'
import { EDITOR, fakeApi, health } from '../fixtures/api'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe(useSessionStore, () => {
  it('finds the office server and who is signed in', async () => {
    fakeApi({ 'GET /api/health': health, 'GET /api/session': { status: 200, body: { user: EDITOR, csrfToken: 'c1' } } })
    const session = useSessionStore()
    expect(await session.detect()).toBe('server')
    expect(session.user?.username).toBe('clerk01')
    expect(session.canWrite).toBe(true)
    expect(session.isAdmin).toBe(false)
    expect(session.readRequiresLogin).toBe(false)
    fakeApi({ 'GET /api/health': { status: 200, body: { ...health.body, readRequiresLogin: true } }, 'GET /api/session': { status: 200, body: { user: null, csrfToken: null } } })
    await session.detect()
    expect(session.readRequiresLogin).toBe(true)
    expect(session.user).toBeNull()
  })

  it('runs from plain files when api/health is missing or is the app page a static host serves for every path', async () => {
    fakeApi({})
    expect(await useSessionStore().detect()).toBe('static')
    // What the static build ships as api/health.
    fakeApi({ 'GET /api/health': { status: 200, body: { ok: false, static: true } } })
    expect(await useSessionStore().detect()).toBe('static')
    vi.stubGlobal('fetch', async () => new Response('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/html' } }))
    expect(await useSessionStore().detect()).toBe('static')
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('network')))
    expect(await useSessionStore().detect()).toBe('static')
  })

  it('signs in, sends the CSRF token with every write, and signs out', async () => {
    const calls = fakeApi({
      'POST /api/session': ({ body }) => ((body as { password: string }).password === 'right-password' ? { status: 200, body: { user: EDITOR, csrfToken: 'c2' } } : { status: 401, body: { error: 'wrong user name or password' } }),
      'DELETE /api/session': { status: 204 },
      'POST /api/batches': { status: 201, body: { id: '1', count: 0 } },
    })
    const session = useSessionStore()
    expect(await session.signIn('clerk01', 'wrong-password')).toEqual({ status: 401, detail: 'wrong user name or password' })
    expect(session.user).toBeNull()
    expect(await session.signIn('clerk01', 'right-password')).toBeNull()
    expect(session.user).toEqual(EDITOR)
    await session.send('api/batches', 'POST', {})
    expect(calls.at(-1)?.headers['x-csrf-token']).toBe('c2')
    await session.signOut()
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/session', headers: { 'x-csrf-token': 'c2' } })
    expect(session.user).toBeNull()
    expect(session.canWrite).toBe(false)
  })

  it('forgets the user when the server says the session has ended', async () => {
    fakeApi({ 'POST /api/batches': { status: 401, body: { error: 'login required' } } })
    const session = useSessionStore()
    Object.assign(session, { mode: 'server', user: EDITOR, csrf: 'c4' })
    expect((await session.send('api/batches', 'POST', {})).status).toBe(401)
    expect(session.user).toBeNull()
    expect(session.canWrite).toBe(false)
  })

  it('creates the first administrator with the setup link’s token, once', async () => {
    const calls = fakeApi({ 'POST /api/setup': { status: 200, body: { user: { ...EDITOR, role: 'admin' }, csrfToken: 'c3' } } })
    const session = useSessionStore()
    session.setupToken = 'T0KEN'
    expect(await session.signIn('admin', 'long-enough-password')).toBeNull()
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/setup', body: { token: 'T0KEN', username: 'admin' } })
    expect(session.isAdmin).toBe(true)
    expect(session.setupToken).toBeNull()
  })
})
