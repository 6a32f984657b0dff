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
let base: string
/** The administrator's session outside the browser, for changes made through the API. */
let adminCall: ApiSession
const contexts: BrowserContext[] = []
const pageErrors: string[] = []

/** A JSON call to the server outside the browser. */
const api = (path: string, init: Parameters<typeof callApi>[2] = {}) => callApi(server!, path, init)

async function newPage(): Promise<Page> {
  const context = await launchBrowser()
  contexts.push(context)
  const page = await context.newPage()
  await page.setViewportSize({ width: 1366, height: 768 })
  page.on('pageerror', (e) => pageErrors.push(e.message))
  return page
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('session-open').click()
  await page.getByTestId('session-username').fill(username)
  await page.getByTestId('session-password').fill(password)
  await page.getByTestId('session-submit').click()
}

/** The clerk's file: two rows of 鄄城县 and, unless `corrected`, one of 单县 on line 3. */
function clerkCsv(corrected: boolean): { name: string; mimeType: string; buffer: Buffer } {
  const lines = [
    '指标,地区,时间,数值,原文',
    '行业协会商会总数,鄄城县,2023年7月,57,',
    ...(corrected ? [] : ['行业协会商会总数,单县,2023年7月,61,']),
    '已建立党组织的行业协会商会数,鄄城县,2023年7月,41,',
  ]
  return { name: '鄄城县协会商会.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') }
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/index.html'))) throw new Error('dist/ is missing: run npm run build first (npm test does).')
  dataDir = mkdtempSync(join(tmpdir(), 'heze-roles-'))
  server = await startServer(dataDir)
  base = server.url
  adminCall = await setUpAccounts(server, ['371726'])
  mkdirSync(shots, { recursive: true })
}, 120_000)

afterAll(async () => {
  for (const context of contexts) await context.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}, 60_000)

describe('county-scoped writing in Chromium', () => {
  it('refuses the clerk of 鄄城县 a file with a 单县 row, naming it, takes the corrected file, and shows the administrator both attempts', async () => {
    const clerk = await newPage()
    await clerk.goto(`${base}/?view=import`)
    await signIn(clerk, 'clerk01', 'clerk-password-1')
    await expect.poll(() => clerk.getByTestId('session-user').innerText()).toBe('clerk01（编辑·鄄城县）')
    expect(await clerk.getByTestId('record-write-hint').innerText()).toContain('你可以保存 鄄城县 及其下辖地区的数据')
    // An editor has no 操作记录 tab.
    expect(await clerk.locator('[role=tab][data-view=audit]').count()).toBe(0)

    await clerk.getByTestId('import-file').setInputFiles(clerkCsv(false))
    await expect.poll(() => clerk.getByTestId('import-summary').innerText()).toContain('3 行可导入')
    await clerk.getByTestId('import-confirm').click()
    const outcome = clerk.getByTestId('record-outcome')
    await expect.poll(() => outcome.innerText()).toContain('其中有不属于你负责地区的数据，整批未保存（1 处）')
    expect(await outcome.locator('li').allInnerTexts()).toEqual(['第 3 行 地区：371722 单县 不在你负责的地区（鄄城县）内'])
    await clerk.screenshot({ path: resolve(shots, 'roles-refused.png'), fullPage: true })

    await clerk.getByTestId('import-file').setInputFiles(clerkCsv(true))
    await expect.poll(() => clerk.getByTestId('import-summary').innerText()).toContain('2 行可导入')
    await clerk.getByTestId('import-confirm').click()
    await expect.poll(() => clerk.getByTestId('import-done').innerText()).toContain('已导入 2 行')

    const admin = await newPage()
    await admin.goto(`${base}/?view=audit`)
    await signIn(admin, 'admin', 'root-passphrase-1')
    await expect.poll(() => admin.getByTestId('session-user').innerText()).toBe('admin（管理员）')
    const trail = admin.getByTestId('audit-table')
    await expect.poll(() => trail.locator('tr[data-action=import]').count()).toBe(1)
    const refused = await trail.locator('tr[data-action=refused]').innerText()
    expect(refused).toContain('clerk01')
    expect(refused).toContain('被拒绝')
    expect(refused).toContain('「鄄城县协会商会.csv」 · 3 行')
    expect(refused).toContain('第 2 项 地区：371722 单县 不在你负责的地区（鄄城县）内')
    expect(await trail.locator('tr[data-action=import]').innerText()).toContain('「鄄城县协会商会.csv」 · 2 行')
    await admin.screenshot({ path: resolve(shots, 'roles-audit.png'), fullPage: true })

    // Narrowed to the clerk's imports, the CSV link carries the same filter.
    await admin.getByTestId('audit-user').fill('clerk01')
    await admin.getByTestId('audit-user').press('Tab')
    await admin.getByTestId('audit-action').selectOption('import')
    await expect.poll(() => trail.locator('tbody tr').count()).toBe(1)
    const href = await admin.getByTestId('audit-csv').getAttribute('href')
    expect(href).toBe('api/audit?user=clerk01&action=import&format=csv&limit=100000')
    const csv = await admin.evaluate(async (h) => (await fetch(h)).text(), href!)
    expect(csv.split('\n').filter((l) => l.trim())).toHaveLength(2)
    expect(csv).toContain('鄄城县协会商会.csv')
    expect(pageErrors).toEqual([])
  })

  it('makes the clerk change a reset password before anything else, and then shows the views again', async () => {
    const users = (await (await api('/api/users', { cookie: adminCall.cookie })).json()) as { id: number; username: string }[]
    const clerkId = users.find((u) => u.username === 'clerk01')!.id
    const reset = await api(`/api/users/${clerkId}`, { method: 'PATCH', body: { password: 'temporary-pass-9' }, ...adminCall })
    expect(reset.status).toBe(200)

    const clerk = await newPage()
    await clerk.goto(`${base}/?view=table`)
    await signIn(clerk, 'clerk01', 'temporary-pass-9')
    // The form loads lazily: the page's own files must load while the API waits for the new password.
    await clerk.getByTestId('password-form').waitFor()
    expect(await clerk.getByTestId('session-setup').locator('h2').innerText()).toBe('请先修改密码')
    expect(await clerk.locator('[role=tablist]').count()).toBe(0)
    await clerk.getByTestId('password-current').fill('temporary-pass-9')
    await clerk.getByTestId('password-new').fill('clerk01-new-pass')
    await clerk.getByTestId('password-repeat').fill('clerk01-new-pass')
    await clerk.getByTestId('password-submit').click()
    await expect.poll(() => clerk.getByTestId('password-error').innerText()).toContain('新密码不符合要求')
    await clerk.screenshot({ path: resolve(shots, 'roles-password.png') })
    await clerk.getByTestId('password-new').fill('a-fresh-passphrase')
    await clerk.getByTestId('password-repeat').fill('a-fresh-passphrase')
    await clerk.getByTestId('password-submit').click()
    await clerk.getByTestId('data-table').waitFor()
    expect(await clerk.getByTestId('session-setup').count()).toBe(0)
    expect(pageErrors).toEqual([])
  })
})
