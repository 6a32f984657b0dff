import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi, setUpAccounts, startServer, type ApiSession, type RunningServer } from '../server/serverProcess'
import { launchBrowser } from './browser'

const root = resolve(import.meta.dirname, '../..')
const shots = resolve(root, 'test-results')
let server: RunningServer | undefined
let dataDir: string
let admin: ApiSession
let context: BrowserContext | undefined
const pageErrors: string[] = []
const dialogs: string[] = []

/** Markup that would run if any text reached the page as HTML: an image whose error handler and a script both set `__pwned`. */
const PAYLOAD = '<img src=x data-pwned onerror="window.__pwned=1"><script>window.__pwned=2</script>'
const api = (path: string, init: Parameters<typeof callApi>[2] = {}) => callApi(server!, path, { ...admin, ...init })

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/index.html'))) throw new Error('dist/ is missing: run npm run build first (npm test does).')
  dataDir = mkdtempSync(join(tmpdir(), 'heze-security-'))
  server = await startServer(dataDir)
  admin = await setUpAccounts(server, ['371726'])
  mkdirSync(shots, { recursive: true })

  // The payload in every text a writer can put into the record: a metric's name, unit and definition; a source's title,
  // publication, author, link and note; the report text; the batch's name; a correction's reason; an API token's name.
  const metric = { id: 'xss_metric', name: `活动${PAYLOAD}`, nameEn: PAYLOAD, category: PAYLOAD, unit: '次<i data-pwned>', kind: 'count', temporal: 'flow', aggregate: { kind: 'sum' }, definition: PAYLOAD, aliases: [], target: null }
  const source = { id: 'xss_src', title: `报告${PAYLOAD}`, date: '2025-01', publication: PAYLOAD, author: PAYLOAD, url: 'javascript:window.__pwned=3', note: PAYLOAD }
  const report = `鄄城县开展活动12次。${PAYLOAD}单县开展活动9次。`
  const figure = (region: string, period: string, value: number, quote: string) => ({ metric: 'xss_metric', region, period, value, qualifier: '=', source: 'xss_src', quote })
  const saved = await api('/api/batches', {
    method: 'POST',
    body: {
      kind: 'report',
      name: PAYLOAD,
      metrics: [metric],
      sources: [source],
      reports: { xss_src: report },
      observations: [figure('371726', '2025-01', 12, '鄄城县开展活动12次'), figure('371722', '2025-01', 9, '单县开展活动9次'), figure('371726', '2024-12', 8, '鄄城县开展活动12次')],
    },
  })
  expect(saved.status, await saved.clone().text()).toBe(201)
  const [one] = (await (await api('/api/observations?metric=xss_metric&region=371726&from=2025-01&to=2025-01')).json()) as { id: string; version: number }[]
  expect((await api(`/api/observations/${one.id}`, { method: 'PATCH', body: { value: 13, reason: PAYLOAD, version: one.version } })).status).toBe(200)
  expect((await api('/api/tokens', { method: 'POST', body: { name: PAYLOAD } })).status).toBe(201)

  context = await launchBrowser()
  await context.addCookies([{ name: admin.cookie.split('=')[0], value: admin.cookie.split('=').slice(1).join('='), url: server.url }])
}, 120_000)

afterAll(async () => {
  await context?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}, 60_000)

async function open(query: string): Promise<Page> {
  const page = await context!.newPage()
  await page.setViewportSize({ width: 1366, height: 900 })
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('dialog', (d) => void dialogs.push(d.message()))
  await page.goto(`${server!.url}/${query}`)
  await page.getByTestId('session-user').waitFor()
  return page
}

/** Nothing of the payload became markup or ran: no element it would make, no flag it would set, no dialog. */
async function expectInert(page: Page): Promise<void> {
  expect(await page.locator('[data-pwned]').count()).toBe(0)
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
}

describe('text written into the record by anyone, shown in Chromium', () => {
  it('stays text on the trend, and in the tooltips of 对比 and 地图', async () => {
    const trend = await open('?view=trend&metric=xss_metric&regions=371726,371722')
    await trend.getByTestId('trend-chart').waitFor()
    expect(await trend.locator('body').innerText()).toContain('<img src=x')
    await trend.screenshot({ path: resolve(shots, 'security-trend.png') })
    await expectInert(trend)
    await trend.close()
    // Tooltips are HTML that ECharts builds from names, values and units: sweep each chart until one shows a value.
    for (const [view, testId] of [['compare', 'compare-chart'], ['map', 'map-chart']]) {
      const page = await open(`?view=${view}&metric=xss_metric`)
      const chart = page.getByTestId(testId)
      await chart.waitFor()
      const box = (await chart.boundingBox())!
      const tooltip = chart.locator('div').filter({ hasText: /^鄄城县\s*13\s*次/ })
      // Read the text the moment it shows: the tooltip may fade while the test moves on. Text content, not
      // inner text, so a tooltip caught mid-fade still reads; markup made from the payload would not read as text.
      let shown = ''
      for (let y = 0.05; y < 0.95 && !shown; y += 0.03) {
        for (let x = 0.05; x < 0.95 && !shown; x += 0.03) {
          await page.mouse.move(box.x + box.width * x, box.y + box.height * y)
          shown = (await tooltip.allTextContents()).join('\n')
        }
      }
      expect(shown, view).not.toBe('')
      expect(shown, view).toContain('次<i data-pwned>')
      await page.screenshot({ path: resolve(shots, `security-${view}.png`) })
      await expectInert(page)
      await page.close()
    }
  })

  it('stays text in 来源, the report and its highlight, and the source link is no javascript: link', async () => {
    const page = await open('?view=sources&metric=xss_metric')
    await page.waitForLoadState('networkidle')
    expect(await page.locator('body').innerText()).toContain('<script>window.__pwned=2</script>')
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0)
    await page.screenshot({ path: resolve(shots, 'security-sources.png') })
    await expectInert(page)
    await page.close()
  })

  it('stays text in 数据表, 操作记录 and the accounts panel', async () => {
    for (const query of ['?view=table&metric=xss_metric', '?view=audit']) {
      const page = await open(query)
      await page.waitForLoadState('networkidle')
      expect(await page.locator('body').innerText(), query).toContain('<img src=x')
      await expectInert(page)
      if (query === '?view=audit') {
        await page.getByTestId('session-accounts').click()
        const tokens = page.getByTestId('accounts-token')
        await expect.poll(() => tokens.count()).toBeGreaterThan(0)
        expect(await tokens.first().innerText()).toContain('<script>')
        await page.screenshot({ path: resolve(shots, 'security-audit.png'), fullPage: true })
        await expectInert(page)
      }
      await page.close()
    }
    expect(pageErrors).toEqual([])
  })
})

describe('API tokens in the accounts panel', () => {
  it('lets the administrator revoke another account’s token, which then stops working', async () => {
    const session = await callApi(server!, '/api/session', { method: 'POST', body: { username: 'clerk01', password: 'clerk-password-1' } })
    const cookie = session.headers.get('set-cookie')!.split(';')[0]
    const { csrfToken } = (await session.json()) as { csrfToken: string }
    const made = (await (await callApi(server!, '/api/tokens', { method: 'POST', body: { name: '科室电脑' }, cookie, csrf: csrfToken })).json()) as { token: string }
    const useToken = () => fetch(`${server!.url}/api/tokens`, { headers: { authorization: `Bearer ${made.token}` } })
    expect((await useToken()).status).toBe(200)

    const page = await open('?view=table')
    await page.getByTestId('session-accounts').click()
    const row = page.getByTestId('accounts-token').filter({ hasText: '科室电脑' })
    await expect.poll(() => row.innerText()).toContain('clerk01 的「科室电脑」')
    await row.getByTestId('accounts-token-revoke').click()
    await expect.poll(() => row.innerText()).toContain('已撤销')
    expect((await useToken()).status).toBe(401)
    await page.close()
  })
})
