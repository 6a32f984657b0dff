import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import ExportMenu from '@/components/export/ExportMenu.vue'
import ExportViewMenu from '@/components/export/ExportViewMenu.vue'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { trendExport } from '@/export/viewExport'
import { exportData, query, COVERAGE, REGIONS, SOURCE, sampleObservations } from './builders'

// Canvas capture needs a real browser (tests/e2e/export.test.ts); here it is a stub that records what it was asked.
const browser = vi.hoisted(() => ({
  capturePng: vi.fn(async () => new Blob(['png'], { type: 'image/png' })),
  captureSvg: vi.fn(async () => new Blob(['<svg/>'], { type: 'image/svg+xml' })),
  copyPng: vi.fn(async () => {}),
  download: vi.fn(),
}))
vi.mock('@/export/browser', () => browser)

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  Object.values(browser).forEach((f) => f.mockClear())
})

const mountWith = (component: unknown, props: Record<string, unknown>) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper mounts both menus
  mount(component as any, { props, global: { plugins: [pinia, createAppI18n()] } })

describe('ExportMenu', () => {
  const chart = () => trendExport(exportData(), query())

  it('downloads a 2× PNG named after place, metric and years', async () => {
    const wrapper = mountWith(ExportMenu, { chart })
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['PNG 图片（2倍）', 'PNG 图片（1倍）', 'PNG 图片（3倍）', 'SVG 矢量图', '复制 PNG 到剪贴板'])
    await wrapper.find('[data-testid="export-png-2"]').trigger('click')
    await flushPromises()
    expect(browser.capturePng).toHaveBeenCalledWith(expect.objectContaining({ backgroundColor: '#fff' }), 2, 'zh')
    expect(browser.download).toHaveBeenCalledWith(expect.any(Blob), '鄄城县+牡丹区_党组织覆盖率_2024-2025.png')
  })

  it('offers SVG and copy, and says when the image is on the clipboard', async () => {
    const wrapper = mountWith(ExportMenu, { chart })
    await wrapper.find('[data-testid="export-svg"]').trigger('click')
    await flushPromises()
    expect(browser.download).toHaveBeenCalledWith(expect.any(Blob), '鄄城县+牡丹区_党组织覆盖率_2024-2025.svg')
    await wrapper.find('[data-testid="export-copy"]').trigger('click')
    await flushPromises()
    expect(browser.copyPng).toHaveBeenCalled()
    expect(wrapper.find('[role="status"]').text()).toContain('图片已复制')
  })

  it('puts the paragraph under the chart into the PNG and SVG when 图下附文字说明 is ticked', async () => {
    const wrapper = mountWith(ExportMenu, { chart })
    const captionOf = (call: unknown[]) => ((call[0] as { title: { text: string }[] }).title.map((t) => t.text))
    const paragraph = '2025年，2个县区中鄄城县最高（66.1%），牡丹区最低（58%以上）；与上年相比，2个上升。'
    await wrapper.find('[data-testid="export-png-2"]').trigger('click')
    await flushPromises()
    expect(captionOf(browser.capturePng.mock.calls[0])).not.toContain(paragraph)
    await wrapper.find('[data-testid="export-caption"]').setValue(true)
    await wrapper.find('[data-testid="export-png-2"]').trigger('click')
    await flushPromises()
    await wrapper.find('[data-testid="export-svg"]').trigger('click')
    await flushPromises()
    expect(captionOf(browser.capturePng.mock.calls[1])).toContain(paragraph)
    expect(captionOf(browser.captureSvg.mock.calls[0])).toContain(paragraph)
  })

  it('reports a failed capture instead of failing silently', async () => {
    browser.capturePng.mockRejectedValueOnce(new Error('画布过大'))
    const wrapper = mountWith(ExportMenu, { chart })
    await wrapper.find('[data-testid="export-png-3"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="status"]').text()).toBe('导出失败：画布过大')
  })
})

describe('ExportViewMenu', () => {
  beforeEach(() => {
    useDatasetStore().base = { regions: REGIONS, metrics: [COVERAGE], sources: [SOURCE], observations: sampleObservations(), reports: {} }
    Object.assign(useFiltersStore(), { metric: 'coverage', regions: ['371726'] })
  })

  it('downloads a CSV of the figures shown, with BOM, named after the filters', async () => {
    const wrapper = mountWith(ExportViewMenu, { charts: () => [] })
    expect(wrapper.find('[data-testid="export-zip"]').exists()).toBe(false)
    await wrapper.find('[data-testid="export-csv"]').trigger('click')
    // The export code is loaded on the first click, a few ticks later.
    await vi.waitFor(() => expect(browser.download).toHaveBeenCalled())
    const [csv, name] = browser.download.mock.calls[0] as unknown as [string, string]
    expect(name).toBe('鄄城县_党组织覆盖率_2024-2025.csv')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toContain('66.1')
    expect(csv).not.toContain('牡丹区')
  })

  it('zips a 2× PNG of every chart of the view', async () => {
    const charts = () => [trendExport(exportData(), query()), trendExport(exportData(), query())]
    const wrapper = mountWith(ExportViewMenu, { charts })
    await wrapper.find('[data-testid="export-zip"]').trigger('click')
    // JSZip finishes on a later tick than flushPromises waits for.
    await vi.waitFor(() => expect(browser.download).toHaveBeenCalled())
    expect(browser.capturePng).toHaveBeenCalledTimes(2)
    const [zip, name] = browser.download.mock.calls[0] as unknown as [Uint8Array, string]
    expect(name).toBe('鄄城县_党组织覆盖率_2024-2025.zip')
    expect(zip[0]).toBe(0x50) // "PK"
  })
})
