import { describe, expect, it } from 'vitest'
import { appForTests } from './browser'

const app = appForTests({ consoleErrors: true })

const chartLabel = () => app.page.getByTestId('trend-chart').getAttribute('aria-label')
const search = () => new URL(app.page.url()).search

describe('a shared view in Chromium', () => {
  it('keeps English over a reload, in the link and on this machine, and names places in English', async () => {
    await app.page.goto(`${app.base}?data=demo&metric=assoc_party_coverage_rate&regions=371726,371702`)
    await app.page.getByRole('button', { name: 'English' }).click()
    await expect.poll(search).toContain('lang=en')
    await app.page.reload()
    await expect.poll(() => app.page.locator('h1').innerText()).toBe('Heze Community Governance Indicators')
    expect(await app.page.locator('.filter-regions').innerText()).toContain('Juancheng County')
    await expect.poll(chartLabel).toContain('Juancheng County')
    expect(await chartLabel()).toContain('Mudan District')
    expect(await chartLabel()).not.toContain('鄄城县')
    // A link without the key gets the last choice; a link that names Chinese wins over it.
    await app.page.goto(`${app.base}?data=demo`)
    await expect.poll(() => app.page.locator('h1').innerText()).toBe('Heze Community Governance Indicators')
    expect(search()).toContain('lang=en')
    await app.page.goto(`${app.base}?data=demo&lang=zh`)
    // Chinese named by the link shows, but does not become this machine's choice.
    await expect.poll(search).toBe('?data=demo')
    expect(await app.page.locator('h1').innerText()).toBe('菏泽社会治理指标看板')
    expect(await app.page.evaluate(() => localStorage.getItem('heze-dashboard:lang'))).toBe('en')
    await app.page.evaluate(() => localStorage.clear())
  })

  it('embeds the trend with its frame alone: no header, filters or tabs', async () => {
    await app.page.goto(`${app.base}?view=trend&embed=1&data=demo`)
    await app.page.getByTestId('trend-chart').waitFor()
    const frame = app.page.getByTestId('chart-frame')
    await expect.poll(() => frame.locator('.chart-frame__title').innerText()).not.toBe('')
    expect(await frame.locator('.chart-frame__demo').innerText()).toBe('演示数据')
    expect(await frame.locator('.chart-frame__source').innerText()).toMatch(/数据来源/)
    for (const hidden of ['.app-header', '.filter-bar', '.view-tabs', '.view-trend__tools', '[data-testid=observations-table]']) {
      expect(await app.page.locator(hidden).isVisible(), hidden).toBe(false)
    }
    expect(search()).toContain('embed=1')
  })

  it('keeps the table’s form and sort over a reload, one history entry per click', async () => {
    await app.page.goto(`${app.base}?view=table&data=demo`)
    await app.page.getByTestId('table-mode-wide').check()
    await app.page.getByTestId('wide-table').locator('[data-sort=change]').click()
    await expect.poll(search).toBe('?view=table&table=wide&sort=-change&data=demo')
    await app.page.reload()
    await app.page.getByTestId('wide-table').waitFor()
    expect(await app.page.getByTestId('table-mode-wide').isChecked()).toBe(true)
    expect(await app.page.getByTestId('wide-table').locator('th:has([data-sort=change])').getAttribute('aria-sort')).toBe('descending')
    await app.page.goBack()
    await expect.poll(search).toBe('?view=table&table=wide&data=demo')
  })

  it('keeps the figure 来源 was opened at over a reload', async () => {
    await app.page.goto(`${app.base}?view=table&regions=371726`)
    await app.page.getByTestId('table-metric').selectOption('artworks_collected')
    const row = app.page.getByTestId('data-table').locator('tbody tr').filter({ has: app.page.locator('td', { hasText: /^289$/ }) })
    await row.locator('.table-data__source').click()
    await expect.poll(search).toContain('view=sources')
    expect(decodeURIComponent(search())).toContain('figure=artworks_collected~371726~2024-12-30~heze-daily-2025-01')
    await app.page.reload()
    await expect.poll(() => app.page.locator('.sources-reader__mark--focused').first().innerText()).toContain('289')
    // A source is named in the link when no figure is (the shipped data has one source: a link naming another is corrected).
    await app.page.goto(`${app.base}?view=sources&source=heze-daily-2025-01`)
    await expect.poll(() => app.page.getByTestId('source-select').inputValue()).toBe('heze-daily-2025-01')
    expect(search()).toBe('?view=sources&source=heze-daily-2025-01')
    await app.page.goto(`${app.base}?view=sources&source=gone`)
    await expect.poll(() => app.page.getByTestId('link-notice').innerText()).toContain('来源「gone」在当前数据中找不到')
    expect(search()).toBe('?view=sources')
  })

  it('says in words which parts of a link it did not understand', async () => {
    await app.page.goto(`${app.base}?view=table&table=pivot&sort=colour&lang=fr`)
    await expect.poll(() => app.page.getByTestId('link-notice').innerText()).toContain('数据表形式「pivot」无法识别')
    expect(await app.page.getByTestId('link-notice').innerText()).toContain('语言「fr」无法识别')
    expect(search()).toBe('?view=table')
  })

  it('logs no error', () => {
    expect(app.errors).toEqual([])
  })
})
