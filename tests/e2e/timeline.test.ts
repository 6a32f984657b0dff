import { describe, expect, it } from 'vitest'
import { appForTests } from './browser'

const app = appForTests()

const now = () => app.page.getByTestId('period-now').innerText()

describe('the timeline of 地图 and 对比 in Chromium', () => {
  it('shows the latest period within 起始/截止, steps with the handle, and keeps the step in the link', async () => {
    await app.page.goto(`${app.base}?view=map&data=demo&from=2024-01&to=2024-12`)
    await expect.poll(now, { timeout: 20_000 }).toBe('2024年12月（最新）')
    await app.page.getByTestId('map-chart').waitFor()
    await app.page.getByTestId('period-slider').focus()
    await app.page.keyboard.press('ArrowLeft')
    await expect.poll(now).toBe('2024年11月')
    await expect.poll(() => new URL(app.page.url()).searchParams.get('at')).toBe('2024-11')
    // The link reproduces the view: a reload shows the same period.
    await app.page.reload()
    await expect.poll(now, { timeout: 20_000 }).toBe('2024年11月')
    // And Back undoes the step.
    await app.page.goBack()
    await expect.poll(() => new URL(app.page.url()).searchParams.get('at')).toBeNull()
    await expect.poll(now).toBe('2024年12月（最新）')
  })

  it('plays through the periods on 对比 and stops at the latest', async () => {
    await app.page.goto(`${app.base}?view=compare&data=demo&from=2024-10&to=2024-12`)
    await expect.poll(now, { timeout: 20_000 }).toBe('2024年12月（最新）')
    await app.page.getByTestId('period-play').click()
    await expect.poll(now).toBe('2024年10月')
    await expect.poll(now, { timeout: 5_000 }).toBe('2024年12月（最新）')
    await expect.poll(() => app.page.getByTestId('period-play').getAttribute('aria-pressed')).toBe('false')
  })

  it('shows the trend as change since the start with one switch, kept in the link and named in the frame', async () => {
    await app.page.goto(`${app.base}?view=trend&data=demo&from=2024-01`)
    await app.page.getByTestId('trend-chart').waitFor({ timeout: 20_000 })
    await app.page.locator('[data-measure=percent]').check()
    await expect.poll(() => new URL(app.page.url()).searchParams.get('measure')).toBe('percent')
    await expect.poll(() => app.page.getByTestId('chart-frame').locator('h3').innerText()).toContain('较起点的变化率')
    expect(await app.page.getByTestId('chart-frame').innerText()).toContain('单位：%')
    await app.page.goBack()
    await expect.poll(() => app.page.locator('[data-measure=value]').isChecked()).toBe(true)
  })

  it('moves the trend’s range with a handle’s keys, and zooming the chart moves the handles: one state, in the link', async () => {
    await app.page.goto(`${app.base}?view=trend&data=demo`)
    await app.page.getByTestId('trend-chart').waitFor({ timeout: 20_000 })
    const from = app.page.getByTestId('period-from')
    const handle = (testid: string) => app.page.getByTestId(testid).evaluate((el) => Number((el as HTMLInputElement).value))
    const param = (key: string) => new URL(app.page.url()).searchParams.get(key)
    await from.focus()
    for (let i = 0; i < 3; i++) await app.page.keyboard.press('ArrowRight')
    await expect.poll(() => param('from')).toBe('2022-05')
    expect(await from.getAttribute('aria-valuetext')).toBe('2022年5月')
    await expect.poll(() => app.page.getByTestId('period-range').innerText()).toBe('2022年5月 — 2025年1月')
    // A wheel over the plot zooms in: once it rests, the range and both handles follow it.
    const box = (await app.page.getByTestId('trend-chart').boundingBox())!
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    for (let i = 0; i < 4; i++) await app.page.mouse.wheel(0, -200)
    await expect.poll(() => param('to'), { timeout: 5_000 }).not.toBeNull()
    const zoomed = { from: param('from'), to: param('to') }
    expect(zoomed.from! > '2022-05').toBe(true)
    expect(zoomed.to! < '2025-01').toBe(true)
    expect(await handle('period-from')).toBeGreaterThan(3)
    expect(await handle('period-to')).toBeLessThan(35)
    // Back undoes the zoom in one step.
    await app.page.goBack()
    await expect.poll(() => [param('from'), param('to')]).toEqual(['2022-05', null])
    await expect.poll(() => handle('period-from')).toBe(3)
  })

  it('colours the map by the change since the range’s start with the same switch, named in its frame', async () => {
    await app.page.goto(`${app.base}?view=map&data=demo&from=2024-01&to=2024-12`)
    await app.page.getByTestId('map-chart').waitFor({ timeout: 20_000 })
    await app.page.locator('[data-measure=change]').check()
    await expect.poll(() => new URL(app.page.url()).searchParams.get('measure')).toBe('change')
    await expect.poll(() => app.page.getByTestId('chart-frame').locator('h3').innerText()).toContain('较起点的变化')
    expect(await app.page.getByTestId('chart-frame').innerText()).toContain('单位：个百分点')
    await app.page.goBack()
    await expect.poll(() => app.page.locator('[data-measure=value]').isChecked()).toBe(true)
  })

  it('logs no error on the way', () => {
    expect(app.errors).toEqual([])
  })
})
