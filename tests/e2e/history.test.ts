import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from './browser'

let server: PreviewServer
let base: string
let context: BrowserContext
let page: Page

beforeAll(async () => {
  ({ server, url: base, context, page } = await openApp())
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

const historyLength = () => page.evaluate(() => window.history.length)

describe('one user action, one history entry, so Back undoes it', () => {
  it('a highlighted figure clicked in the report adds one entry, and Back returns to the report', async () => {
    await page.goto(`${base}?view=sources`)
    const mark = page.getByTestId('report-text').locator('mark', { hasText: '289' }).first()
    await mark.waitFor()
    const before = await historyLength()
    await mark.click()
    await expect.poll(() => page.url()).toContain('metric=artworks_collected')
    await page.getByTestId('observations-table').waitFor()
    expect(await historyLength()).toBe(before + 1)
    await page.goBack()
    await expect.poll(() => new URL(page.url()).search).toBe('?view=sources')
    await page.getByTestId('report-text').waitFor()
  })

  it('重置筛选 adds one entry, and Back brings the filters back', async () => {
    const link = '?view=table&metric=artworks_collected&regions=371726&from=2024'
    await page.goto(`${base}${link}`)
    await page.getByTestId('data-table').waitFor()
    const before = await historyLength()
    await page.getByTestId('filter-reset').click()
    await expect.poll(() => new URL(page.url()).search).toBe('?view=table')
    expect(await historyLength()).toBe(before + 1)
    await page.goBack()
    await expect.poll(() => new URL(page.url()).search).toBe(link)
    await expect.poll(() => page.locator('input[data-code="371726"]').isChecked()).toBe(true)
  })
})

describe('复制链接', () => {
  it('copies the address of the view shown, which reopens the same view', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin })
    await page.goto(`${base}?view=compare&metric=artworks_collected&regions=371726`)
    await page.getByTestId('copy-link').click()
    await expect.poll(() => page.getByTestId('copy-link-status').innerText()).toBe('链接已复制')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(new URL(copied).search).toBe('?view=compare&metric=artworks_collected&regions=371726')
  })
})
