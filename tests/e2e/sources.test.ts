import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from './browser'

let server: PreviewServer
let base: string
let context: BrowserContext
let page: Page
const consoleErrors: string[] = []

beforeAll(async () => {
  ({ server, url: base, context, page } = await openApp())
  page.on('pageerror', (e) => consoleErrors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

const regionCells = () => page.getByTestId('data-table').locator('tbody tr td:nth-child(2)').allInnerTexts()

describe('the 来源 and 数据表 views in Chromium', () => {
  it('turns a highlighted figure in the report into the trend of its metric and region', async () => {
    await page.goto(`${base}?view=sources`)
    const mark = page.getByTestId('report-text').locator('mark', { hasText: '289' }).first()
    expect(await mark.getAttribute('title')).toContain('鄄城县')
    await mark.click()
    await expect.poll(() => page.url()).toContain('metric=artworks_collected')
    expect(page.url()).toContain('regions=371726')
    expect(page.url()).not.toContain('view=')
    await expect.poll(() => page.getByTestId('observations-table').innerText()).toContain('289幅')
    expect(await page.locator('input[data-code="371726"]').isChecked()).toBe(true)
  })

  it('finds 鄄城县 by the tree search 鄄城, and the table then lists only its figures', async () => {
    await page.goto(`${base}?view=table`)
    await page.getByTestId('data-table').waitFor()
    expect(new Set(await regionCells()).size).toBeGreaterThan(2)
    await page.getByTestId('region-search').fill('鄄城')
    await page.locator('input[data-code="371726"]').check()
    await expect.poll(() => page.url()).toContain('regions=371726')
    // 引马镇 is a town of 鄄城县: a county includes its towns.
    await expect.poll(async () => [...new Set(await regionCells())].sort()).toEqual(['引马镇', '鄄城县'])
  })

  it('opens a row’s source at its sentence', async () => {
    await page.getByTestId('data-table').locator('tbody tr', { hasText: '289' }).getByRole('button').click()
    await expect.poll(() => page.url()).toContain('view=sources')
    await expect.poll(() => page.locator('mark.sources-reader__mark--focused').innerText()).toContain('289')
  })

  it('says 演示数据，非真实统计 on every view once the demo switch is on, and not after it is off', async () => {
    await page.goto(`${base}?view=trend`)
    await page.getByTestId('observations-table').waitFor()
    await page.getByTestId('demo-switch').check()
    await expect.poll(() => page.url()).toContain('data=demo')
    for (const view of ['overview', 'trend', 'compare', 'map', 'table', 'sources', 'ingest', 'import']) {
      await page.locator(`[role=tab][data-view=${view}]`).click()
      await expect.poll(() => page.getByTestId('demo-notice').innerText(), { timeout: 20_000 }).toContain('演示数据，非真实统计')
    }
    await page.locator('[role=tab][data-view=table]').click()
    await expect.poll(() => page.getByTestId('table-count').innerText(), { timeout: 20_000 }).toMatch(/共 \d{5,} 条/)
    await page.getByTestId('demo-switch').uncheck()
    await expect.poll(() => page.url()).not.toContain('data=demo')
    await page.getByTestId('data-table').waitFor()
    expect(await page.getByTestId('demo-notice').count()).toBe(0)
  })

  it('logs no error on the way', () => {
    expect(consoleErrors).toEqual([])
  })
})
