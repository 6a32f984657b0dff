import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import AccountsDialog from '@/components/accounts/AccountsDialog.vue'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useSessionStore } from '@/stores/session'
import { smallGazetteer } from '../extract/builders'
import { ADMIN, EDITOR, fakeApi } from '../fixtures/api'

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  useDatasetStore().base = { regions: smallGazetteer(), metrics: [], sources: [], observations: [], reports: {} }
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
        users.push({ id: users.length + 1, username: b.username, role: b.role, regions: (b as { regions?: string[] }).regions, disabled: false } as never)
        return { status: 201, body: users.at(-1) }
      },
      'GET /api/tokens': { status: 200, body: [] },
    })
    Object.assign(useSessionStore(), { mode: 'server', user: ADMIN, csrf: 'c1' })
    const w = await mountDialog()
    const summaries = () => w.findAll('[data-testid=accounts-user-summary]').map((li) => li.text())
    expect(summaries()).toEqual(['admin · 管理员'])
    // One's own account is not changed from here (the server refuses an administrator demoting or disabling themselves).
    expect(w.find('[data-testid=accounts-edit]').exists()).toBe(false)
    expect(w.find('[data-testid=accounts-backup]').attributes('href')).toBe('api/export')
    await w.find('[data-testid=accounts-username]').setValue('clerk02')
    await w.find('[data-testid=accounts-password]').setValue('long-enough-password')
    // The picker offers the city and its county-level units, no towns.
    const boxes = w.findAll('[data-testid=accounts-regions] label')
    expect(boxes.map((b) => b.text())).toEqual(['菏泽市', '牡丹区', '定陶区', '曹县', '单县', '鄄城县'])
    await boxes[5].find('input').setValue(true)
    await w.find('[data-testid=accounts-create-form]').trigger('submit')
    await flushPromises()
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ body: { username: 'clerk02', password: 'long-enough-password', role: 'editor', regions: ['371726'] }, headers: { 'x-csrf-token': 'c1' } })
    expect(summaries()).toEqual(['admin · 管理员', 'clerk02 · 编辑 · 鄄城县'])
    expect(w.find('[data-testid=accounts-message]').text()).toBe('已创建账户 clerk02。')

    await w.find('[data-testid=accounts-username]').setValue('admin')
    await w.find('[data-testid=accounts-password]').setValue('long-enough-password')
    await w.find('[data-testid=accounts-create-form]').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid=accounts-message]').text()).toBe('已有名为 admin 的账户。')
  })

  it('changes an editor’s regions, disables and enables the account, resets its password, and shows the server’s refusal', async () => {
    const users: Record<string, unknown>[] = [{ ...ADMIN, disabled: false }, { ...EDITOR, disabled: false }]
    const calls = fakeApi({
      'GET /api/users': () => ({ status: 200, body: users }),
      'PATCH /api/users/2': ({ body }) => {
        const b = body as { password?: string }
        if (b.password === 'password123') return { status: 400, body: { error: 'the password is among the 10 000 most common' } }
        Object.assign(users[1], body, b.password ? { mustChangePassword: true, password: undefined } : {})
        return { status: 200, body: users[1] }
      },
      'GET /api/tokens': { status: 200, body: [] },
    })
    Object.assign(useSessionStore(), { mode: 'server', user: ADMIN, csrf: 'c1' })
    const w = await mountDialog()
    const row = () => w.find('[data-user=clerk01]')
    expect(row().find('[data-testid=accounts-user-summary]').text()).toBe('clerk01 · 编辑 · 鄄城县')

    await row().find('[data-testid=accounts-edit]').trigger('click')
    const boxes = row().findAll('[data-testid=accounts-regions] input')
    await boxes[4].setValue(true) // 单县
    await row().find('[data-testid=accounts-edit-form]').trigger('submit')
    await flushPromises()
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)).toMatchObject({ path: '/api/users/2', body: { regions: ['371722', '371726'] }, headers: { 'x-csrf-token': 'c1' } })
    expect(row().find('[data-testid=accounts-user-summary]').text()).toBe('clerk01 · 编辑 · 单县、鄄城县')
    expect(row().find('[data-testid=accounts-edit-form]').exists()).toBe(false)

    await row().find('[data-testid=accounts-disable]').trigger('click')
    await flushPromises()
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ disabled: true })
    expect(row().find('[data-testid=accounts-user-summary]').text()).toBe('clerk01 · 编辑 · 单县、鄄城县 · 已停用')
    expect(w.find('[data-testid=accounts-message]').text()).toBe('已停用 clerk01，其登录已结束。')
    expect(row().find('[data-testid=accounts-disable]').text()).toBe('启用')

    await row().find('[data-testid=accounts-reset]').trigger('click')
    await row().find('[data-testid=accounts-reset-password]').setValue('password123')
    await row().find('[data-testid=accounts-reset-form]').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid=accounts-message]').text()).toBe('未能修改 clerk01：the password is among the 10 000 most common')
    expect(w.find('[data-testid=accounts-message]').attributes('role')).toBe('alert')
    await row().find('[data-testid=accounts-reset-password]').setValue('temporary-pass-9')
    await row().find('[data-testid=accounts-reset-form]').trigger('submit')
    await flushPromises()
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ password: 'temporary-pass-9' })
    expect(w.find('[data-testid=accounts-message]').text()).toBe('已重置 clerk01 的密码；下次登录时须修改。')
    expect(row().find('[data-testid=accounts-user-summary]').text()).toContain('须修改密码')
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
