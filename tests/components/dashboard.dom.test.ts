import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, beforeEach } from 'vitest'
import ChartTrend from '@/components/chart/ChartTrend.vue'
import TableObservations from '@/components/table/TableObservations.vue'
import FilterRegions from '@/components/filter/FilterRegions.vue'
import AppDecalToggle from '@/components/app/AppDecalToggle.vue'
import { registerZoomParts } from '@/charts/echarts'
import { useSvgRenderer } from '@/charts/echartsSvg'
import { validatePackage } from '@/data/validate'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { SYNTHETIC_METRICS, synthesizeObservations, synthesizeRegions } from '@/domain/synthesize'
import { fixturePackage } from '../fixtures/package'

useSvgRenderer()
// The trend chart mounts once its zoom parts are registered; have them ready, as the app does at start.
await registerZoomParts()
let pinia: ReturnType<typeof createPinia>

beforeEach(() => {
  localStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  useDatasetStore().base = validatePackage(fixturePackage()).dataset
})

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper mounts components with different props
const mountWith = (component: any, props: Record<string, unknown> = {}) =>
  mount(component, { props, global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })

describe('ChartTrend', () => {
  it('draws 鄄城县’s line, and only it, after filtering to 鄄城县', async () => {
    const data = useDatasetStore()
    const cityFigure = { ...data.dataset.observations[1], region: '371700', value: 800, qualifier: '=' as const }
    data.base = { ...data.dataset, observations: [...data.dataset.observations, cityFigure] }
    const filters = useFiltersStore()
    filters.metric = 'activities'
    const wrapper = mountWith(ChartTrend, { initOptions: { renderer: 'svg', width: 800, height: 400 } })
    await flushPromises()
    expect(wrapper.find('svg').text()).toContain('菏泽市')
    filters.regions = ['371726']
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    const text = wrapper.find('svg').text()
    expect(text).toContain('鄄城县')
    expect(text).not.toContain('菏泽市')
    expect(wrapper.text()).toContain('空心点为非精确值')
    wrapper.unmount()
  })

  it('draws the twelve regions with the largest latest figures, and says so, when nothing is selected among many', async () => {
    useDatasetStore().base = { regions: synthesizeRegions(20), metrics: [...SYNTHETIC_METRICS], sources: [], observations: synthesizeObservations({ regions: 20, periods: 6, seed: 2 }), reports: {} }
    useFiltersStore().metric = 'org_count'
    const wrapper = mountWith(ChartTrend, { initOptions: { renderer: 'svg', width: 800, height: 400 } })
    await flushPromises()
    expect(wrapper.find('[data-testid=trend-capped]').text()).toContain('共 20 个地区有数据，图中为最新值最大的 12 个')
    const legend = synthesizeRegions(20).slice(1).map((r) => r.name).filter((name) => wrapper.find('svg').text().includes(name))
    expect(legend).toHaveLength(12)
    useFiltersStore().regions = synthesizeRegions(20).slice(1, 15).map((r) => r.code)
    await flushPromises()
    expect(wrapper.find('[data-testid=trend-capped]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('tells screen readers what the chart shows: the metric and each line’s latest figure', async () => {
    useFiltersStore().metric = 'coverage_rate'
    const wrapper = mountWith(ChartTrend, { initOptions: { renderer: 'svg', width: 800, height: 400 } })
    await flushPromises()
    const chart = wrapper.find('[data-testid=trend-chart]')
    expect(chart.attributes('role')).toBe('img')
    expect(chart.attributes('aria-label')).toBe('coverage_rate趋势图。各地区最新值：菏泽市 66.1%（2025年1月）。')
    wrapper.unmount()
  })

  it('names each selected region in the legend, even one without figures', async () => {
    const filters = useFiltersStore()
    filters.metric = 'coverage_rate'
    filters.regions = ['371700', '371726']
    const wrapper = mountWith(ChartTrend, { initOptions: { renderer: 'svg', width: 800, height: 400 } })
    await flushPromises()
    const text = wrapper.find('svg').text()
    expect(text).toContain('菏泽市')
    expect(text).toContain('鄄城县')
    wrapper.unmount()
  })
})

describe('TableObservations', () => {
  it('lists the figure with its qualifier, period and exact quote', async () => {
    useFiltersStore().metric = 'activities'
    const wrapper = mountWith(TableObservations)
    await flushPromises()
    const row = wrapper.find('tbody tr').text()
    expect(row).toContain('鄄城县')
    expect(row).toContain('≥500次')
    expect(row).toContain('2022年—2025年1月')
    expect(row).toContain('500余次')
  })

  it('renders markup in data as text, never as HTML', async () => {
    const data = useDatasetStore()
    data.base = { ...data.dataset, regions: data.dataset.regions.map((r) => (r.code === '371726' ? { ...r, name: '<img src=x onerror=alert(1)>' } : r)) }
    useFiltersStore().metric = 'activities'
    const wrapper = mountWith(TableObservations)
    await flushPromises()
    expect(wrapper.find('tbody img').exists()).toBe(false)
    expect(wrapper.find('tbody').text()).toContain('<img src=x onerror=alert(1)>')
  })
})

describe('FilterRegions', () => {
  it('selects a county by its accessible checkbox and offers counties by code', async () => {
    const wrapper = mountWith(FilterRegions)
    const boxes = wrapper.findAll('input[type=checkbox]')
    expect(boxes.map((b) => b.attributes('data-code'))).toEqual(['371700', '371726'])
    await wrapper.find('input[data-code="371726"]').setValue(true)
    expect(useFiltersStore().regions).toEqual(['371726'])
    expect(wrapper.find('label:has(input[data-code="371726"])').text()).toBe('鄄城县')
  })
})

describe('AppDecalToggle', () => {
  it('draws dashed lines for printing once patterns are switched on, and remembers the choice', async () => {
    const filters = useFiltersStore()
    filters.metric = 'activities'
    filters.regions = ['371700', '371726']
    const data = useDatasetStore()
    const cityFigures = [2023, 2024].map((year) => ({ ...data.dataset.observations[1], region: '371700', period: String(year), value: year - 1900, qualifier: '=' as const }))
    const ownFigure = { ...data.dataset.observations[1], period: '2023' }
    data.base = { ...data.dataset, observations: [...data.dataset.observations, ownFigure, ...cityFigures] }
    const chart = mountWith(ChartTrend, { initOptions: { renderer: 'svg', width: 800, height: 400 } })
    const toggle = mountWith(AppDecalToggle)
    await flushPromises()
    expect(chart.find('svg').html()).not.toContain('stroke-dasharray')
    await toggle.find('input[data-testid=decal-toggle]').setValue(true)
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    expect(chart.find('svg').html()).toContain('stroke-dasharray')
    expect(localStorage.getItem('heze-dashboard:decal')).toBe('true')
    chart.unmount()
    toggle.unmount()
  })
})
