import { mkdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import JSZip from 'jszip'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '@/data/csv'
import { buildPdf } from '../fixtures/pdf'
import { openApp } from './browser'

let server: PreviewServer
let base: string
let context: BrowserContext
let page: Page
const pageErrors: string[] = []
const dialogs: string[] = []
const shots = resolve(import.meta.dirname, '../../test-results')
const REPORT = '鄄城县：2024年以来，全县积极开展志愿服务活动120余次，参与群众3000余人。\n吴店镇新建“梧桐书屋”5个。'

beforeAll(async () => {
  ({ server, url: base, context, page } = await openApp())
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

/** An empty 报告录入 form: a review a previous test left (kept across reloads) is closed and its fields cleared. */
async function openForm(): Promise<void> {
  await page.goto(`${base}?view=ingest`)
  await page.getByTestId('ingest-title').waitFor()
  const startOver = page.getByTestId('ingest-start-over')
  if (await startOver.isVisible()) await startOver.click()
  for (const field of ['ingest-title', 'ingest-publication', 'ingest-date', 'ingest-text']) await page.getByTestId(field).fill('')
}

async function pasteAndExtract(text: string): Promise<void> {
  await openForm()
  await page.getByTestId('ingest-text').fill(text)
  await page.getByTestId('ingest-title').fill('鄄城县志愿服务纪实')
  await page.getByTestId('ingest-publication').fill('菏泽日报')
  await page.getByTestId('ingest-date').fill('2025-03-01')
  await page.getByTestId('ingest-extract').click()
  await page.getByTestId('ingest-reader').waitFor()
}

/** A one-paragraph .docx, the least Word writes that mammoth reads. */
async function docx(paragraph: string): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p></w:body></w:document>`)
  return zip.generateAsync({ type: 'nodebuffer' })
}

const tableText = () => page.getByTestId('observations-table').innerText()

describe('报告录入 in Chromium', () => {
  it('turns a pasted report into a figure the trend view shows as a lower bound, and keeps it across a reload', async () => {
    await pasteAndExtract(REPORT)
    expect(await page.getByTestId('ingest-reader').locator('mark').count()).toBeGreaterThanOrEqual(3)
    await page.getByTestId('ingest-accept-high').click()
    await expect.poll(() => page.getByTestId('ingest-batches').innerText()).toContain('鄄城县志愿服务纪实')
    mkdirSync(shots, { recursive: true })
    await page.screenshot({ path: resolve(shots, 'ingest.png'), fullPage: true })

    await page.locator('[data-view=trend]').click()
    await page.getByTestId('metric-select').selectOption('volunteer_activities')
    await page.locator('input[data-code="371726"]').check()
    await expect.poll(tableText).toContain('≥120次')
    expect(await tableText()).toContain('鄄城县志愿服务纪实')

    await page.reload()
    await expect.poll(tableText, { timeout: 10_000 }).toContain('≥120次')
    // The review itself survives the reload too: the report with its marked figures, not an empty form.
    await page.locator('[data-view=ingest]').click()
    await expect.poll(() => page.getByTestId('ingest-reader').locator('mark').count()).toBeGreaterThanOrEqual(3)
    expect(pageErrors).toEqual([])
  })

  it('exports the entered report as package files whose quotes occur in the shipped text', async () => {
    await page.goto(`${base}?view=ingest`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ingest-export').click()])
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!))
    const observations = await zip.file('observations.csv')!.async('string')
    const reportPath = Object.keys(zip.files).find((p) => p.startsWith('reports/') && !zip.files[p].dir)!
    const { header, rows } = parseCsv(observations)
    expect(header).toEqual(['metric', 'region', 'period', 'value', 'qualifier', 'source', 'quote'])
    expect(rows.map((r) => r.values)).toContainEqual(expect.objectContaining({ metric: 'volunteer_activities', region: '371726', value: '120', qualifier: '>=' }))
    const text = await zip.file(reportPath)!.async('string')
    expect(text).toBe(REPORT)
    for (const row of rows) expect(text).toContain(row.values.quote)
  })

  it('removes the whole report, and the trend no longer shows its figure', async () => {
    await page.goto(`${base}?view=ingest`)
    await page.getByTestId('ingest-batches').getByRole('button', { name: /鄄城县志愿服务纪实/ }).click()
    await expect.poll(() => page.getByTestId('ingest-batches').innerText()).toContain('还没有录入报告')
    await page.goto(`${base}?metric=volunteer_activities&regions=371726`)
    await page.getByTestId('observations-table').or(page.getByText('当前筛选下没有数据')).first().waitFor()
    expect(await page.locator('main').innerText()).not.toContain('≥120次')
  })

  it('reads an opened .docx into the text box', async () => {
    await openForm()
    const buffer = await docx('鄄城县开展志愿服务活动120余次。')
    await page.getByTestId('ingest-file').setInputFiles({ name: '志愿服务.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer })
    await expect.poll(() => page.getByTestId('ingest-text').inputValue()).toContain('鄄城县开展志愿服务活动120余次。')
    expect(await page.getByTestId('ingest-title').inputValue()).toBe('志愿服务')
  })

  it('reads an opened text PDF into the text box, its page header and numbers dropped and its lines joined, and refuses a scan saying so', async () => {
    await openForm()
    const pdf = buildPdf([['鄄城县工作简报', '鄄城县开展志愿服务活动120余次。', '- 1 -'], ['鄄城县工作简报', '新建图书室5个。', '- 2 -']])
    await page.getByTestId('ingest-file').setInputFiles({ name: '简报.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) })
    await expect.poll(() => page.getByTestId('ingest-text').inputValue(), { timeout: 20_000 }).toBe('鄄城县开展志愿服务活动120余次。新建图书室5个。\n')
    expect(await page.getByTestId('ingest-title').inputValue()).toBe('简报')
    await page.getByTestId('ingest-file').setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from(buildPdf([[]])) })
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 20_000 }).toContain('扫描版 PDF，没有文字层')
  })

  it('shows pasted script tags as text and runs nothing', async () => {
    await pasteAndExtract('<script>alert(1)</script><img src=x onerror="alert(2)">鄄城县开展志愿服务活动50次。')
    const reader = page.getByTestId('ingest-reader')
    expect(await reader.innerText()).toContain('<script>alert(1)</script>')
    expect(await reader.locator('script, img').count()).toBe(0)
    expect(dialogs).toEqual([])
  })

  it('keeps an unfinished review when the user looks at 趋势 and comes back', async () => {
    await pasteAndExtract(REPORT)
    const quotes = () => page.getByTestId('ingest-item').locator('q').allInnerTexts()
    const found = await quotes()
    expect(found.length).toBeGreaterThanOrEqual(3)
    await page.getByTestId('ingest-item').first().getByTestId('ingest-value').fill('121')
    await page.getByTestId('ingest-item').first().getByTestId('ingest-value').blur()

    await page.getByRole('tab', { name: '趋势' }).click()
    await page.getByTestId('metric-select').waitFor()
    expect(await page.getByTestId('view-ingest').count()).toBe(0)
    await page.getByRole('tab', { name: '报告录入' }).click()

    await page.getByTestId('ingest-reader').waitFor()
    expect(await quotes()).toEqual(found)
    expect(await page.getByTestId('ingest-item').first().getByTestId('ingest-value').inputValue()).toBe('121')
    expect(await page.getByTestId('ingest-title').inputValue()).toBe('鄄城县志愿服务纪实')
    expect(pageErrors).toEqual([])
  })
})
