import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { expect, it, vi } from 'vitest'
import { chartDrawn } from '@/composables/useFirstChart'
import { validatePackage } from '@/data/validate'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import ViewTrend from '@/views/ViewTrend.vue'
import { fixturePackage } from '../fixtures/package'

// Its own file: the first chart's signal is once per page, and here no chart has been drawn before.
it('shows the chart first, then its export tools and its figures with their sentences', async () => {
  // No chart finishes drawing by itself here (nor does the 3 s fallback fire): the test says when the first one has.
  vi.useFakeTimers({ toFake: ['setTimeout'] })
  const pinia = createPinia()
  setActivePinia(pinia)
  useDatasetStore().base = validatePackage(fixturePackage()).dataset
  useFiltersStore().metric = 'coverage_rate'
  // The chart itself is ChartTrend's tests' business (happy-dom has no canvas): here it only has to be there first.
  const stubs = { ChartTrend: { template: '<figure data-testid="trend-chart" />' } }
  const wrapper = mount(ViewTrend, { global: { plugins: [pinia, createAppI18n()], stubs }, attachTo: document.body })
  await flushPromises()
  expect(wrapper.find('[data-testid=trend-chart]').exists()).toBe(true)
  expect(wrapper.find('[data-testid=export-pptx]').exists()).toBe(false)
  expect(wrapper.text()).not.toContain('覆盖率已达66.1%')

  vi.useRealTimers()
  chartDrawn()
  await vi.waitFor(() => expect(wrapper.find('[data-testid=export-pptx]').exists()).toBe(true), { timeout: 10_000 })
  await vi.waitFor(() => expect(wrapper.text()).toContain('覆盖率已达66.1%'), { timeout: 10_000 })
  wrapper.unmount()
})
