import { mkdirSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from './browser'

let server: PreviewServer
let context: BrowserContext
let page: Page
const errors: string[] = []
const shots = resolve(import.meta.dirname, '../../test-results')

// A message key on screen (`filter2.metric`) means its messages were not there when it rendered.
const namespaces = ['app', 'chart', 'data', 'views', 'level', 'filter', ...readdirSync(resolve(import.meta.dirname, '../../src/i18n/features')).map((f) => f.replace(/\.ts$/, ''))]
const key = new RegExp(`\\b(${namespaces.join('|')})\\.[a-z][A-Za-z]+\\b`)
const shownKeys = async () => key.exec(await page.locator('body').innerText())?.[0] ?? null

beforeAll(async () => {
  const app = await openApp()
  ;({ server, context, page } = app)
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${app.url}?view=trend`)
  await page.getByTestId('observations-table').waitFor()
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

describe('the page’s messages in Chromium (precompiled, loaded when needed)', () => {
  it('opens in Chinese with every message of the first screen, including interpolated ones', async () => {
    expect(await page.locator('h1').innerText()).toBe('菏泽社会治理指标看板')
    await page.locator('input[data-code="371726"]').check()
    await expect.poll(() => page.locator('.filter-regions__selected').innerText()).toContain('已选 1 个：鄄城县')
    expect(await shownKeys()).toBeNull()
    mkdirSync(shots, { recursive: true })
    await page.screenshot({ path: resolve(shots, 'i18n-zh.png'), fullPage: true })
  })

  it('switches to English, first screen and export menu included, without showing a key', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.locator('h1').innerText()).toBe('Heze Community Governance Indicators')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.locator('.filter-regions__selected').innerText()).toContain('1 selected: Juancheng County')
    expect(await page.locator('.export-menu summary').innerText()).toBe('Export chart')
    expect(await shownKeys()).toBeNull()
    await page.screenshot({ path: resolve(shots, 'i18n-en.png'), fullPage: true })
  })

  it('shows a lazy view’s own messages when it opens, in the language chosen', async () => {
    await page.locator('[data-view="import"]').click()
    await expect.poll(() => page.locator('.view-import h2').first().innerText()).toBe('Import data')
    expect(await shownKeys()).toBeNull()
    await page.getByRole('button', { name: '中文' }).click()
    await expect.poll(() => page.locator('.view-import h2').first().innerText()).toBe('导入数据')
    expect(await shownKeys()).toBeNull()
  })

  it('logs no console error', () => {
    expect(errors).toEqual([])
  })
})
