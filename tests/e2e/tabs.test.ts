import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, startPreview } from './browser'

let server: PreviewServer
let base: string
let context: BrowserContext
const pageErrors: string[] = []
const REPORT = '鄄城县：今年以来，全县积极开展志愿服务活动120余次。郓城县开展志愿服务活动80次。'

beforeAll(async () => {
  ({ server, url: base } = await startPreview())
  context = await launchBrowser()
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

/** A tab of the one browser profile: both share its IndexedDB and localStorage, as two tabs of an office PC do. */
async function tab(): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (e) => pageErrors.push(e.message))
  await page.goto(`${base}?view=ingest`)
  await page.getByTestId('ingest-title').waitFor()
  return page
}

const item = (page: Page, quote: string) => page.getByTestId('ingest-item').filter({ has: page.locator('q', { hasText: quote }) })

/** Accepts the candidate quoting `quote` and waits until the tab shows it accepted. */
async function accept(page: Page, quote: string): Promise<void> {
  await item(page, quote).getByTestId('ingest-accept').click()
  await expect.poll(() => item(page, quote).getAttribute('class')).toContain('ingest-item--accepted')
}

/** The figures of volunteer activities in 鄄城县 and 郓城县 under the trend, reached inside the tab (no reload). */
async function tableOf(page: Page): Promise<string> {
  await page.locator('[data-view=trend]').click()
  await page.getByTestId('metric-select').selectOption('volunteer_activities')
  for (const code of ['371726', '371725']) {
    const box = page.locator(`input[data-code="${code}"]`)
    if (!(await box.isChecked())) await box.check()
  }
  return page.getByTestId('observations-table').innerText()
}

describe('报告录入 in two tabs of one browser', () => {
  it('keeps both tabs’ accepted figures of one report, and each tab sees the other’s without a reload', async () => {
    const first = await tab()
    await first.getByTestId('ingest-text').fill(REPORT)
    await first.getByTestId('ingest-title').fill('两县志愿服务')
    await first.getByTestId('ingest-date').fill('2025-03-01')
    await first.getByTestId('ingest-extract').click()
    await first.getByTestId('ingest-reader').waitFor()
    // The second tab opens the same review from the draft the first keeps on this machine.
    const second = await tab()
    await second.getByTestId('ingest-reader').waitFor()

    await accept(first, '120余次')
    await accept(second, '80次')

    // Neither accept overwrote the other: the first tab, not reloaded, shows both figures of the report.
    await expect.poll(() => tableOf(first), { timeout: 10_000 }).toContain('80次')
    expect(await tableOf(first)).toContain('≥120次')
    // And so does a fresh tab, which reads only what was stored.
    const third = await tab()
    await expect.poll(() => tableOf(third), { timeout: 10_000 }).toContain('80次')
    expect(await tableOf(third)).toContain('≥120次')
    expect(pageErrors).toEqual([])
  })
})
