import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { expect, it, vi } from 'vitest'
import VChart from 'vue-echarts'
import { useSvgRenderer } from '@/charts/echartsSvg'
import ChartTrend from '@/components/chart/ChartTrend.vue'
import { validatePackage } from '@/data/validate'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { viewPackage } from '../fixtures/package'

// The zoom's chunk arrives when the test opens the gate, as a slow network would deliver it.
let openGate = () => {}
const gate = new Promise<void>((resolve) => (openGate = resolve))
vi.mock('@/charts/echarts', async (original) => {
  const real = await original<typeof import('@/charts/echarts')>()
  return { ...real, registerZoomParts: () => gate.then(real.registerZoomParts) }
})

useSvgRenderer()

it('draws a one-period chart without waiting for the zoom, and lines over time with it', async () => {
  const pinia = createPinia()
  setActivePinia(pinia)
  useDatasetStore().base = validatePackage(viewPackage()).dataset
  const filters = useFiltersStore()
  filters.metric = 'coverage_rate'
  const wrapper = mount(ChartTrend, { props: { initOptions: { renderer: 'svg', width: 800, height: 400 } }, global: { plugins: [pinia, createAppI18n()] } })
  const chart = () => wrapper.findComponent(VChart)
  await flushPromises()
  // One period (菏泽市, 2025年1月): drawn at once, no slider.
  expect(chart().exists()).toBe(true)
  expect(wrapper.find('svg').text()).toContain('菏泽市')
  expect(chart().props('option')!.dataZoom).toBeUndefined()

  // Figures over two months: the chart waits for the zoom, then is drawn with it.
  filters.metric = 'activities'
  await flushPromises()
  expect(chart().exists()).toBe(false)
  openGate()
  await vi.waitFor(() => expect(chart().exists()).toBe(true), { timeout: 10_000 })
  expect((chart().props('option')!.dataZoom as { type: string }[]).map((z) => z.type)).toEqual(['inside', 'slider'])
  await flushPromises()
  expect(wrapper.find('svg').text()).toContain('牡丹区')

  // Back to one period: the chart keeps its zoom parts (it is not made again) and shows no slider.
  const uid = chart().vm.$.uid
  filters.metric = 'coverage_rate'
  await flushPromises()
  expect(chart().vm.$.uid).toBe(uid)
  expect(chart().props('option')!.dataZoom).toBeUndefined()
  wrapper.unmount()
})
