import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeGbk } from '../data/import/gbk'
import { openApp } from './browser'

let server: PreviewServer
let url: string
let context: BrowserContext
let page: Page
const pageErrors: string[] = []
const dir = mkdtempSync(join(tmpdir(), 'import-e2e-'))

/** A GBK CSV as Excel on Chinese Windows saves it (CRLF); `period3` is the period of its third data row. */
function writeGbkCsv(period3: string): string {
  const path = join(dir, '鄄城县社会组织统计.csv')
  const lines = ['指标,地区,时间,数值,原文', '已建立党组织的行业协会商会数,鄄城,2024年12月,"1,234",', '行业协会商会总数,鄄城县,2024年12月,约1400,', `行业协会商会总数,郓城,${period3},88,<script>alert(1)</script>`]
  writeFileSync(path, encodeGbk(lines.join('\r\n') + '\r\n'))
  return path
}

beforeAll(async () => {
  ({ server, url, context, page } = await openApp())
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('dialog', (d) => d.accept())
  await page.goto(`${url}?view=import`)
  await page.getByTestId('import-file').waitFor()
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

describe('importing an office’s GBK spreadsheet in Chromium', () => {
  it('names the bad row and column of a GBK CSV, and imports nothing while it is bad', async () => {
    await page.getByTestId('import-file').setInputFiles(writeGbkCsv('2024-13'))
    const problems = page.getByTestId('import-problems')
    await expect.poll(() => problems.innerText()).toContain('“2024-13”的月份或日期不存在')
    const row = problems.locator('tr', { hasText: '2024-13' })
    expect(await row.locator('td').nth(0).innerText()).toBe('4')
    expect(await row.locator('td').nth(1).innerText()).toBe('时间')
    expect(await page.getByTestId('import-summary').innerText()).toContain('编码 gb18030')
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true)
  })

  it('imports the fixed file, shows the script cell as text, and keeps the rows across a reload', async () => {
    await page.getByTestId('import-file').setInputFiles(writeGbkCsv('2024年第四季度'))
    await expect.poll(() => page.getByTestId('import-summary').innerText()).toContain('3 行可导入')
    expect(await page.getByTestId('import-problems').innerText()).toContain('<script>alert(1)</script>')
    await page.getByTestId('import-confirm').click()
    await expect.poll(() => page.getByTestId('import-done').innerText()).toContain('已导入 3 行')

    await page.reload()
    await expect.poll(() => page.getByTestId('import-history').innerText()).toContain('鄄城县社会组织统计.csv')
    await page.goto(`${url}?view=trend&metric=assoc_total&regions=371725`)
    const table = page.getByTestId('observations-table')
    await expect.poll(() => table.innerText()).toContain('88家')
    expect(await table.innerText()).toContain('郓城县')
    expect(await page.locator('script:not([src])').count()).toBe(0)
    expect(pageErrors).toEqual([])
  })

  it('reads an XLSX workbook in the browser, offering its sheets', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('数据').addRows([['指标', '地区', '时间', '数值'], ['行业协会商会总数', '曹县', new Date(Date.UTC(2024, 11, 31)), 42]])
    book.addWorksheet('说明')
    const path = join(dir, '统计.xlsx')
    await book.xlsx.writeFile(path)
    await page.goto(`${url}?view=import`)
    await page.getByTestId('import-file').setInputFiles(path)
    await expect.poll(() => page.getByTestId('import-summary').innerText(), { timeout: 10_000 }).toContain('统计.xlsx：共 1 行，1 行可导入')
    expect(await page.getByTestId('import-sheet').locator('option').allInnerTexts()).toEqual(['数据', '说明'])
    expect(await page.getByTestId('import-preview').innerText()).toContain('2024年12月31日')
  })

  it('reads a 70 MB file off the main thread with progress, and cancels it, leaving the page working', async () => {
    const path = join(dir, 'big.csv')
    writeFileSync(path, '指标,地区,时间,数值\n' + '行业协会商会总数,鄄城,2024年12月,"1,234"\n'.repeat(1_500_000))
    await page.goto(`${url}?view=import`)
    await page.getByTestId('import-file').setInputFiles(path)
    const reading = page.getByRole('status').filter({ hasText: '正在读取 big.csv' })
    await reading.waitFor()
    // The page's own thread answers while the worker reads (a frozen page would only answer once reading ended).
    expect(await page.evaluate(() => document.querySelector('progress')?.getAttribute('max'))).toBe('100')
    await reading.getByRole('button', { name: '取消' }).click()
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('已取消读取 big.csv')
    expect(await page.getByTestId('import-confirm').count()).toBe(0)
  })

  it('restores the embedded data in one click, and the imported rows are gone after a reload', async () => {
    await page.goto(`${url}?view=import`)
    await page.getByTestId('import-restore').click()
    await expect.poll(() => page.getByTestId('import-history').innerText()).toContain('尚未导入')
    await page.reload()
    await expect.poll(() => page.getByTestId('import-history').innerText()).toContain('尚未导入')
  })
})
