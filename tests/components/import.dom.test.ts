import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { memoryStore } from '@/data/persist'
import { validatePackage } from '@/data/validate'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { useUserDataStore } from '@/stores/userData'
import ViewImport from '@/views/ViewImport.vue'
import { fixturePackage } from '../fixtures/package'

let pinia: ReturnType<typeof createPinia>

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  useUserDataStore().setStorage(memoryStore())
  useDatasetStore().base = validatePackage(fixturePackage()).dataset
})

const mountView = () => mount(ViewImport, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })

/** Chooses a file on the view's file input, as a user would, and waits until it is checked. */
async function choose(wrapper: VueWrapper, name: string, text: string): Promise<void> {
  const input = wrapper.get('[data-testid="import-file"]')
  Object.defineProperty(input.element, 'files', { value: [new File([text], name, { type: 'text/csv' })], configurable: true })
  await input.trigger('change')
  for (let i = 0; i < 5; i++) await flushPromises()
}

describe('ViewImport', () => {
  it('lists each problem with its row and column, shows markup as text, and refuses to import', async () => {
    const wrapper = mountView()
    await choose(wrapper, 'a.csv', '指标,地区,时间,数值,原文\nactivities,鄄城,2024-13,5,\nactivities,鄄城,2024,6,<img src=x onerror=alert(1)>\n')
    const rows = wrapper.findAll('[data-testid="import-problems"] tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))
    expect(rows).toEqual([
      ['2', '时间', '错误 “2024-13”的月份或日期不存在'],
      ['3', '原文', '提示 “<img src=x onerror=alert(1)>”含网页代码字样；按纯文本保存和显示'],
    ])
    expect(document.querySelector('img')).toBeNull()
    expect(wrapper.get('[data-testid="import-confirm"]').attributes('disabled')).toBeDefined()
    expect(useUserDataStore().batches).toEqual([])
    wrapper.unmount()
  })

  it('imports a clean file as one batch that can be undone', async () => {
    const wrapper = mountView()
    await choose(wrapper, '统计.csv', '指标,地区,时间,数值\nactivities,鄄城,2024年12月,"1,200"\nactivities,鄄城,2024年11月,约900\n')
    expect(wrapper.get('[data-testid="import-summary"]').text()).toContain('2 行可导入')
    await wrapper.get('[data-testid="import-confirm"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="import-done"]').text()).toContain('已导入 2 行（统计.csv）')
    expect(useDatasetStore().dataset.observations.filter((o) => o.period.startsWith('2024-1'))).toHaveLength(2)
    expect(wrapper.get('[data-testid="import-history"]').text()).toContain('统计.csv')
    await wrapper.get('[data-testid="import-history"] li button').trigger('click')
    await flushPromises()
    expect(useUserDataStore().batches).toEqual([])
    wrapper.unmount()
  })

  it('asks which column is which when the header is unknown', async () => {
    const wrapper = mountView()
    await choose(wrapper, 'b.csv', '项目名,县,年度,数\nactivities,鄄城,2024,5\n')
    const mapping = wrapper.get('[data-testid="import-mapping"]')
    for (const [field, column] of [['metric', '0'], ['region', '1'], ['period', '2'], ['value', '3']]) await mapping.get(`select[data-field="${field}"]`).setValue(column)
    await mapping.get('button').trigger('click')
    for (let i = 0; i < 3; i++) await flushPromises()
    expect(wrapper.get('[data-testid="import-summary"]').text()).toContain('1 行可导入')
    wrapper.unmount()
  })

  it('creates an unknown metric after confirmation, with its unit', async () => {
    const wrapper = mountView()
    await choose(wrapper, 'c.csv', '指标,地区,时间,数值,单位\n网格员人数,鄄城,2024,120,人\n')
    const form = wrapper.get('[data-testid="import-metrics"]')
    expect((form.get('input').element as HTMLInputElement).value).toBe('网格员人数')
    await form.get('button').trigger('click')
    for (let i = 0; i < 3; i++) await flushPromises()
    expect(wrapper.get('[data-testid="import-summary"]').text()).toContain('1 行可导入')
    expect(wrapper.get('[data-testid="import-preview"]').text()).toContain('120人')
    wrapper.unmount()
  })
})

describe('QualityPanel', () => {
  it('shows both sides of a conflict with their sources and links to the rows', async () => {
    const data = useDatasetStore()
    const figure = data.dataset.observations[0]
    data.base = { ...data.base, sources: [...data.base.sources, { ...data.base.sources[0], id: 'r2', title: '县统计' }], observations: [...data.base.observations, { ...figure, value: 70, source: 'r2' }] }
    const wrapper = mountView()
    useFiltersStore().from = '2026'
    const conflicts = wrapper.get('[data-testid="quality-panel"] [data-kind="conflict"]')
    expect(conflicts.text()).toContain('66.1%（2025年1月，报道）')
    expect(conflicts.text()).toContain('70%（2025年1月，县统计）')
    await conflicts.get('button').trigger('click')
    const filters = useFiltersStore()
    expect([filters.view, filters.metric, filters.regions]).toEqual(['trend', figure.metric, [figure.region]])
    expect(filters.from).toBeNull()
    wrapper.unmount()
  })
})
