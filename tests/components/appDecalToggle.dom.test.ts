import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import AppDecalToggle from '@/components/app/AppDecalToggle.vue'
import { createAppI18n } from '@/i18n'
import { useDisplayStore } from '@/stores/display'

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  localStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
})

describe('AppDecalToggle', () => {
  it('switches print patterns on and remembers the choice on this machine', async () => {
    const wrapper = mount(AppDecalToggle, { global: { plugins: [pinia, createAppI18n()] } })
    await wrapper.find('input').setValue(true)
    expect(useDisplayStore().decal).toBe(true)
    expect(localStorage.getItem('heze-dashboard:decal')).toBe('true')
  })

  it('shows a link’s setting without making it this machine’s choice', () => {
    const display = useDisplayStore()
    display.decal = true
    const wrapper = mount(AppDecalToggle, { global: { plugins: [pinia, createAppI18n()] } })
    expect((wrapper.find('input').element as HTMLInputElement).checked).toBe(true)
    expect(display.rememberedDecal()).toBe(false)
  })
})
