import { beforeAll, describe, expect, it } from 'vitest'
import { appForTests } from './browser'

const app = appForTests()

/** Table cells of two or more characters wrapped down to about a character a line: unreadable. */
const crushedCells = (testid: string) =>
  app.page.getByTestId(testid).evaluate((table) =>
    [...table.querySelectorAll('td, th')].flatMap((cell) => {
      const text = (cell.textContent ?? '').trim()
      if (text.length < 2) return []
      const range = document.createRange()
      range.selectNodeContents(cell)
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      return lines > 1 && lines * 2 >= text.length ? [text] : []
    }),
  )

describe('the layout on a phone (390 × 844)', () => {
  beforeAll(() => app.page.setViewportSize({ width: 390, height: 844 }))

  it('shows the chart on the first screen, the filters folded into one line that opens a sheet', async () => {
    await app.page.goto(`${app.base}?view=trend&data=demo`)
    const chart = app.page.getByTestId('trend-chart')
    await chart.waitFor({ timeout: 20_000 })
    const box = (await chart.boundingBox())!
    expect(box.y + box.height / 2).toBeLessThan(844)
    expect(await app.page.getByTestId('region-search').isVisible()).toBe(false)
    const open = app.page.getByTestId('filter-open')
    expect(await open.innerText()).toContain('行业协会商会党组织覆盖率')
    await open.click()
    await expect.poll(() => app.page.getByTestId('region-search').isVisible()).toBe(true)
    // The sheet lies over the app.page and takes the focus; Escape folds it and gives the focus back.
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('filter-sheet')
    await app.page.keyboard.press('Escape')
    await expect.poll(() => app.page.getByTestId('region-search').isVisible()).toBe(false)
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('filter-open')
  })

  it('keeps table cells readable: names and periods on one line, longer texts wrapped by words', async () => {
    await app.page.getByTestId('observations-table').waitFor()
    expect(await crushedCells('observations-table')).toEqual([])
    await app.page.goto(`${app.base}?view=table&data=demo`)
    await app.page.getByTestId('data-table').waitFor({ timeout: 20_000 })
    expect(await crushedCells('data-table')).toEqual([])
  })
})

describe('the layout on a desktop (1366 × 900)', () => {
  beforeAll(() => app.page.setViewportSize({ width: 1366, height: 900 }))

  it('lists every county and zone in the region tree at once, with no scroll box of its own', async () => {
    await app.page.goto(`${app.base}?view=trend&data=demo`)
    await app.page.getByTestId('trend-chart').waitFor({ timeout: 20_000 })
    const codes = ['371702', '371703', '371721', '371722', '371723', '371724', '371725', '371726', '371728', '371771', '371772']
    for (const code of codes) expect(await app.page.locator(`input[data-code="${code}"]`).isVisible(), code).toBe(true)
    const scrolls = await app.page.locator('.filter-regions').evaluate((el) =>
      [el, ...el.querySelectorAll('*')].filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight).length,
    )
    expect(scrolls).toBe(0)
  })

  it('shows the filter panel only where it changes the view', async () => {
    for (const [view, shown] of [['trend', ['metric-select', 'period-range', 'region-search']], ['overview', ['region-search']], ['ingest', []], ['import', []], ['sources', []]] as const) {
      await app.page.goto(`${app.base}?view=${view}`)
      await app.page.locator('.app-main__view').waitFor({ timeout: 20_000 })
      for (const id of ['metric-select', 'period-range', 'region-search']) {
        expect(await app.page.getByTestId(id).count(), `${view} ${id}`).toBe((shown as readonly string[]).includes(id) ? 1 : 0)
      }
    }
  })

  it('puts the export tools in the same place on every view: the top right', async () => {
    const places: Record<string, { top: number; right: number }> = {}
    for (const view of ['trend', 'compare', 'map', 'table']) {
      await app.page.goto(`${app.base}?view=${view}&data=demo`)
      const tools = app.page.getByTestId('view-tools')
      await tools.locator('[data-testid=export-pptx]').waitFor({ timeout: 20_000 })
      const [t, v] = await Promise.all([tools.boundingBox(), app.page.locator('.app-main__view').boundingBox()])
      places[view] = { top: Math.round(t!.y - v!.y), right: Math.round(v!.x + v!.width - (t!.x + t!.width)) }
    }
    for (const view of ['compare', 'map', 'table']) expect(places[view], view).toEqual(places.trend)
  })

  it('logs no error on the way', () => {
    expect(app.errors).toEqual([])
  })
})
