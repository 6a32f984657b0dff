import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import DataBanner from '@/components/data/DataBanner.vue'
import { createAppI18n } from '@/i18n'
import { useFiltersStore } from '@/stores/filters'

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})

describe('DataBanner', () => {
  it('says in words which parts of a bad link were ignored, not raw keys', () => {
    useFiltersStore().dropped = ['metric=nonexistent', 'regions=371799', 'from=2024-13']
    const text = mount(DataBanner, { global: { plugins: [pinia, createAppI18n()] } }).find('[data-testid=link-notice]').text()
    expect(text).toContain('未知指标「nonexistent」已忽略')
    expect(text).toContain('未知地区代码「371799」已忽略')
    expect(text).toContain('起始时间「2024-13」无法识别')
    expect(text).not.toContain('metric=')
  })

  it('says in words which of the view keys it did not understand', () => {
    useFiltersStore().dropped = ['lang=fr', 'table=pivot', 'sort=colour', 'figure=m~1~2024~s']
    const text = mount(DataBanner, { global: { plugins: [pinia, createAppI18n('en')] } }).find('[data-testid=link-notice]').text()
    expect(text).toContain('language “fr” not understood, ignored')
    expect(text).toContain('table form “pivot” not understood')
    expect(text).toContain('sort “colour” not understood')
    expect(text).toContain('figure “m~1~2024~s” not found')
    expect(text).not.toContain('sort=')
  })
})
