import { chromium } from 'playwright-core'
import { preview } from 'vite'
const server = await preview({ root: '/work/main', preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' })
const url = server.resolvedUrls!.local[0]
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] })
const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 2 })
await page.goto(url + (process.argv[2] ?? ''))
await page.waitForTimeout(2500)
await page.locator('[data-testid=trend-chart]').screenshot({ path: process.argv[3] ?? '/tmp/crop.png' })
await browser.close(); await server.close()
