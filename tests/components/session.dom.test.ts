import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import SessionControl from '@/components/session/SessionControl.vue'
import SessionGate from '@/components/session/SessionGate.vue'
import SessionSignIn from '@/components/session/SessionSignIn.vue'
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

  it('asks for a new password after a reset, twice, shows the server’s refusal, and lets the person in once it is changed', async () => {
    let user = { ...EDITOR, mustChangePassword: true }
    const calls = fakeApi({
      'POST /api/password': ({ body }) => {
        const b = body as { current: string; password: string }
        if (b.current !== 'reset-password-1') return { status: 403, body: { error: 'the current password is wrong' } }
        if (b.password.includes('clerk01')) return { status: 400, body: { error: 'the password contains the user name' } }
        user = { ...user, mustChangePassword: false }
        return { status: 204 }
      },
      'GET /api/session': () => ({ status: 200, body: { user, csrfToken: 'c2' } }),
    })
    const session = useSessionStore()
    Object.assign(session, { mode: 'server', user, csrf: 'c1' })
    const w = mount(SessionGate, { global: { plugins: [pinia, createAppI18n()] } })
    expect(w.find('h2').text()).toBe('请先修改密码')
    const fill = async (current: string, next: string, repeat: string) => {
      await w.find('[data-testid=password-current]').setValue(current)
      await w.find('[data-testid=password-new]').setValue(next)
      await w.find('[data-testid=password-repeat]').setValue(repeat)
    }
    await fill('reset-password-1', 'fresh-secret-22', 'fresh-secret-23')
    expect(w.find('[data-testid=password-error]').text()).toBe('两次输入的新密码不一致。')
    expect(w.find('[data-testid=password-submit]').attributes('disabled')).toBeDefined()

    await fill('wrong-password', 'fresh-secret-22', 'fresh-secret-22')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/password', headers: { 'x-csrf-token': 'c1' }, body: { current: 'wrong-password', password: 'fresh-secret-22' } })
    expect(w.find('[data-testid=password-error]').text()).toBe('当前密码不正确。')

    await fill('reset-password-1', 'clerk01-secret-22', 'clerk01-secret-22')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid=password-error]').text()).toBe('新密码不符合要求：the password contains the user name')
    expect(session.user?.mustChangePassword).toBe(true)

    await fill('reset-password-1', 'fresh-secret-22', 'fresh-secret-22')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(session.user?.mustChangePassword).toBe(false)
    expect(session.csrf).toBe('c2')
  })
})

describe('SessionSignIn', () => {
  it('says to wait when the server throttles sign-ins (429)', async () => {
    fakeApi({ 'POST /api/session': { status: 429, body: { error: 'Rate limit exceeded, retry in 1 minute' } } })
    useSessionStore().mode = 'server'
    const w = mount(SessionSignIn, { global: { plugins: [pinia, createAppI18n()] } })
    await w.find('[data-testid=session-username]').setValue('clerk01')
    await w.find('[data-testid=session-password]').setValue('any-password-1')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid=session-error]').text()).toBe('尝试过于频繁，请稍后再试')
  })
})
