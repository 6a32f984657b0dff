import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useSessionStore } from '@/stores/session'
import { useUserDataStore } from '@/stores/userData'
import ViewImport from '@/views/ViewImport.vue'
import ViewIngest from '@/views/ViewIngest.vue'
import { smallGazetteer, smallMetrics } from '../extract/builders'
import { EDITOR, fakeApi } from '../fixtures/api'

let pinia: ReturnType<typeof createPinia>
const REPORT = '鄄城县开展志愿服务活动120余次。'

beforeEach(() => {
  // 报告录入 asks for data/villages.csv when it opens; there is no server here, so it is simply not there.
  vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 404 })))
  localStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  useDatasetStore().base = { regions: smallGazetteer(), metrics: smallMetrics(), sources: [], observations: [], reports: {} }
})
afterEach(() => vi.unstubAllGlobals())

/** 报告录入 with the report's one figure extracted and accepted. */
async function accepted(): Promise<VueWrapper> {
  const w = mount(ViewIngest, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
  await w.find('[data-testid=ingest-text]').setValue(REPORT)
  await w.find('[data-testid=ingest-date]').setValue('2025-03')
  await w.find('form').trigger('submit')
  await flushPromises()
  await w.find('[data-testid=ingest-accept]').trigger('click')
  await flushPromises()
  return w
}

describe('报告录入 and 导入数据 without a server', () => {
  it('say that entries stay in this browser', async () => {
    useSessionStore().mode = 'static'
    const ingest = mount(ViewIngest, { global: { plugins: [pinia, createAppI18n()] } })
    expect(ingest.find('[data-testid=record-write-hint]').text()).toContain('只保存在本浏览器中')
    const imp = mount(ViewImport, { global: { plugins: [pinia, createAppI18n()] } })
    expect(imp.find('[data-testid=record-write-hint]').text()).toContain('只保存在本浏览器中')
  })
})

describe('报告录入 with an office server', () => {
  it('keeps the save disabled with a hint until an editor signs in, and keeps nothing in the browser', async () => {
    fakeApi({ 'GET /api/batches': { status: 200, body: [] } })
    useSessionStore().mode = 'server'
    const w = await accepted()
    expect(w.find('[data-testid=record-write-hint]').text()).toBe('登录后可保存到共享记录')
    expect(w.find('[data-testid=ingest-save]').attributes('disabled')).toBeDefined()
    expect(useUserDataStore().batches).toEqual([])
    w.unmount()
  })

  it('sends the accepted figures as one report batch with its text, and says it is saved', async () => {
    const calls = fakeApi({ 'GET /api/batches': { status: 200, body: [] }, 'POST /api/batches': { status: 201, body: { id: '9', count: 1 } } })
    Object.assign(useSessionStore(), { mode: 'server', user: EDITOR, csrf: 'c1' })
    const w = await accepted()
    // An editor is told the regions they may save: 鄄城县 and the places below it.
    expect(w.find('[data-testid=record-write-hint]').text()).toBe('你可以保存 鄄城县 及其下辖地区的数据；其他地区的行会使整批被拒绝。')
    await w.find('[data-testid=ingest-save]').trigger('click')
    await flushPromises()
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.path).toBe('/api/batches')
    expect(post.headers['x-csrf-token']).toBe('c1')
    const body = post.body as { kind: string; observations: { region: string; value: number; qualifier: string; quote: string; source: string }[]; reports: Record<string, string> }
    expect(body.kind).toBe('report')
    expect(body.observations).toEqual([expect.objectContaining({ region: '371726', value: 120, qualifier: '>=', quote: '鄄城县开展志愿服务活动120余次' })])
    expect(body.reports[body.observations[0].source]).toBe(REPORT)
    expect(w.find('[data-testid=record-outcome]').text()).toContain('已保存 1 项到共享记录')
    expect(w.find('[data-testid=ingest-reader]').exists()).toBe(false)
    w.unmount()
  })

  it('shows each refused figure by its number and quote, and keeps the review', async () => {
    fakeApi({
      'GET /api/batches': { status: 200, body: [] },
      'POST /api/batches': { status: 400, body: { error: 'the batch was refused: 1 problem(s)', problems: [{ path: 'observations[0].quote', message: 'does not occur in the report' }] } },
    })
    Object.assign(useSessionStore(), { mode: 'server', user: EDITOR, csrf: 'c1' })
    const w = await accepted()
    await w.find('[data-testid=ingest-save]').trigger('click')
    await flushPromises()
    const outcome = w.find('[data-testid=record-outcome]')
    expect(outcome.attributes('role')).toBe('alert')
    expect(outcome.text()).toContain('未保存任何一项（1 个问题）')
    expect(outcome.find('li').text()).toBe('第 1 项「鄄城县开展志愿服务活动120余次」 引文：does not occur in the report')
    expect(w.find('[data-testid=ingest-reader]').exists()).toBe(true)
    w.unmount()
  })

  it('words the server’s reasons in Chinese by their codes, not in the server’s English', async () => {
    const problem = { path: 'observations[0].region', message: '371722 单县 is outside your regions (鄄城县)', code: 'outsideScope', params: { region: '371722', name: '单县', scope: '鄄城县' } }
    fakeApi({
      'GET /api/batches': { status: 200, body: [] },
      'POST /api/batches': { status: 403, body: { error: 'the batch was refused: 1 problem(s)', code: 'batchRefused', params: { n: 1 }, problems: [problem] } },
    })
    Object.assign(useSessionStore(), { mode: 'server', user: EDITOR, csrf: 'c1' })
    const w = await accepted()
    await w.find('[data-testid=ingest-save]').trigger('click')
    await flushPromises()
    const outcome = w.find('[data-testid=record-outcome]')
    expect(outcome.text()).toContain('其中有不属于你负责地区的数据，整批未保存（1 处）')
    expect(outcome.find('li').text()).toBe('第 1 项「鄄城县开展志愿服务活动120余次」 地区：371722 单县 不在你负责的地区（鄄城县）内')
    expect(outcome.text()).not.toMatch(/outside|region：/)
    w.unmount()
  })

  it('says so when the record already holds the figure', async () => {
    fakeApi({ 'GET /api/batches': { status: 200, body: [] }, 'POST /api/batches': { status: 409, body: { error: 'the record already has a figure for x' } } })
    Object.assign(useSessionStore(), { mode: 'server', user: EDITOR, csrf: 'c1' })
    const w = await accepted()
    await w.find('[data-testid=ingest-save]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid=record-outcome]').text()).toBe('共享记录中已有其中的数字，未保存任何一项：the record already has a figure for x')
    w.unmount()
  })
})
