import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import FilterBar from '@/components/filter/FilterBar.vue'
import FilterMetric from '@/components/filter/FilterMetric.vue'
import FilterRegions from '@/components/filter/FilterRegions.vue'
import { validatePackage } from '@/data/validate'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { EMPTY_QUERY } from '@/domain/dashboardQuery'
import { useFiltersStore } from '@/stores/filters'
import { useDisplayStore } from '@/stores/display'
import { fixturePackage, fixtureTables } from '../fixtures/package'

let pinia: ReturnType<typeof createPinia>

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  const tables = fixtureTables()
  // Listed out of code order: the tree must order by code, not by row or pinyin.
  tables.regions.push(
    { code: '371722', name: '单县', level: 'county', parent: '371700', aliases: '' },
    { code: '371721', name: '曹县', level: 'county', parent: '371700', aliases: '' },
    { code: '371726001', name: '陈王街道', level: 'town', parent: '371726', aliases: '陈王' },
  )
  useDatasetStore().base = validatePackage(fixturePackage({ regions: tables.regions })).dataset
})

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper mounts components with different props
const mountWith = (component: any) => mount(component, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
const codes = (wrapper: ReturnType<typeof mountWith>) => wrapper.findAll('input[type=checkbox][data-code]').map((b) => b.attributes('data-code'))

describe('FilterRegions', () => {
  it('lists counties by code under the open city, so 曹县 comes before 单县', () => {
    expect(codes(mountWith(FilterRegions))).toEqual(['371700', '371721', '371722', '371726'])
  })

  it('names the places in English when the page is in English, and still finds them by their Chinese short form', async () => {
    const text = 'code,name,name_en,level,parent,aliases\n371700,菏泽市,Heze City,city,,菏泽\n371726,鄄城县,Juancheng County,county,371700,鄄城\n'
    useDatasetStore().base = validatePackage(fixturePackage({ regions: text })).dataset
    useDisplayStore().lang = 'en'
    const wrapper = mount(FilterRegions, { global: { plugins: [pinia, createAppI18n('en')] }, attachTo: document.body })
    expect(wrapper.text()).toContain('Juancheng County')
    expect(wrapper.text()).not.toContain('鄄城县')
    await wrapper.find('input[type=search]').setValue('鄄城')
    expect(codes(wrapper)).toContain('371726')
    await wrapper.find('input[data-code="371726"]').setValue(true)
    expect(wrapper.find('.filter-regions__selected').text()).toContain('Juancheng County')
  })

  it('opens a county to show its towns, and says so to assistive technology', async () => {
    const wrapper = mountWith(FilterRegions)
    const open = wrapper.find('button[aria-label="展开鄄城县"]')
    expect(open.attributes('aria-expanded')).toBe('false')
    await open.trigger('click')
    expect(codes(wrapper)).toContain('371726001')
    expect(wrapper.find('button[aria-label="收起鄄城县"]').attributes('aria-expanded')).toBe('true')
  })

  it('finds 鄄城县 by typing 鄄城 and selects it with its checkbox', async () => {
    const wrapper = mountWith(FilterRegions)
    await wrapper.find('input[type=search]').setValue('鄄城')
    expect(codes(wrapper)).toEqual(['371700', '371726'])
    await wrapper.find('input[data-code="371726"]').setValue(true)
    expect(useFiltersStore().regions).toEqual(['371726'])
    expect(wrapper.text()).toContain('已选 1 个：鄄城县')
  })

  it('reaches a town by its name and says when nothing matches', async () => {
    const wrapper = mountWith(FilterRegions)
    await wrapper.find('input[type=search]').setValue('陈王')
    expect(codes(wrapper)).toEqual(['371700', '371726', '371726001'])
    await wrapper.find('input[type=search]').setValue('北京')
    expect(codes(wrapper)).toEqual([])
    expect(wrapper.text()).toContain('没有匹配的地区')
  })
})

describe('FilterMetric', () => {
  it('narrows the metric list by a search and chooses a metric', async () => {
    const wrapper = mountWith(FilterMetric)
    expect(wrapper.findAll('option').map((o) => o.attributes('value'))).toEqual(['coverage_rate', 'activities'])
    await wrapper.find('input[type=search]').setValue('activ')
    expect(wrapper.findAll('option').map((o) => o.attributes('value'))).toEqual(['coverage_rate', 'activities'])
    await wrapper.find('select').setValue('activities')
    expect(useFiltersStore().metric).toBe('activities')
    await wrapper.find('input[type=search]').setValue('zzz')
    expect(wrapper.findAll('option').map((o) => o.attributes('value'))).toEqual(['activities'])
    expect(wrapper.text()).toContain('没有匹配的指标')
  })
})

describe('FilterBar', () => {
  it('resets region, metric and period with the visible button', async () => {
    const filters = useFiltersStore()
    filters.apply({ ...EMPTY_QUERY, view: 'table', metric: 'activities', regions: ['371726'], from: '2024' })
    const wrapper = mountWith(FilterBar)
    await wrapper.find('[data-testid=filter-reset]').trigger('click')
    expect(filters.query).toMatchObject({ view: 'table', metric: null, regions: [], from: null })
  })

  it('switches to the demonstration package and then shows the demo notice', async () => {
    const wrapper = mountWith(FilterBar)
    expect(wrapper.find('[data-testid=demo-notice]').exists()).toBe(false)
    await wrapper.find('[data-testid=demo-switch]').setValue(true)
    expect(useFiltersStore().data).toBe('demo')
    await flushPromises()
    expect(wrapper.find('[data-testid=demo-notice]').text()).toContain('演示数据，非真实统计')
  })

  it('binds the period range to the periods the metric has: two handles that never cross, written on release', async () => {
    const tables = fixtureTables()
    const row = tables.observations[0]
    tables.observations.push({ ...row, period: '2024-11', value: 64 }, { ...row, period: '2024-12', value: 65 })
    useDatasetStore().base = validatePackage(fixturePackage({ observations: tables.observations })).dataset
    const filters = useFiltersStore()
    filters.view = 'trend'
    filters.metric = 'coverage_rate'
    const wrapper = mountWith(FilterBar)
    const [from, to] = [wrapper.find('[data-testid=period-from]'), wrapper.find('[data-testid=period-to]')]
    expect([from.attributes('max'), (from.element as HTMLInputElement).value, (to.element as HTMLInputElement).value]).toEqual(['2', '0', '2'])
    expect(from.attributes('aria-valuetext')).toBe('2024年11月')
    expect(wrapper.find('[data-testid=period-range]').text()).toBe('2024年11月 — 2025年1月')
    // Dragging moves the handle and its words, not the link; letting go writes the range.
    ;(from.element as HTMLInputElement).value = '1'
    await from.trigger('input')
    expect(wrapper.find('[data-testid=period-range]').text()).toBe('2024年12月 — 2025年1月')
    expect(filters.from).toBeNull()
    await from.trigger('change')
    expect([filters.from, filters.to]).toEqual(['2024-12', null])
    // The end cannot be dragged before the start.
    ;(to.element as HTMLInputElement).value = '0'
    await to.trigger('input')
    await to.trigger('change')
    expect([filters.from, filters.to]).toEqual(['2024-12', '2024-12'])
    expect(wrapper.find('[data-testid=period-range]').text()).toBe('2024年12月')
  })
})

describe('FilterBar on each view', () => {
  const shown = (w: ReturnType<typeof mountWith>) => ({
    metric: w.find('[data-testid=metric-select]').exists(),
    period: w.find('[data-testid=period-range]').exists(),
    regions: w.find('[data-testid=region-search]').exists(),
    demo: w.find('[data-testid=demo-switch]').exists(),
  })

  it('shows only the filters the view reads: all on 趋势, the regions on 总览, none but the demo switch on 报告录入', async () => {
    const filters = useFiltersStore()
    filters.view = 'trend'
    const w = mountWith(FilterBar)
    expect(shown(w)).toEqual({ metric: true, period: true, regions: true, demo: true })
    filters.view = 'overview'
    await flushPromises()
    expect(shown(w)).toEqual({ metric: false, period: false, regions: true, demo: true })
    for (const view of ['ingest', 'import', 'sources', 'audit'] as const) {
      filters.view = view
      await flushPromises()
      expect(shown(w), view).toEqual({ metric: false, period: false, regions: false, demo: true })
    }
  })

  it('opens as a sheet from its one-line summary, and Escape closes it and gives the focus back', async () => {
    useFiltersStore().view = 'trend'
    useFiltersStore().regions = ['371726']
    const w = mountWith(FilterBar)
    const toggle = w.find('[data-testid=filter-open]')
    expect(toggle.text()).toContain('鄄城县')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')
    await flushPromises()
    const sheet = w.find('[data-testid=filter-sheet]')
    expect(sheet.classes()).toContain('filter-bar__sheet--open')
    expect(document.activeElement).toBe(sheet.element)
    await sheet.trigger('keydown', { key: 'Escape' })
    expect(sheet.classes()).not.toContain('filter-bar__sheet--open')
    expect(document.activeElement).toBe(toggle.element)
    w.unmount()
  })
})

describe('FilterRegions marks', () => {
  it('says 无数据 beside a place without figures of the metric, itself or below it', async () => {
    const filters = useFiltersStore()
    filters.view = 'trend'
    filters.metric = 'coverage_rate'
    const w = mountWith(FilterRegions)
    const empty = () => w.findAll('[data-testid=region-no-figures]').map((m) => m.element.closest('label')!.querySelector('input')!.dataset.code)
    // Only the city has a coverage rate.
    expect(empty()).toEqual(['371721', '371722', '371726'])
    // 鄄城县 has activities, so the city above it has figures too.
    filters.metric = 'activities'
    await flushPromises()
    expect(empty()).toEqual(['371721', '371722'])
  })
})

describe('FilterRegions with a town in the link', () => {
  it('opens the town’s county so its ticked box is visible', async () => {
    const wrapper = mountWith(FilterRegions)
    expect(codes(wrapper)).not.toContain('371726001')
    useFiltersStore().regions = ['371726001']
    await flushPromises()
    expect(wrapper.find('input[data-code="371726001"]').element).toHaveProperty('checked', true)
  })
})
