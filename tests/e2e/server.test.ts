import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUpAccounts, startServer, type RunningServer } from '../server/serverProcess'
import { launchBrowser } from './browser'

const root = resolve(import.meta.dirname, '../..')
const shots = resolve(root, 'test-results')
const REPORT = '鄄城县：2024年以来，全县积极开展志愿服务活动120余次，参与群众3000余人。'
let server: RunningServer | undefined
let dataDir: string
let base: string
let editorContext: BrowserContext
let readerContext: BrowserContext
let editor: Page
let reader: Page
const pageErrors: string[] = []

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/index.html'))) throw new Error('dist/ is missing: run npm run build first (npm test does).')
  dataDir = mkdtempSync(join(tmpdir(), 'heze-record-'))
  server = await startServer(dataDir)
  base = server.url
  // The first administrator, through the setup link's token; then an editor account made by that administrator.
  await setUpAccounts(server, ['371726'])
  editorContext = await launchBrowser()
  readerContext = await launchBrowser()
  editor = await editorContext.newPage()
  reader = await readerContext.newPage()
  for (const page of [editor, reader]) page.on('pageerror', (e) => pageErrors.push(e.message))
}, 120_000)

afterAll(async () => {
  await editorContext?.close()
  await readerContext?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}, 60_000)

/** 数据表 narrowed to 鄄城县 and the volunteer-activity metric. */
async function openTable(page: Page): Promise<void> {
  await page.goto(`${base}/?view=table&regions=371726`)
  await page.getByTestId('table-metric').selectOption('volunteer_activities')
}
const tableText = (page: Page) => page.getByTestId('data-table').innerText()

describe('the office server in Chromium', () => {
  it('lets an editor enter a report that a reader who is not signed in sees, and a correction shows both values in its history', async () => {
    // The editor signs in from the header.
    await editor.goto(`${base}/?view=ingest`)
    await editor.getByTestId('session-open').click()
    await editor.getByTestId('session-username').fill('clerk01')
    await editor.getByTestId('session-password').fill('clerk-password-1')
    await editor.getByTestId('session-submit').click()
    await expect.poll(() => editor.getByTestId('session-user').innerText()).toBe('clerk01（编辑·鄄城县）')

    // Pastes a report, accepts its figures and saves them to the shared record.
    await editor.getByTestId('ingest-text').fill(REPORT)
    await editor.getByTestId('ingest-title').fill('鄄城县志愿服务纪实')
    await editor.getByTestId('ingest-publication').fill('菏泽日报')
    await editor.getByTestId('ingest-date').fill('2025-03-01')
    await editor.getByTestId('ingest-extract').click()
    await editor.getByTestId('ingest-accept-high').click()
    await editor.getByTestId('ingest-save').click()
    await expect.poll(() => editor.getByTestId('record-outcome').innerText()).toContain('已保存')
    mkdirSync(shots, { recursive: true })
    await editor.screenshot({ path: resolve(shots, 'server-ingest.png'), fullPage: true })

    // Another browser, not signed in, sees the figure after a reload.
    await openTable(reader)
    await expect.poll(() => tableText(reader)).toContain('≥120')
    expect(await reader.getByTestId('session-open').innerText()).toBe('登录')

    // The editor corrects it; its history says who entered it from which report, and both values.
    await openTable(editor)
    const row = editor.getByTestId('data-table').locator('tr', { hasText: '≥120' })
    await row.getByTestId('table-history').click()
    await editor.getByTestId('figure-value').fill('125')
    await editor.getByTestId('figure-reason').fill('复核原文')
    await editor.getByTestId('figure-save').click()
    const history = editor.getByTestId('figure-history-text')
    await expect.poll(() => history.innerText()).toContain('≥120次 → ≥125次（复核原文）')
    await expect.poll(() => tableText(editor)).toContain('≥125')
    expect(await history.innerText()).toMatch(/^录入 clerk01 \d{4}-\d\d-\d\d，依据《鄄城县志愿服务纪实》；修改 clerk01/)
    await editor.screenshot({ path: resolve(shots, 'server-history.png'), fullPage: true })

    await reader.reload()
    await reader.getByTestId('table-metric').selectOption('volunteer_activities')
    await expect.poll(() => tableText(reader)).toContain('≥125')
    expect(pageErrors).toEqual([])
  })
})
