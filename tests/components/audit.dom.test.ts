import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ViewTabs from '@/components/view/ViewTabs.vue'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useSessionStore } from '@/stores/session'
import ViewAudit from '@/views/ViewAudit.vue'
import { smallGazetteer } from '../extract/builders'
import { ADMIN, EDITOR, fakeApi } from '../fixtures/api'

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  useDatasetStore().base = { regions: smallGazetteer(), metrics: [], sources: [], observations: [], reports: {} }
})
afterEach(() => vi.unstubAllGlobals())

const plugins = () => ({ global: { plugins: [pinia, createAppI18n()] } })
const entry = (id: string, action: string, extra: Record<string, string> = {}) => ({ id, at: '2026-12-03T01:02:03.000Z', username: 'clerk01', action, entity: 'batch', entity_id: '', region: '', before: '', after: '', batch_id: '', reason: '', ...extra })
const TRAIL = [
  entry('3', 'import', { after: '{"name":"鄄城县.csv","count":2}', batch_id: '7' }),
  entry('2', 'refused', { after: '{"name":"鄄城县.csv","rows":3}', reason: 'outside the writer’s regions: 1 problem(s), first observations[2].region: 371722 单县 is outside your regions (鄄城县)' }),
  entry('1', 'correct', { username: 'admin', region: '371726', before: '{"value":66.1}', after: '{"value":66.2}', reason: '复核' }),
  entry('0', 'login_failed', { username: '', entity: 'session' }),
]
/** Refusals recorded with their codes: the view words them in the reader's language. */
const CODED = [
  entry('5', 'refused', {
    after: JSON.stringify({ name: '鄄城县.csv', rows: 3, problem: { path: 'observations[2].region', code: 'outsideScope', params: { region: '371722', name: '单县', scope: '鄄城县' } } }),
    reason: 'outside the writer’s regions: 1 problem(s), first observations[2].region: 371722 单县 is outside your regions (鄄城县)',
  }),
  entry('4', 'refused', { entity: 'request', after: '{"code":"csrf"}', reason: '403 missing or wrong CSRF token (x-csrf-token)' }),
]

describe('操作记录 tab', () => {
  it.each([
    ['nobody signed in', null, false],
    ['an editor', EDITOR, false],
    ['an administrator', ADMIN, true],
  ])('is offered to %s: %s', (_, user, offered) => {
    Object.assign(useSessionStore(), { mode: 'server', user })
    const tabs = mount(ViewTabs, plugins()).findAll('[role=tab]').map((b) => b.text())
    expect(tabs.includes('操作记录')).toBe(offered)
    expect(tabs).toContain('导入数据')
  })
})

describe('ViewAudit', () => {
  it('says coded refusals in Chinese, naming the item and field', async () => {
    fakeApi({ 'GET /api/audit': { status: 200, body: CODED } })
    Object.assign(useSessionStore(), { mode: 'server', user: ADMIN })
    const w = mount(ViewAudit, plugins())
    await flushPromises()
    const what = w.findAll('[data-testid=audit-table] tbody tr').map((tr) => tr.findAll('td').at(-1)!.text())
    expect(what).toEqual(['「鄄城县.csv」 · 3 行 · 第 3 项 地区：371722 单县 不在你负责的地区（鄄城县）内', '请求缺少本页的安全令牌，已拒绝（可能来自其他网站）；请刷新页面后重试'])
  })

  it('reads nothing and says so for someone who is not an administrator', async () => {
    const calls = fakeApi({})
    Object.assign(useSessionStore(), { mode: 'server', user: EDITOR })
    const w = mount(ViewAudit, plugins())
    await flushPromises()
    expect(w.find('[data-testid=audit-admin-only]').text()).toBe('只有管理员可以查看操作记录。')
    expect(calls).toEqual([])
  })

  it('shows the trail in Chinese, reads it again for each filter, and exports the CSV with the same filter', async () => {
    const calls = fakeApi({ 'GET /api/audit': ({ path }) => ({ status: 200, body: path.includes('action=import') ? TRAIL.slice(0, 1) : TRAIL }) })
    Object.assign(useSessionStore(), { mode: 'server', user: ADMIN })
    const w = mount(ViewAudit, plugins())
    await flushPromises()
    expect(calls.map((c) => c.path)).toEqual(['/api/audit?limit=200'])
    const rows = () => w.findAll('[data-testid=audit-table] tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))
    expect(rows()).toEqual([
      ['2026/12/3 09:02:03', 'clerk01', '导入文件', '', '「鄄城县.csv」 · 2 行'],
      ['2026/12/3 09:02:03', 'clerk01', '被拒绝', '', '「鄄城县.csv」 · 3 行 · outside the writer’s regions: 1 problem(s), first observations[2].region: 371722 单县 is outside your regions (鄄城县)'],
      ['2026/12/3 09:02:03', 'admin', '修改数字', '鄄城县', '66.1 → 66.2 · 复核'],
      ['2026/12/3 09:02:03', '（未登录）', '登录失败', '', ''],
    ])

    await w.find('[data-testid=audit-action]').setValue('import')
    await w.find('[data-testid=audit-user]').setValue('clerk01')
    await w.find('[data-testid=audit-region]').setValue('371726')
    await w.find('[data-testid=audit-from]').setValue('2026-12-01')
    await flushPromises()
    // One read per changed field, the last with all four.
    expect(calls).toHaveLength(5)
    expect(calls.at(-1)!.path).toBe('/api/audit?user=clerk01&action=import&region=371726&from=2026-12-01T00%3A00%3A00.000%2B08%3A00&limit=200')
    expect(rows()).toHaveLength(1)
    const csv = w.find('[data-testid=audit-csv]').attributes('href')!
    expect(csv).toBe('api/audit?user=clerk01&action=import&region=371726&from=2026-12-01T00%3A00%3A00.000%2B08%3A00&format=csv&limit=100000')
  })

  it('shows the server’s refusal', async () => {
    fakeApi({ 'GET /api/audit': { status: 403, body: { error: 'administrators only' } } })
    Object.assign(useSessionStore(), { mode: 'server', user: ADMIN })
    const w = mount(ViewAudit, plugins())
    await flushPromises()
    expect(w.find('[role=alert]').text()).toBe('未能读取操作记录：administrators only')
  })
})
