import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import VChart from 'vue-echarts'
import { useSvgRenderer } from '@/charts/echartsSvg'
import { loadExportParts } from '@/components/export/useViewExport'
import { validatePackage } from '@/data/validate'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import ViewCompare from '@/views/ViewCompare.vue'
import ViewMap from '@/views/ViewMap.vue'
import ViewOverview from '@/views/ViewOverview.vue'
import ViewTable from '@/views/ViewTable.vue'
import { viewPackage } from '../fixtures/package'

useSvgRenderer()
let pinia: ReturnType<typeof createPinia>
const initOptions = { renderer: 'svg', width: 800, height: 500 }

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  useDatasetStore().base = validatePackage(viewPackage()).dataset
})

afterEach(() => vi.unstubAllGlobals())

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper mounts components with different props
const mountWith = (component: any, props: Record<string, unknown> = {}) =>
  mount(component, { props, global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })

/** Waits until the lazily registered chart has drawn its SVG, then for pending updates. */
async function chartSvg(wrapper: ReturnType<typeof mountWith>, testId: string): Promise<string> {
  await vi.waitFor(() => expect(wrapper.find(`[data-testid=${testId}] svg`).exists()).toBe(true), { timeout: 10_000 })
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  return wrapper.find(`[data-testid=${testId}] svg`).text()
}

describe('ViewOverview', () => {
  it('shows the latest figure of each metric with its change, and opens the trend on a card click', async () => {
    useFiltersStore().regions = ['371702']
    const wrapper = mountWith(ViewOverview)
    await flushPromises()
    const card = wrapper.find('[data-metric="activities"]')
    expect(card.text()).toContain('360次')
    expect(card.text()).toContain('2025年1月')
    expect(card.text()).toContain('较2024年12月 +60次（+20%）')
    expect(card.find('svg path').exists()).toBe(true)
    await card.trigger('click')
    expect(useFiltersStore().view).toBe('trend')
    expect(useFiltersStore().metric).toBe('activities')
  })

  it('groups the cards under their metric category', async () => {
    const data = useDatasetStore()
    const metrics = data.base.metrics.map((m) => (m.id === 'activities' ? { ...m, category: '志愿服务' } : m))
    data.base = { ...data.base, metrics }
    const wrapper = mountWith(ViewOverview)
    await flushPromises()
    const groups = wrapper.findAll('.view-overview__category')
    expect(groups.map((g) => g.find('h3').text())).toEqual(['测试', '志愿服务'])
    expect(groups[1].find('[data-metric="activities"]').exists()).toBe(true)
    expect(groups[0].find('[data-metric="activities"]').exists()).toBe(false)
  })

  it('marks 500余次 as a lower bound', async () => {
    useFiltersStore().regions = ['371726']
    const wrapper = mountWith(ViewOverview)
    await flushPromises()
    expect(wrapper.find('[data-metric="activities"]').text()).toContain('≥500次')
  })
})

describe('ViewCompare', () => {
  it('ranks the counties and lists those without a figure as 无数据', async () => {
    useFiltersStore().metric = 'activities'
    const wrapper = mountWith(ViewCompare, { initOptions })
    const svg = await chartSvg(wrapper, 'compare-chart')
    expect(svg.indexOf('牡丹区')).toBeLessThan(svg.indexOf('菏泽经济技术开发区'))
    expect(svg).toContain('360次')
    expect(svg).toContain('无数据')
    expect(wrapper.find('[data-testid=compare-missing]').text()).toContain('鄄城县')
    wrapper.unmount()
  })

  it('compares at an earlier period picked on the timeline', async () => {
    useFiltersStore().metric = 'activities'
    const wrapper = mountWith(ViewCompare, { initOptions })
    expect(await chartSvg(wrapper, 'compare-chart')).toContain('360次')
    expect(wrapper.find('[data-testid=period-now]').text()).toBe('2025年1月（最新）')
    await wrapper.find('[data-testid=period-slider]').setValue('0')
    expect(wrapper.find('[data-testid=period-now]').text()).toBe('2024年12月')
    expect(await chartSvg(wrapper, 'compare-chart')).toContain('300次')
    expect(useFiltersStore().at).toBe('2024-12')
    wrapper.unmount()
  })

  it('frames the chart as its export does: title, places and period, unit, sources and the 演示数据 mark', async () => {
    await loadExportParts()
    Object.assign(useFiltersStore(), { metric: 'activities', data: 'demo' })
    const wrapper = mountWith(ViewCompare, { initOptions })
    await chartSvg(wrapper, 'compare-chart')
    const frame = wrapper.find('[data-testid=chart-frame]')
    expect(frame.find('h3').text()).toBe('activities')
    expect(frame.text()).toContain('全部地区 · 2025年1月')
    expect(frame.text()).toContain('单位：次')
    expect(frame.text()).toContain('演示数据')
    expect(frame.find('figcaption').text()).toMatch(/^数据来源：/)
    wrapper.unmount()
  })

  it('compares at the latest period within 起始/截止, not the latest of all', async () => {
    Object.assign(useFiltersStore(), { metric: 'activities', to: '2024-12' })
    const wrapper = mountWith(ViewCompare, { initOptions })
    const svg = await chartSvg(wrapper, 'compare-chart')
    expect(svg).toContain('300次')
    expect(svg).not.toContain('360次')
    expect(wrapper.find('[data-testid=period-now]').text()).toBe('2024年12月（最新）')
    expect(wrapper.find('[data-testid=period-slider]').attributes('max')).toBe('0')
    wrapper.unmount()
  })

  it('plays through the periods within the range, a step a second, and stops at the latest', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      useFiltersStore().metric = 'activities'
      const wrapper = mountWith(ViewCompare, { initOptions })
      await chartSvg(wrapper, 'compare-chart')
      await wrapper.find('[data-testid=period-play]').trigger('click')
      expect(useFiltersStore().at).toBe('2024-12')
      const seen: (string | null)[] = []
      for (let i = 0; i < 3; i++) {
        vi.advanceTimersByTime(1000)
        await flushPromises()
        seen.push(useFiltersStore().at)
      }
      expect(seen).toEqual(['2022/2025-01', '2025-01', '2025-01'])
      expect(wrapper.find('[data-testid=period-play]').attributes('aria-pressed')).toBe('false')
      wrapper.unmount()
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('ViewMap', () => {
  it('draws the counties from data/geo, lists the zone beside the map, and toggles a clicked county in the filter', async () => {
    const geoDir = resolve(import.meta.dirname, '../../data/geo')
    vi.stubGlobal('fetch', async (url: string | URL) => new Response(readFileSync(resolve(geoDir, String(url).split('/').pop()!), 'utf8')))
    useFiltersStore().metric = 'activities'
    const wrapper = mountWith(ViewMap, { initOptions })
    const svg = await chartSvg(wrapper, 'map-chart')
    expect(svg).toContain('牡丹区')
    // On the map, or in the frame around it once the export code is here.
    expect(wrapper.text() + svg).toContain('示意图')
    expect(wrapper.find('[data-testid=map-zones]').text()).toContain('菏泽经济技术开发区')
    expect(wrapper.find('[data-testid=map-zones]').text()).toContain('120次')
    const chart = wrapper.findComponent(VChart)
    chart.vm.$emit('click', { componentSubType: 'map', name: '371702' })
    expect(useFiltersStore().regions).toEqual(['371702'])
    chart.vm.$emit('click', { componentSubType: 'map', name: '371702' })
    expect(useFiltersStore().regions).toEqual([])
    wrapper.unmount()
  })

  it('draws the latest period within 起始/截止 and the one named by at=', async () => {
    const geoDir = resolve(import.meta.dirname, '../../data/geo')
    vi.stubGlobal('fetch', async (url: string | URL) => new Response(readFileSync(resolve(geoDir, String(url).split('/').pop()!), 'utf8')))
    await loadExportParts()
    Object.assign(useFiltersStore(), { metric: 'activities', from: '2024-01', to: '2024-12' })
    const wrapper = mountWith(ViewMap, { initOptions })
    await chartSvg(wrapper, 'map-chart')
    // The frame, as the export's header, names the period drawn and the base map's note.
    const frame = () => wrapper.find('[data-testid=chart-frame]').text()
    expect(frame()).toContain('2024年12月 · 菏泽市县区示意图 · 示意图')
    expect(wrapper.find('[data-testid=period-now]').text()).toBe('2024年12月（最新）')
    // A period the range leaves out is not drawn, even when a link names it.
    useFiltersStore().at = '2025-01'
    await chartSvg(wrapper, 'map-chart')
    expect(frame()).not.toContain('2025年1月')
    wrapper.unmount()
  })
})

describe('ViewTable in its wide form', () => {
  it('gives each place of the page’s metric a row with its start, end and change, sortable by the change', async () => {
    useFiltersStore().metric = 'activities'
    const wrapper = mountWith(ViewTable)
    await wrapper.find('[data-testid=table-mode-wide]').setValue(true)
    // The wide form follows the page's metric: no second metric selector.
    expect(wrapper.find('[data-testid=table-metric]').exists()).toBe(false)
    const row = wrapper.find('[data-testid=wide-table] tr[data-region="371702"]')
    expect(row.findAll('td').map((c) => c.text())).toEqual(['300次 2024年12月', '360次 2025年1月', '+60次', '+20%'])
    await wrapper.find('[data-testid=wide-table] button[data-sort=change]').trigger('click')
    const regions = wrapper.findAll('[data-testid=wide-table] tbody tr').map((r) => r.attributes('data-region'))
    expect(regions[0]).toBe('371702')
    expect(wrapper.find('[data-testid=wide-table] th[aria-sort=descending]').text()).toContain('变化')
    wrapper.unmount()
  })
})
