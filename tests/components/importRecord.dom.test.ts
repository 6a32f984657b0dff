import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryStore } from '@/data/persist'
import { validatePackage } from '@/data/validate'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useSessionStore } from '@/stores/session'
import { useUserDataStore } from '@/stores/userData'
import ViewImport from '@/views/ViewImport.vue'
import { EDITOR, fakeApi } from '../fixtures/api'
import { fixturePackage } from '../fixtures/package'

let pinia: ReturnType<typeof createPinia>
const CSV = '指标,地区,时间,数值\nactivities,鄄城,2024年12月,"1,200"\nactivities,鄄城,2024年11月,约900\n'

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  useUserDataStore().setStorage(memoryStore())
  useDatasetStore().base = validatePackage(fixturePackage()).dataset
})
afterEach(() => vi.unstubAllGlobals())

async function chosen(): Promise<VueWrapper> {
  const wrapper = mount(ViewImport, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
  const input = wrapper.get('[data-testid="import-file"]')
  Object.defineProperty(input.element, 'files', { value: [new File([CSV], '统计.csv', { type: 'text/csv' })], configurable: true })
  await input.trigger('change')
  for (let i = 0; i < 5; i++) await flushPromises()
  return wrapper
}

describe('导入数据 with an office server', () => {
  it('keeps 导入 disabled until an editor signs in', async () => {
    fakeApi({ 'GET /api/batches': { status: 200, body: [] } })
    useSessionStore().mode = 'server'
    const w = await chosen()
    expect(w.get('[data-testid="import-summary"]').text()).toContain('2 行可导入')
    expect(w.get('[data-testid="import-confirm"]').attributes('disabled')).toBeDefined()
    expect(w.get('[data-testid="record-write-hint"]').text()).toBe('登录后可保存到共享记录')
    w.unmount()
  })

  it('keeps 导入 disabled over the demonstration package, which is never saved to the shared record', async () => {
    const calls = fakeApi({ 'GET /api/batches': { status: 200, body: [] } })
    Object.assign(useSessionStore(), { mode: 'server', user: EDITOR, csrf: 'c1' })
    useDatasetStore().loadedKey = 'demo'
    const w = await chosen()
    expect(w.get('[data-testid="import-summary"]').text()).toContain('2 行可导入')
    expect(w.get('[data-testid="import-confirm"]').attributes('disabled')).toBeDefined()
    expect(w.get('[data-testid="record-write-hint"]').text()).toContain('当前显示的是演示数据，不能保存到共享记录')
    expect(calls.filter((c) => c.method === 'POST')).toEqual([])
    w.unmount()
  })

  it('sends the rows as one import batch, and names a refused row by its line in the file', async () => {
    let refuse = true
    const calls = fakeApi({
      'GET /api/batches': { status: 200, body: [] },
      'POST /api/batches': () =>
        refuse
          ? { status: 400, body: { error: 'the batch was refused: 1 problem(s)', problems: [{ path: 'observations[1].region', message: '371726 is not a region of the record', code: 'unknownRegion', params: { region: '371726' } }] } }
          : { status: 201, body: { id: '4', count: 2 } },
    })
    Object.assign(useSessionStore(), { mode: 'server', user: EDITOR, csrf: 'c1' })
    const w = await chosen()
    await w.get('[data-testid="import-confirm"]').trigger('click')
    await flushPromises()
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.body).toMatchObject({ kind: 'import', name: '统计.csv', fileName: '统计.csv' })
    expect((post.body as { observations: unknown[] }).observations).toHaveLength(2)
    expect(w.get('[data-testid="record-outcome"] li').text()).toBe('第 3 行 地区：地区代码 371726 不在共享记录中')
    expect(w.get('[data-testid="import-confirm"]').attributes('disabled')).toBeUndefined()

    refuse = false
    await w.get('[data-testid="import-confirm"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="import-done"]').text()).toContain('已导入 2 行（统计.csv）')
    expect(useUserDataStore().batches).toEqual([])
    w.unmount()
  })
})
