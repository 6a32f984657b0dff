import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { validatePackage } from '@/data/validate'
import { obs } from '@/domain/synthesize'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { useFocusStore } from '@/stores/focus'
import TableObservations from '@/components/table/TableObservations.vue'
import ViewSources from '@/views/ViewSources.vue'
import ViewTable from '@/views/ViewTable.vue'
import { fixturePackage } from '../fixtures/package'

let pinia: ReturnType<typeof createPinia>

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  useDatasetStore().base = validatePackage(fixturePackage()).dataset
})

const mountView = (component: typeof ViewTable) => mount(component, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
const cells = (wrapper: ReturnType<typeof mountView>, column: number) => wrapper.findAll('tbody tr').map((r) => r.findAll('td')[column].text())

describe('ViewTable', () => {
  it('lists every metric of the selection with qualifier, unit and source', () => {
    const wrapper = mountView(ViewTable)
    expect(cells(wrapper, 0)).toEqual(['coverage_rate', 'activities'])
    const row = wrapper.findAll('tbody tr')[1].text()
    expect(row).toContain('鄄城县')
    expect(row).toContain('≥500')
    expect(row).toContain('次')
    expect(row).toContain('报道')
  })

  it('sorts by a column header, then reverses, announcing the order', async () => {
    const wrapper = mountView(ViewTable)
    await wrapper.find('button[data-sort=value]').trigger('click')
    expect(cells(wrapper, 3)).toEqual(['66.1', '≥500'])
    expect(wrapper.find('th[aria-sort=ascending]').text()).toContain('数值')
    await wrapper.find('button[data-sort=value]').trigger('click')
    expect(cells(wrapper, 3)).toEqual(['≥500', '66.1'])
    expect(wrapper.find('th[aria-sort=descending]').exists()).toBe(true)
  })

  it('keeps its form and sort in the filters (and so in the link), a default sort as none', async () => {
    const filters = useFiltersStore()
    const wrapper = mountView(ViewTable)
    await wrapper.find('button[data-sort=value]').trigger('click')
    await wrapper.find('button[data-sort=value]').trigger('click')
    expect(filters.sort).toEqual({ key: 'value', dir: 'desc' })
    await wrapper.find('[data-testid=table-mode-wide]').setValue(true)
    expect(filters.table).toBe('wide')
    expect(filters.sort).toBeNull()
    await wrapper.find('[data-testid=wide-table] button[data-sort=change]').trigger('click')
    expect(filters.sort).toEqual({ key: 'change', dir: 'desc' })
    await wrapper.find('[data-testid=wide-table] button[data-sort=region]').trigger('click')
    expect(filters.sort).toBeNull()
  })

  it('shows the form and sort a link gives', async () => {
    const filters = useFiltersStore()
    filters.table = 'wide'
    filters.sort = { key: 'end', dir: 'asc' }
    const wrapper = mountView(ViewTable)
    await flushPromises()
    expect((wrapper.find('[data-testid=table-mode-wide]').element as HTMLInputElement).checked).toBe(true)
    expect(wrapper.find('th[aria-sort=ascending] button').attributes('data-sort')).toBe('end')
  })

  it('keeps to the regions chosen in the filters', async () => {
    useFiltersStore().regions = ['371726']
    const wrapper = mountView(ViewTable)
    await flushPromises()
    expect(cells(wrapper, 1)).toEqual(['鄄城县'])
  })

  it('shows a large table one page at a time', async () => {
    const data = useDatasetStore()
    const many = Array.from({ length: 450 }, (_, i) => obs('371726', `${1900 + i}`, i, { metric: 'activities', source: 'r1', quote: '500余次' }))
    data.base = { ...data.dataset, observations: many }
    const wrapper = mountView(ViewTable)
    expect(wrapper.findAll('tbody tr')).toHaveLength(200)
    expect(wrapper.text()).toContain('第 1 / 3 页')
    await wrapper.find('[data-testid=table-next]').trigger('click')
    expect(wrapper.text()).toContain('第 2 / 3 页')
    expect(cells(wrapper, 2)[0]).toBe('2100年')
  })

  it('opens a row’s source in the 来源 view at that figure', async () => {
    const wrapper = mountView(ViewTable)
    await wrapper.findAll('tbody tr')[1].find('button').trigger('click')
    expect(useFiltersStore().view).toBe('sources')
    expect(useFocusStore().observation).toMatchObject({ metric: 'activities', region: '371726' })
  })
})

describe('TableObservations', () => {
  it('renders one page of a large trend, counting every figure', async () => {
    const data = useDatasetStore()
    data.base = { ...data.dataset, observations: Array.from({ length: 450 }, (_, i) => obs('371726', `${1900 + i}`, i, { metric: 'activities', source: 'r1' })) }
    useFiltersStore().metric = 'activities'
    const wrapper = mountView(TableObservations)
    expect(wrapper.findAll('tbody tr')).toHaveLength(50)
    expect(wrapper.text()).toContain('共 450 条')
    await wrapper.find('[data-testid=table-next]').trigger('click')
    expect(wrapper.find('tbody tr').text()).toContain('1950年')
  })
})

describe('ViewSources', () => {
  it('highlights each figure’s quote in the report text, with metric, region and period on hover', () => {
    const wrapper = mountView(ViewSources)
    const marks = wrapper.findAll('mark')
    expect(marks.map((m) => m.text())).toEqual(['覆盖率已达66.1%', '500余次'])
    expect(marks[1].attributes('title')).toBe('activities｜鄄城县｜2022年—2025年1月｜≥500次')
    expect(wrapper.find('[data-testid=report-text]').text()).toBe('目前，全市行业协会商会党组织覆盖率已达66.1%。鄄城县累计开展活动500余次。')
  })

  it('filters the dashboard to a highlight’s metric and region and shows its trend', async () => {
    const wrapper = mountView(ViewSources)
    await wrapper.findAll('mark')[1].trigger('click')
    expect(useFiltersStore().query).toMatchObject({ view: 'trend', metric: 'activities', regions: ['371726'] })
  })

  it('drops the figure from focus when another source is picked, so the link does not name it', async () => {
    const focus = useFocusStore()
    const filters = useFiltersStore()
    focus.open(useDatasetStore().dataset.observations[1])
    expect(filters.figure).toBe('activities~371726~2022/2025-01~r1')
    expect(focus.source).toBe('r1')
    focus.choose('other')
    expect(filters.figure).toBeNull()
    expect(focus.source).toBe('other')
    expect(filters.source).toBe('other')
  })

  it('drops a linked figure the data does not hold, saying so, and shows the source list', async () => {
    const filters = useFiltersStore()
    filters.figure = 'activities~371726~2030~r1'
    mountView(ViewSources)
    await flushPromises()
    expect(filters.figure).toBeNull()
    expect(filters.dropped).toEqual(['figure=activities~371726~2030~r1'])
  })

  it('lands on the figure a table row opened', () => {
    useFocusStore().open(useDatasetStore().dataset.observations[1])
    const wrapper = mountView(ViewSources)
    expect(wrapper.find('mark.sources-reader__mark--focused').text()).toBe('500余次')
  })

  it('renders markup in a report as text', () => {
    const data = useDatasetStore()
    data.base = { ...data.dataset, reports: { r1: '<script>alert(1)</script><b>覆盖率已达66.1%</b>' } }
    const wrapper = mountView(ViewSources)
    expect(wrapper.find('[data-testid=report-text] script').exists()).toBe(false)
    expect(wrapper.find('[data-testid=report-text] b').exists()).toBe(false)
    expect(wrapper.find('[data-testid=report-text]').text()).toContain('<script>alert(1)</script>')
    expect(wrapper.text()).toContain('1 个数字的引文未在原文中找到')
  })
})
