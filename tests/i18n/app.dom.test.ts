import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import AppHeader from '@/components/app/AppHeader.vue'
import { createPageI18n, loadFeatureMessages } from '@/i18n/app'

describe('createPageI18n', () => {
  it('loads English when the user switches to it, then shows it, and Chinese again after switching back', async () => {
    const i18n = createPageI18n()
    const wrapper = mount(AppHeader, { global: { plugins: [createPinia(), i18n] } })
    expect(wrapper.find('h1').text()).toBe('菏泽社会治理指标看板')
    expect(i18n.global.getLocaleMessage('en')).not.toHaveProperty('app')
    await wrapper.find('.app-header__lang').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Heze Community Governance Indicators'))
    expect(document.documentElement.lang).toBe('en')
    expect(wrapper.find('.app-header__lang').text()).toBe('中文')
    await wrapper.find('.app-header__lang').trigger('click')
    await flushPromises()
    expect(wrapper.find('h1').text()).toBe('菏泽社会治理指标看板')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(localStorage.getItem('heze-dashboard:lang')).toBe('zh')
  })

  it('has the first screen’s features at once and a lazy view’s messages once they are loaded', async () => {
    const { global } = createPageI18n()
    expect(global.t('filter2.metric')).toBe('指标')
    expect(global.getLocaleMessage('zh-CN')).not.toHaveProperty('import')
    await loadFeatureMessages(global)
    expect(global.t('import.title')).toBe('导入数据')
    expect(global.t('import.preview.title', { n: 20 })).toBe('预览（前 20 行）')
  })
})
