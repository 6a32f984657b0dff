import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from './browser'

let server: PreviewServer
let origin: string
let context: BrowserContext
let page: Page
const consoleErrors: string[] = []
const foreignRequests: string[] = []
const shots = resolve(import.meta.dirname, '../../test-results')

beforeAll(async () => {
  const app = await openApp()
  ;({ server, context, page } = app)
  origin = new URL(app.url).origin
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
  page.on('pageerror', (e) => consoleErrors.push(e.message))
  page.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && foreignRequests.push(r.url()))
  await page.goto(`${app.url}?view=trend`)
  await page.getByTestId('observations-table').waitFor()
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

/** Share of the chart canvas's pixels that are not background: a drawn chart has lines, axes and labels. */
async function chartInk(): Promise<number> {
  return page.getByTestId('trend-chart').locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let ink = 0
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] < 600) ink++
    return ink / (canvas.width * canvas.height)
  })
}

describe('the dashboard in Chromium', () => {
  it('opens in Chinese on the seed report’s headline figure, with a drawn chart', async () => {
    await expect.poll(() => page.title()).toBe('菏泽社会治理指标看板')
    await expect.poll(() => page.getByTestId('metric-select').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toContain('行业协会商会党组织覆盖率')
    await expect.poll(() => page.getByTestId('observations-table').innerText()).toContain('66.1%')
    await expect.poll(chartInk, { timeout: 10_000 }).toBeGreaterThan(0.002)
    mkdirSync(shots, { recursive: true })
    await page.screenshot({ path: resolve(shots, 'dashboard.png'), fullPage: true })
  })

  it('draws Chinese glyphs with a CJK font rather than boxes', async () => {
    const width = await page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d')!
      ctx.font = '16px sans-serif'
      return ctx.measureText('党组织覆盖率').width
    })
    expect(width).toBeGreaterThan(80)
  })

  it('shows only 鄄城县’s figures after filtering, and keeps the filter in the URL across a reload', async () => {
    await page.getByTestId('metric-select').selectOption('artworks_collected')
    await page.locator('input[data-code="371726"]').check()
    await expect.poll(() => page.url()).toContain('regions=371726')
    const rows = page.getByTestId('observations-table').locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().innerText()).toContain('鄄城县')
    expect(await rows.first().innerText()).toContain('289幅')
    await page.reload()
    await page.getByTestId('observations-table').waitFor()
    expect(await page.locator('input[data-code="371726"]').isChecked()).toBe(true)
    expect(await page.getByTestId('metric-select').inputValue()).toBe('artworks_collected')
  })

  it('marks 500余次 as a lower bound in the table', async () => {
    await page.goto(`${origin}/?metric=volunteer_activities&regions=371702`)
    await expect.poll(() => page.getByTestId('observations-table').innerText()).toContain('≥500次')
    expect(await page.getByTestId('observations-table').innerText()).toContain('吴店镇')
  })

  it('drops an unknown region in a link with a notice instead of failing', async () => {
    await page.goto(`${origin}/?metric=assoc_party_coverage_rate&regions=371799`)
    await expect.poll(() => page.getByTestId('link-notice').innerText()).toContain('371799')
    expect(await page.getByTestId('observations-table').innerText()).toContain('66.1%')
  })

  it('goes back to the previous metric with the browser’s back button, and forward again', async () => {
    await page.goto(`${origin}/?metric=assoc_party_coverage_rate`)
    await page.getByTestId('observations-table').waitFor()
    await page.getByTestId('metric-select').selectOption('volunteer_activities')
    await expect.poll(() => page.url()).toContain('metric=volunteer_activities')
    await page.goBack()
    await expect.poll(() => page.getByTestId('metric-select').inputValue()).toBe('assoc_party_coverage_rate')
    await expect.poll(() => page.getByTestId('observations-table').innerText()).toContain('66.1%')
    await page.goForward()
    await expect.poll(() => page.getByTestId('metric-select').inputValue()).toBe('volunteer_activities')
  })

  it('opens on 总览 without a link, its cards drawn before the charts’ code arrives', async () => {
    // The charts' chunk is held back until the cards are checked: 总览 must not wait for it.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const chartCode = /\/assets\/chart-[^/]*\.js$/
    await page.route(chartCode, async (route) => {
      await held
      await route.continue()
    })
    await page.goto(`${origin}/`)
    await page.getByTestId('overview').waitFor()
    expect(await page.locator('[role=tab][data-view=overview]').getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => page.locator('.overview-card').count()).toBeGreaterThan(10)
    expect(await page.getByTestId('overview').innerText()).toContain('66.1%')
    release()
    await page.unrouteAll({ behavior: 'wait' })
    // A card opens its metric's trend, which writes the view into the link only as the metric.
    await page.locator('.overview-card[data-metric=assoc_party_coverage_rate]').first().click()
    await page.getByTestId('trend-chart').waitFor()
    expect(new URL(page.url()).search).toBe('?metric=assoc_party_coverage_rate')
  })

  it('declares a Content-Security-Policy that allows only the page’s own origin', async () => {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("connect-src 'self'")
    expect(policy).not.toMatch(/https?:|\*/)
  })

  it('logs no console error and asks no other origin for anything', () => {
    expect(consoleErrors).toEqual([])
    expect(foreignRequests).toEqual([])
  })
})
