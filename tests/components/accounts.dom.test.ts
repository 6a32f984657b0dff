import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import AccountsDialog from '@/components/accounts/AccountsDialog.vue'
import { createAppI18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { ADMIN, EDITOR, fakeApi } from '../fixtures/api'

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => vi.unstubAllGlobals())

const mountDialog = async () => {
  const w = mount(AccountsDialog, { global: { plugins: [pinia, createAppI18n()] } })
  await flushPromises()
  return w
}

describe('AccountsDialog', () => {
  it('lets an administrator list and create accounts, and says when the name is taken', async () => {
    const users = [{ ...ADMIN, disabled: false }]
    const calls = fakeApi({
      'GET /api/users': () => ({ status: 200, body: users }),
      'POST /api/users': ({ body }) => {
        const b = body as { username: string; role: 'editor' }
        if (users.some((u) => u.username === b.username)) return { status: 409, body: { error: 'exists' } }
        users.push({ id: users.length + 1, username: b.username, role: b.role, disabled: false } as never)
        return { status: 201, body: users.at(-1) }
      },
      'GET /api/tokens': { status: 200, body: [] },
    })
    Object.assign(useSessionStore(), { mode: 'server', user: ADMIN, csrf: 'c1' })
    const w = await mountDialog()
    expect(w.find('[data-testid=accounts-users] li').text()).toBe('admin · 管理员')
    expect(w.find('[data-testid=accounts-backup]').attributes('href')).toBe('api/export')
    await w.find('[data-testid=accounts-username]').setValue('clerk02')
    await w.find('[data-testid=accounts-password]').setValue('long-enough-password')
    await w.find('[data-testid=accounts-users] form').trigger('submit')
    await flushPromises()
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ body: { username: 'clerk02', password: 'long-enough-password', role: 'editor' }, headers: { 'x-csrf-token': 'c1' } })
    expect(w.findAll('[data-testid=accounts-users] li').map((li) => li.text())).toEqual(['admin · 管理员', 'clerk02 · 编辑'])
    expect(w.find('[data-testid=accounts-message]').text()).toBe('已创建账户 clerk02。')

    await w.find('[data-testid=accounts-username]').setValue('admin')
    await w.find('[data-testid=accounts-password]').setValue('long-enough-password')
    await w.find('[data-testid=accounts-users] form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid=accounts-message]').text()).toBe('已有名为 admin 的账户。')
  })

  it('shows an editor only their tokens: a new one once, and revokes one', async () => {
    const tokens: { id: number; name: string; createdAt: string; usedAt: null; revoked: boolean }[] = []
    const calls = fakeApi({
      'GET /api/tokens': () => ({ status: 200, body: tokens }),
      'POST /api/tokens': ({ body }) => {
        tokens.push({ id: 5, name: (body as { name: string }).name, createdAt: '2026-12-03T00:00:00Z', usedAt: null, revoked: false })
        return { status: 201, body: { id: 5, token: 'hz_secret_once' } }
      },
      'DELETE /api/tokens/5': () => ((tokens[0].revoked = true), { status: 204 }),
    })
    Object.assign(useSessionStore(), { mode: 'server', user: EDITOR, csrf: 'c2' })
    const w = await mountDialog()
    expect(w.find('[data-testid=accounts-users]').exists()).toBe(false)
    expect(w.find('[data-testid=accounts-backup]').exists()).toBe(false)
    expect(calls.some((c) => c.path === '/api/users')).toBe(false)

    await w.find('[data-testid=accounts-token-name]').setValue('办公室电脑')
    await w.find('[data-testid=accounts-tokens] form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid=accounts-token-shown]').text()).toBe('hz_secret_once')
    expect(w.find('[data-testid=accounts-tokens] li').text()).toContain('办公室电脑 · 尚未使用')

    await w.find('[data-testid=accounts-token-revoke]').trigger('click')
    await flushPromises()
    expect(calls.at(-2)).toMatchObject({ method: 'DELETE', path: '/api/tokens/5', headers: { 'x-csrf-token': 'c2' } })
    expect(w.find('[data-testid=accounts-tokens] li').text()).toContain('办公室电脑 · 已撤销')
  })
})
