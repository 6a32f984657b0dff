import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import DataBanner from '@/components/data/DataBanner.vue'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})

/** The link notice's text, once its part has loaded. */
async function noticeOf(locale: 'zh-CN' | 'en'): Promise<string> {
  const wrapper = mount(DataBanner, { global: { plugins: [pinia, createAppI18n(locale)] } })
  await flushPromises()
  await vi.waitFor(() => expect(wrapper.find('[data-testid=link-notice]').exists()).toBe(true))
  return wrapper.find('[data-testid=link-notice]').text()
}

describe('DataBanner', () => {
  it('says in words which parts of a bad link were ignored, not raw keys', async () => {
    useFiltersStore().dropped = ['metric=nonexistent', 'regions=371799', 'from=2024-13']
    const text = await noticeOf('zh-CN')
    expect(text).toContain('未知指标「nonexistent」已忽略')
    expect(text).toContain('未知地区代码「371799」已忽略')
    expect(text).toContain('起始时间「2024-13」无法识别')
    expect(text).not.toContain('metric=')
  })

  it('says in words which of the view keys it did not understand', async () => {
    useFiltersStore().dropped = ['lang=fr', 'table=pivot', 'sort=colour', 'figure=m~1~2024~s']
    const text = await noticeOf('en')
    expect(text).toContain('language “fr” not understood, ignored')
    expect(text).toContain('table form “pivot” not understood')
    expect(text).toContain('sort “colour” not understood')
    expect(text).toContain('figure “m~1~2024~s” not found')
    expect(text).not.toContain('sort=')
  })

  it('counts a package’s problems and lists them, once its part has loaded', async () => {
    useDatasetStore().messages = [{ level: 'error', file: 'observations.csv', line: 3, message: 'value is not a number' }, { level: 'warning', file: 'regions.csv', line: 1, message: 'unknown column x is ignored' }]
    const wrapper = mount(DataBanner, { global: { plugins: [pinia, createAppI18n()] } })
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.find('[data-testid=data-banner]').exists()).toBe(true))
    expect(wrapper.text()).toContain('数据包有 1 个错误、1 个提示')
    expect(wrapper.text()).toContain('observations.csv:3: value is not a number')
  })
})
