import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'

// The capture runs in a real page (canvas, FontFace, the page's CSP); the dev server serves the modules directly,
// so this needs no mounted menu and no build.
let server: ViteDevServer
let context: BrowserContext
let page: Page
const root = resolve(import.meta.dirname, '../..')

beforeAll(async () => {
  server = await createServer({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } })
  await server.listen()
  context = await launchBrowser()
  page = await context.newPage()
  await page.goto(server.resolvedUrls!.local[0])
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

// A string, not a function: Vitest would rewrite a function's import() into its own loader, which the page lacks.
const CAPTURE = `async (scale) => {
  const { buildExportOption } = await import('/src/charts/exportLayout.ts')
  const { buildTrendOption } = await import('/src/charts/trend.ts')
  const { capturePng } = await import('/src/export/browser.ts')
  const point = (time, value) => ({ time, value, qualifier: '=', label: value + '%', period: '', source: '' })
  const input = { unit: '%', target: null, emptyText: '', singlePointNote: '', animation: false, series: [
    { name: '鄄城县', points: [point(1.70e12, 60), point(1.74e12, 66.1)] },
    { name: '牡丹区', points: [point(1.70e12, 50), point(1.74e12, 58)] },
  ] }
  const meta = { title: '党组织覆盖率', subtitle: '鄄城县、牡丹区', unit: '单位：%', source: '数据来源：《菏泽日报》', credit: '制图：菏泽社会治理指标看板', demo: '' }
  const blob = await capturePng(buildExportOption(buildTrendOption(input), meta), scale)
  const bitmap = await createImageBitmap(blob)
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(bitmap, 0, 0)
  // Dark pixels in the title's row: a drawn title has many; boxes or nothing have few.
  const { data } = ctx.getImageData(0, 24 * scale, 400 * scale, 30 * scale)
  let ink = 0
  for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 300) ink++
  const corner = [...ctx.getImageData(2, 2, 1, 1).data]
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let png = ''
  for (let i = 0; i < bytes.length; i += 0x8000) png += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { png: btoa(png), type: blob.type, width: bitmap.width, height: bitmap.height, ink: ink / (data.length / 4), corner, fontReady: document.fonts.check('16px "Noto Sans CJK SC"', '党') }
}`

interface Shot {
  png: string
  type: string
  width: number
  height: number
  ink: number
  corner: number[]
  fontReady: boolean
}

/** Captures a two-line trend in the page at `scale` and measures the PNG and its title row. */
const capture = (scale: number) => page.evaluate(`(${CAPTURE})(${scale})`) as Promise<Shot>

describe('chart capture in Chromium', () => {
  it('makes a PNG of the export layout times the scale, on white', async () => {
    const shot = await capture(2)
    mkdirSync(resolve(root, 'test-results'), { recursive: true })
    writeFileSync(resolve(root, 'test-results/export-browser.png'), Buffer.from(shot.png, 'base64'))
    expect(shot).toMatchObject({ type: 'image/png', width: 2560, height: 1440, corner: [255, 255, 255, 255] })
    expect((await capture(1)).width).toBe(1280)
  })

  it('draws the Chinese title with the bundled font loaded through FontFace', async () => {
    const shot = await capture(2)
    expect(shot.fontReady).toBe(true)
    expect(shot.ink).toBeGreaterThan(0.05)
  })
})
