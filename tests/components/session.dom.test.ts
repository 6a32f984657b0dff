import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import SessionControl from '@/components/session/SessionControl.vue'
import SessionGate from '@/components/session/SessionGate.vue'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useSessionStore } from '@/stores/session'
import { smallGazetteer } from '../extract/builders'
import { EDITOR, fakeApi } from '../fixtures/api'

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  useDatasetStore().base = { regions: smallGazetteer(), metrics: [], sources: [], observations: [], reports: {} }
})
afterEach(() => vi.unstubAllGlobals())

const mountControl = () => mount(SessionControl, { global: { plugins: [pinia, createAppI18n()] } })

describe('SessionControl', () => {
  it('shows nothing without an office server', () => {
    useSessionStore().mode = 'static'
    expect(mountControl().find('[data-testid=session-control]').exists()).toBe(false)
  })

  it('signs in from the header and shows who is signed in, then signs out', async () => {
    const calls = fakeApi({
      'POST /api/session': ({ body }) => ((body as { password: string }).password === 'right-password' ? { status: 200, body: { user: EDITOR, csrfToken: 'c1' } } : { status: 401, body: { error: 'wrong user name or password' } }),
      'DELETE /api/session': { status: 204 },
    })
    useSessionStore().mode = 'server'
    const w = mountControl()
    await w.find('[data-testid=session-open]').trigger('click')
    // The form loads on first use, with its messages.
    await vi.waitFor(() => expect(w.find('[data-testid=session-form]').exists()).toBe(true))
    await w.find('[data-testid=session-username]').setValue('clerk01')
    await w.find('[data-testid=session-password]').setValue('wrong-password')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid=session-error]').text()).toBe('用户名或密码不正确。')

    await w.find('[data-testid=session-password]').setValue('right-password')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid=session-form]').exists()).toBe(false)
    expect(w.find('[data-testid=session-user]').text()).toBe('clerk01（编辑·鄄城县）')

    await w.find('[data-testid=session-sign-out]').trigger('click')
    await flushPromises()
    expect(calls.at(-1)?.method).toBe('DELETE')
    expect(w.find('[data-testid=session-open]').text()).toBe('登录')
    expect(w.find('[data-testid=session-form]').exists()).toBe(false)
  })
})

describe('SessionGate', () => {
  it('creates the first administrator with the link’s token and says when the link is spent', async () => {
    let used = false
    const calls = fakeApi({
      'POST /api/setup': () => (used ? { status: 403, body: { error: 'this setup link is spent or wrong' } } : ((used = true), { status: 200, body: { user: { id: 1, username: 'admin', role: 'admin' }, csrfToken: 'c' } })),
    })
    const session = useSessionStore()
    Object.assign(session, { mode: 'server', setupToken: 'abc' })
    window.history.replaceState(null, '', '/?setup=abc&view=table')
    const w = mount(SessionGate, { global: { plugins: [pinia, createAppI18n()] } })
    expect(w.text()).toContain('创建第一个管理员账户')
    await w.find('[data-testid=session-username]').setValue('admin')
    await w.find('[data-testid=session-password]').setValue('long-enough-password')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(calls[0].body).toEqual({ token: 'abc', username: 'admin', password: 'long-enough-password' })
    expect(session.user?.role).toBe('admin')
    expect(window.location.search).toBe('?view=table')

    used = true
    session.setupToken = 'abc'
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid=session-error]').text()).toBe('此设置链接已用过或不正确。')
  })

  it('asks for a sign-in, not the setup, where the server reads only to signed-in accounts', async () => {
    const calls = fakeApi({ 'POST /api/session': { status: 200, body: { user: EDITOR, csrfToken: 'c' } } })
    Object.assign(useSessionStore(), { mode: 'server', readRequiresLogin: true })
    const w = mount(SessionGate, { global: { plugins: [pinia, createAppI18n()] } })
    expect(w.find('h2').text()).toBe('登录后查看共享记录')
    await w.find('[data-testid=session-username]').setValue('clerk01')
    await w.find('[data-testid=session-password]').setValue('right-password')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/session' })
    expect(useSessionStore().user).toEqual(EDITOR)
  })
})
