import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import JSZip from 'jszip'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { readReportFile } from '@/composables/useIngest'
import { createAppI18n } from '@/i18n'
import { useDatasetStore } from '@/stores/dataset'
import { useIngestStore } from '@/stores/ingest'
import { useUserDataStore } from '@/stores/userData'
import ViewIngest from '@/views/ViewIngest.vue'
import ViewTable from '@/views/ViewTable.vue'
import { smallGazetteer, smallMetrics } from '../extract/builders'

let pinia: ReturnType<typeof createPinia>

beforeEach(() => {
  // The view asks for data/villages.csv when it opens; there is no server here, so it is simply not there.
  vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 404 })))
  localStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  useDatasetStore().base = { regions: smallGazetteer(), metrics: smallMetrics(), sources: [], observations: [], reports: {} }
})

afterEach(() => vi.unstubAllGlobals())

/** The ingest view with a report pasted and its figures extracted. */
async function extracted(text: string, date = '2025-03'): Promise<VueWrapper> {
  const wrapper = mount(ViewIngest, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
  await wrapper.find('[data-testid=ingest-text]').setValue(text)
  await wrapper.find('[data-testid=ingest-date]').setValue(date)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
  return wrapper
}

const item = (w: VueWrapper, quote: string) => w.findAll('[data-testid=ingest-item]').find((li) => li.find('q').text() === quote)!
const observations = () => useDatasetStore().dataset.observations

describe('ViewIngest', () => {
  it('asks for the period of the starting figure of a change before it can be accepted', async () => {
    const w = await extracted('鄄城县开展志愿服务活动由80次增加到120次。', '2025-03')
    const items = w.findAll('[data-testid=ingest-item]')
    expect(items).toHaveLength(2)
    expect(w.find('[data-testid=ingest-reader]').text()).toBe('鄄城县开展志愿服务活动由80次增加到120次。')
    const before = item(w, '鄄城县开展志愿服务活动由80次')
    expect(before.find('[data-testid=ingest-accept]').attributes('disabled')).toBeDefined()
    await before.find('[data-testid=ingest-period]').setValue('2024-12')
    await before.find('[data-testid=ingest-period]').trigger('change')
    expect(before.find('[data-testid=ingest-accept]').attributes('disabled')).toBeUndefined()
    w.unmount()
  })

  it('tells where a run without a sentence end was read in pieces', async () => {
    const long = '鄄城县开展志愿服务活动' + '社区党组织'.repeat(400) + '开展活动500余次'
    const w = await extracted(`全市共有社会组织4532家。\n${long}。`)
    expect(w.findAll('[data-testid=ingest-note]').map((n) => n.text())).toEqual([
      `原文第 16–${15 + long.length + 1} 字是一段 ${long.length + 1} 字、没有句末标点（。！？；）的文字，已按每 1000 字一段识别：跨段的数字可能漏识或识别不全，请对照原文核对。`,
    ])
    w.unmount()
  })

  it('says from where a report with too many figures was not read', async () => {
    const w = await extracted('全市共有社会组织4532家。')
    useIngestStore().notes = [{ kind: 'too-many-figures', start: 15, end: 900_000, length: 899_985, max: 20_000 }]
    await flushPromises()
    expect(w.findAll('[data-testid=ingest-note]').map((n) => n.text())).toEqual([
      '这份报告的数字超过 20000 个，原文第 16–900000 字未识别：请把报告分成几份分别录入。',
    ])
    w.unmount()
  })

  it('has no note on ordinary text', async () => {
    const w = await extracted('鄄城县开展志愿服务活动120余次。')
    expect(w.findAll('[data-testid=ingest-item]')).toHaveLength(1)
    expect(w.findAll('[data-testid=ingest-note]')).toHaveLength(0)
    w.unmount()
  })

  it('says so when the browser refuses to keep the draft, and keeps working', async () => {
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError')
    })
    try {
      const w = await extracted('鄄城县开展志愿服务活动120余次。')
      expect(w.find('[data-testid=ingest-draft-not-saved]').text()).toContain('未能在本机保存')
      expect(w.findAll('[data-testid=ingest-item]')).toHaveLength(1)
      w.unmount()
    } finally {
      setItem.mockRestore()
    }
  })

  it('keeps an unfinished review across a reload: the text, the edits and the decisions', async () => {
    const w = await extracted('鄄城县开展志愿服务活动120余次，新建图书室5个。')
    await item(w, '新建图书室5个').find('[data-testid=ingest-reject]').trigger('click')
    await flushPromises()
    w.unmount()
    // A reload: new stores, and the same package loaded again.
    pinia = createPinia()
    setActivePinia(pinia)
    useDatasetStore().base = { regions: smallGazetteer(), metrics: smallMetrics(), sources: [], observations: [], reports: {} }
    const again = mount(ViewIngest, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
    await flushPromises()
    expect(again.find('[data-testid=ingest-reader]').text()).toContain('鄄城县开展志愿服务活动120余次')
    expect(item(again, '新建图书室5个').classes().join(' ')).toMatch(/rejected/)
    again.unmount()
  })

  it('marks every candidate in the text and shows pasted markup as text', async () => {
    const w = await extracted('<script>alert(1)</script><b>粗</b>。鄄城县开展志愿服务活动120余次，新建图书室5个。')
    const reader = w.find('[data-testid=ingest-reader]')
    expect(reader.find('script').exists()).toBe(false)
    expect(reader.find('b').exists()).toBe(false)
    expect(reader.text()).toContain('<script>alert(1)</script>')
    expect(reader.findAll('mark').map((m) => m.text())).toEqual(['鄄城县开展志愿服务活动120余次', '新建图书室5个'])
    w.unmount()
  })

  it('adds the high-confidence figures to the dataset at once, with the report as their source', async () => {
    const w = await extracted('鄄城县开展志愿服务活动120余次，新建图书室5个。')
    expect(w.find('[data-testid=ingest-accept-high]').text()).toContain('0.7')
    await w.find('[data-testid=ingest-accept-high]').trigger('click')
    await flushPromises()
    expect(observations()).toEqual([expect.objectContaining({ metric: 'volunteer_activities', region: '371726', value: 120, qualifier: '>=', quote: '鄄城县开展志愿服务活动120余次' })])
    const source = useDatasetStore().sourceById.get(observations()[0].source)!
    expect(source.title).toBe('鄄城县开展志愿服务活动120余次，新建图书室5个。')
    expect(item(w, '鄄城县开展志愿服务活动120余次').find('[data-testid=ingest-summary]').text()).toBe('鄄城县 · 2025年3月 · ≥120次')
    expect(w.find('[data-testid=ingest-counts]').text()).toContain('已采用 1')
    expect(w.find('[data-testid=ingest-batches]').text()).toContain('1 个数字')
    w.unmount()
  })

  it('holds back a figure without a place until the reviewer picks a region and creates its metric', async () => {
    const w = await extracted('全年新建图书室5个。')
    const li = () => item(w, '全年新建图书室5个')
    expect(li().find('[data-testid=ingest-accept]').attributes('disabled')).toBeDefined()
    expect(li().text()).toContain('请选择地区')
    await li().find('[data-testid=ingest-region]').setValue('371726')
    await li().find('[data-testid=ingest-metric]').setValue('__new__')
    await li().find('[data-testid=ingest-metric-new] input').setValue('新建图书室数')
    await li().find('[data-testid=ingest-metric-new]').trigger('submit')
    await flushPromises()
    expect(li().find('[data-testid=ingest-accept]').attributes('disabled')).toBeUndefined()
    await li().find('[data-testid=ingest-accept]').trigger('click')
    await flushPromises()
    expect(observations()).toEqual([expect.objectContaining({ metric: 'custom_1', region: '371726', value: 5, period: '2025' })])
    expect(useDatasetStore().metricById.get('custom_1')).toMatchObject({ name: '新建图书室数', unit: '个', aggregate: { kind: 'sum' } })
    w.unmount()
  })

  it('takes a rejected figure out of the dataset, and an edited value into it', async () => {
    const w = await extracted('鄄城县开展志愿服务活动120余次。')
    const li = () => item(w, '鄄城县开展志愿服务活动120余次')
    await li().find('[data-testid=ingest-value]').setValue('125')
    await li().find('[data-testid=ingest-accept]').trigger('click')
    await flushPromises()
    expect(observations().map((o) => o.value)).toEqual([125])
    await li().find('button').trigger('click') // undo
    await flushPromises()
    expect(observations()).toEqual([])
    w.unmount()
  })

  it('saves an edit to an accepted figure at once, and withdraws it when the edit makes it invalid', async () => {
    const w = await extracted('鄄城县开展志愿服务活动120余次。')
    const li = () => item(w, '鄄城县开展志愿服务活动120余次')
    await w.find('[data-testid=ingest-accept-high]').trigger('click')
    await flushPromises()
    await li().find('[data-testid=ingest-period]').setValue('2024')
    await flushPromises()
    expect(observations().map((o) => o.period)).toEqual(['2024'])
    await li().find('[data-testid=ingest-period]').setValue('2024年')
    await flushPromises()
    expect(observations()).toEqual([])
    expect(li().text()).toContain('时间格式应为')
    w.unmount()
  })

  it('links a candidate in the list and its mark in the text both ways', async () => {
    const w = await extracted('鄄城县开展志愿服务活动120余次，新建图书室5个。')
    await w.findAll('mark')[1].trigger('click')
    expect(item(w, '新建图书室5个').classes()).toContain('ingest-item--active')
    await item(w, '鄄城县开展志愿服务活动120余次').trigger('click')
    expect(w.findAll('mark')[0].classes()).toContain('ingest-reader__mark--active')
    expect(w.findAll('mark')[1].classes()).not.toContain('ingest-reader__mark--active')
    w.unmount()
  })

  it('brings an entered report back as reviewed when the same text is extracted again', async () => {
    const w = await extracted('鄄城县开展志愿服务活动120余次，新建图书室5个。')
    await w.find('[data-testid=ingest-accept-high]').trigger('click')
    await flushPromises()
    await w.findAll('form button').find((b) => b.text() === '换一篇报告')!.trigger('click')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid=ingest-counts]').text()).toContain('已采用 1')
    await item(w, '新建图书室5个').find('[data-testid=ingest-reject]').trigger('click')
    await flushPromises()
    expect(observations().map((o) => o.value)).toEqual([120])
    w.unmount()
  })

  it('removes a whole ingested report with its figures', async () => {
    const w = await extracted('鄄城县开展志愿服务活动120余次。')
    await w.find('[data-testid=ingest-accept-high]').trigger('click')
    await flushPromises()
    expect(observations()).toHaveLength(1)
    await w.find('[data-testid=ingest-batches] li button').trigger('click')
    await flushPromises()
    expect(observations()).toEqual([])
    expect(useUserDataStore().batches).toEqual([])
    expect(w.find('[data-testid=ingest-counts]').text()).toContain('待核对 1')
    w.unmount()
  })
})

describe('ViewIngest across tab switches', () => {
  /** Shows one view at a time, as App's tabs do: the view not shown is unmounted. */
  const tab = ref<'ingest' | 'table'>('ingest')
  const Tabs = defineComponent(() => () => h(tab.value === 'ingest' ? ViewIngest : ViewTable))

  it('keeps the pasted text, the candidates and an unsaved edit when the user leaves the tab and comes back', async () => {
    tab.value = 'ingest'
    const w = mount(Tabs, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
    await w.find('[data-testid=ingest-text]').setValue('鄄城县开展志愿服务活动120余次，新建图书室5个。')
    await w.find('[data-testid=ingest-date]').setValue('2025-03')
    await w.find('form').trigger('submit')
    await w.find('[data-testid=ingest-publication]').setValue('菏泽日报')
    await item(w, '鄄城县开展志愿服务活动120余次').find('[data-testid=ingest-value]').setValue('125')

    tab.value = 'table'
    await flushPromises()
    expect(w.find('[data-testid=view-ingest]').exists()).toBe(false)
    tab.value = 'ingest'
    await flushPromises()

    expect(w.find('[data-testid=ingest-reader]').text()).toBe('鄄城县开展志愿服务活动120余次，新建图书室5个。')
    // The list puts the candidate the extractor doubts (新建图书室5个: no catalogue metric, lower confidence) first.
    expect(w.findAll('[data-testid=ingest-item] q').map((q) => q.text())).toEqual(['新建图书室5个', '鄄城县开展志愿服务活动120余次'])
    const edited = item(w, '鄄城县开展志愿服务活动120余次')
    expect((edited.find('[data-testid=ingest-value]').element as HTMLInputElement).value).toBe('125')
    expect(edited.find('[data-testid=ingest-summary]').text()).toBe('鄄城县 · 2025年3月 · ≥125次')
    expect((w.find('[data-testid=ingest-publication]').element as HTMLInputElement).value).toBe('菏泽日报')
    expect((w.find('[data-testid=ingest-date]').element as HTMLInputElement).value).toBe('2025-03')
    expect(observations()).toEqual([]) // nothing was accepted, so nothing joined the data
    w.unmount()
  })
})

describe(readReportFile, () => {
  it('reads a GBK-encoded .txt as Windows tools save it', async () => {
    const gbk = Uint8Array.from('dbb2b3c7cfd8bfaad5b9d6bed4b8b7fecef1bbeeb6af313230d3e0b4cea1a3'.match(/../g)!.map((h) => parseInt(h, 16)))
    expect(await readReportFile(new File([gbk], 'report.txt'))).toBe('鄄城县开展志愿服务活动120余次。')
  })

  it('refuses a .docx zip bomb before mammoth inflates it', async () => {
    const zip = new JSZip()
    zip.file('word/document.xml', new Uint8Array(4 * 1024 * 1024))
    const bytes = await zip.generateAsync({ type: 'arraybuffer', compression: 'DEFLATE' })
    await expect(readReportFile(new File([bytes], 'report.docx'))).rejects.toThrow('a zip bomb')
  })
})
