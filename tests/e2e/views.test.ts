import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAP_LAYOUT } from '@/charts/map'
import { openApp } from './browser'

let server: PreviewServer
let base: string
let origin: string
let context: BrowserContext
let page: Page
const consoleErrors: string[] = []
const foreignRequests: string[] = []

beforeAll(async () => {
  ({ server, url: base, context, page } = await openApp())
  origin = new URL(base).origin
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
  page.on('pageerror', (e) => consoleErrors.push(e.message))
  page.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && foreignRequests.push(r.url()))
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

type Ring = [number, number][]
const geo = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/geo/heze-counties.geojson'), 'utf8')) as {
  features: { properties: { code: string }; geometry: { coordinates: Ring[] } }[]
}

/**
 * Where a county's middle lands in the chart, from the layout buildMapOption fixes (MAP_LAYOUT, and ECharts'
 * GeoJSON aspect scale 0.75), so the test clicks the polygon a user would.
 */
function countyPixel(code: string, width: number, height: number): { x: number; y: number } {
  const all = geo.features.flatMap((f) => f.geometry.coordinates[0])
  const lons = all.map((p) => p[0])
  const lats = all.map((p) => p[1])
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)]
  const aspect = ((maxLon - minLon) / (maxLat - minLat)) * 0.75
  const percent = (p: string) => parseFloat(p) / 100
  const size = percent(MAP_LAYOUT.size) * Math.min(width, height)
  const [w, h] = aspect > 1 ? [size, size / aspect] : [size * aspect, size]
  const left = width * percent(MAP_LAYOUT.center[0]) - w / 2
  const top = height * percent(MAP_LAYOUT.center[1]) - h / 2
  const ring = geo.features.find((f) => f.properties.code === code)!.geometry.coordinates[0]
  const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length
  const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length
  return { x: left + ((lon - minLon) / (maxLon - minLon)) * w, y: top + ((maxLat - lat) / (maxLat - minLat)) * h }
}

/** Pixels of the map canvas in the selection outline's vermillion (#D55E00). */
async function outlinePixels(): Promise<number> {
  return page.getByTestId('map-chart').locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let n = 0
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 213) < 25 && Math.abs(data[i + 1] - 94) < 25 && data[i + 2] < 40) n++
    return n
  })
}

describe('the overview, compare and map views in Chromium', () => {
  it('filters to a county clicked on the map and outlines it; a second click clears it', async () => {
    await page.goto(`${base}?view=map&metric=artworks_collected`)
    const chart = page.getByTestId('map-chart')
    await chart.locator('canvas').first().waitFor()
    await expect.poll(outlinePixels, { timeout: 10_000 }).toBe(0)
    const box = (await chart.boundingBox())!
    const target = countyPixel('371721', box.width, box.height)
    await chart.click({ position: target })
    await expect.poll(() => page.url()).toContain('regions=371721')
    await page.mouse.move(box.x + 2, box.y + 2) // hovering draws its own border over the outline
    await expect.poll(outlinePixels, { timeout: 10_000 }).toBeGreaterThan(50)
    await chart.click({ position: target })
    await expect.poll(() => page.url()).not.toContain('regions=')
    await page.mouse.move(box.x + 2, box.y + 2)
    await expect.poll(outlinePixels, { timeout: 10_000 }).toBe(0)
  })

  it('lists the development zones beside the map with their values', async () => {
    await expect.poll(() => page.getByTestId('map-zones').innerText()).toContain('菏泽经济技术开发区')
    expect(await page.getByTestId('map-zones').innerText()).toContain('无数据')
  })

  it('lists the counties without a figure as 无数据 under the compare chart', async () => {
    await page.goto(`${base}?view=compare&metric=artworks_collected`)
    await page.getByTestId('compare-chart').locator('canvas').first().waitFor()
    const missing = page.getByTestId('compare-missing')
    await expect.poll(() => missing.innerText()).toContain('无数据的地区（11个）')
    expect(await missing.innerText()).toContain('牡丹区')
    expect(await missing.innerText()).not.toContain('鄄城县')
  })

  it('opens a metric’s trend from its overview card', async () => {
    await page.goto(`${base}?view=overview`)
    const card = page.locator('[data-metric="assoc_party_coverage_rate"]')
    await expect.poll(() => card.innerText()).toContain('66.1%')
    await card.click()
    await expect.poll(() => page.url()).toContain('metric=assoc_party_coverage_rate')
    expect(page.url()).not.toContain('view=')
    await page.getByTestId('trend-chart').waitFor()
  })

  it('logs no console error and asks no other origin for anything', () => {
    expect(consoleErrors).toEqual([])
    expect(foreignRequests).toEqual([])
  })
})
