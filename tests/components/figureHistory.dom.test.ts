import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import TableData from '@/components/table/TableData.vue'
import type { TableRow } from '@/composables/useTableRows'
import type { Observation } from '@/domain/types'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useSessionStore } from '@/stores/session'
import { smallGazetteer } from '../extract/builders'
import { fakeApi } from '../fixtures/api'

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  useDatasetStore().base = { regions: smallGazetteer(), metrics: [], sources: [], observations: [], reports: {} }
})
afterEach(() => vi.unstubAllGlobals())

const obs: Observation = { metric: 'volunteer_activities', region: '371726', period: '2024', value: 66.2, qualifier: '=', source: 'r1', quote: '' }
const row = (o: Observation, i = 0): TableRow => ({ key: String(i), obs: o, metric: '志愿服务活动', region: '鄄城县', period: '2024年', value: String(o.value), unit: '次', source: '报告' })
const stored = (id: string, source: string, status = 'active') => ({ ...obs, id, source, status, version: 2, quoteStart: null, quoteEnd: null })
const history = [
  { at: '2026-12-01T04:00:00Z', username: 'clerk01', action: 'report', reason: '', before: null, after: { value: 66.1, qualifier: '=', period: '2024' }, batch: { id: '5', kind: 'report', name: '鄄城县志愿服务纪实' } },
  { at: '2026-12-02T04:00:00Z', username: 'admin', action: 'correct', reason: '复核', before: { value: 66.1, qualifier: '=', period: '2024' }, after: { value: 66.2, qualifier: '=', period: '2024', status: 'active' }, batch: null },
]

const mountTable = () => mount(TableData, { props: { rows: [row(obs), row({ ...obs, region: '371702' }, 1)], sort: { key: 'metric', dir: 'asc' } }, global: { plugins: [pinia, createAppI18n()] } })

describe('a figure’s history in 数据表', () => {
  it('offers no history without a server', () => {
    useSessionStore().mode = 'static'
    expect(mountTable().find('[data-testid=table-history]').exists()).toBe(false)
  })

  it('reads the history of the opened row only, finds the figure of the same source, and says it in words', async () => {
    const calls = fakeApi({
      'GET /api/observations': { status: 200, body: [stored('7', 'other'), stored('8', 'r1')] },
      'GET /api/observations/8/history': { status: 200, body: history },
    })
    useSessionStore().mode = 'server'
    const w = mountTable()
    expect(calls).toEqual([])
    await w.findAll('[data-testid=table-history]')[0].trigger('click')
    await flushPromises()
    expect(calls.map((c) => c.path)).toEqual(['/api/observations?metric=volunteer_activities&region=371726&from=2024&to=2024&status=all', '/api/observations/8/history'])
    const text = w.find('[data-testid=figure-history-text]').text()
    expect(text).toMatch(/^录入 clerk01 2026-12-0\d，依据《鄄城县志愿服务纪实》；修改 admin 2026-12-0\d：66\.1 → 66\.2（复核）。$/)
    await w.findAll('[data-testid=table-history]')[0].trigger('click')
    expect(w.find('[data-testid=figure-panel]').exists()).toBe(false)
  })

  it('says so when the record no longer has the figure', async () => {
    fakeApi({ 'GET /api/observations': { status: 200, body: [stored('7', 'other')] } })
    useSessionStore().mode = 'server'
    const w = mountTable()
    await w.findAll('[data-testid=table-history]')[1].trigger('click')
    await flushPromises()
    expect(w.find('[data-testid=figure-panel] [role=alert]').text()).toContain('共享记录中没有找到这个数字')
  })
})

describe('correcting and withdrawing a figure', () => {
  const open = async (index = 0) => {
    const w = mountTable()
    await w.findAll('[data-testid=table-history]')[index].trigger('click')
    await flushPromises()
    return w
  }

  it('is hidden from readers who may not write', async () => {
    fakeApi({ 'GET /api/observations': { status: 200, body: [stored('8', 'r1')] }, 'GET /api/observations/8/history': { status: 200, body: history } })
    Object.assign(useSessionStore(), { mode: 'server', user: { id: 3, username: 'reader', role: 'viewer' } })
    const w = await open()
    expect(w.find('[data-testid=figure-history-text]').exists()).toBe(true)
    expect(w.find('[data-testid=figure-edit]').exists()).toBe(false)
  })

  it('is offered to the clerk of 鄄城县 for 鄄城县’s figure, not for 牡丹区’s', async () => {
    fakeApi({
      'GET /api/observations': ({ path }) => ({ status: 200, body: [{ ...stored('8', 'r1'), region: new URLSearchParams(path.split('?')[1]).get('region') }] }),
      'GET /api/observations/8/history': { status: 200, body: history },
    })
    Object.assign(useSessionStore(), { mode: 'server', user: { id: 2, username: 'clerk01', role: 'editor', regions: ['371726'] } })
    const own = await open(0)
    expect(own.find('[data-testid=figure-edit]').exists()).toBe(true)
    const other = await open(1)
    expect(other.find('[data-testid=figure-history-text]').exists()).toBe(true)
    expect(other.find('[data-testid=figure-edit]').exists()).toBe(false)
    expect(other.find('[data-testid=figure-out-of-scope]').text()).toBe('此数字不属于你负责的地区，不能修改或撤回。')
  })

  it('sends the version seen and a reason; on a conflict shows both values and retries on the current version', async () => {
    let version = 2
    const calls = fakeApi({
      'GET /api/observations': { status: 200, body: [stored('8', 'r1')] },
      'GET /api/observations/8/history': { status: 200, body: history },
      'PATCH /api/observations/8': ({ body }) => {
        const b = body as { value: number; version: number }
        if (b.version !== version) return { status: 409, body: { error: 'changed', current: { ...stored('8', 'r1'), value: 70, version } } }
        return { status: 200, body: { ...stored('8', 'r1'), value: b.value, version: ++version } }
      },
    })
    Object.assign(useSessionStore(), { mode: 'server', user: { id: 2, username: 'clerk01', role: 'editor', regions: ['371726'] }, csrf: 'c9' })
    const w = await open()
    const save = w.find('[data-testid=figure-save]')
    await w.find('[data-testid=figure-value]').setValue('66.5')
    expect(save.attributes('disabled')).toBeDefined()
    await w.find('[data-testid=figure-reason]').setValue('复核')
    version = 3 // someone else saved meanwhile
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ body: { value: 66.5, qualifier: '=', reason: '复核', version: 2 }, headers: { 'x-csrf-token': 'c9' } })
    expect(w.find('[data-testid=figure-conflict]').text()).toContain('现值 70（他人已修改），你的修改 66.5。')

    await w.find('[data-testid=figure-retry]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid=figure-conflict]').exists()).toBe(false)
    expect((w.find('[data-testid=figure-value]').element as HTMLInputElement).value).toBe('66.5')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toMatchObject({ value: 66.5, version: 3 })
    expect(w.find('[role=status]').text()).toBe('已保存，图表已更新。')
  })

  it('withdraws with a reason', async () => {
    const calls = fakeApi({
      'GET /api/observations': { status: 200, body: [stored('8', 'r1')] },
      'GET /api/observations/8/history': { status: 200, body: history },
      'POST /api/observations/8/withdraw': { status: 200, body: stored('8', 'r1', 'withdrawn') },
    })
    Object.assign(useSessionStore(), { mode: 'server', user: { id: 1, username: 'admin', role: 'admin' }, csrf: 'c9' })
    const w = await open()
    expect(w.find('[data-testid=figure-withdraw]').attributes('disabled')).toBeDefined()
    await w.find('[data-testid=figure-reason]').setValue('重复')
    await w.find('[data-testid=figure-withdraw]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: '重复', version: 2 })
    expect(w.find('.figure-panel__withdrawn').text()).toBe('此数字已撤回，不再出现在图表中。')
  })
})
