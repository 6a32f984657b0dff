import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from './browser'

let server: PreviewServer
let base: string
let context: BrowserContext
let page: Page

beforeAll(async () => {
  ({ server, url: base, context, page } = await openApp())
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin })
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

/** 鄄城县's line in the demonstration package, as an official would paste it under the chart. */
const JUANCHENG =
  '（演示数据）截至2025年1月，鄄城县行业协会商会党组织覆盖率为68.5%，较上月提高0.8个百分点，同比提高7.2个百分点，距100%目标尚差31.5个百分点。' +
  '2022年2月至2025年1月提高21.6个百分点，其中2022年7月至2022年8月变化最大，提高2.2个百分点。'

describe('the paragraph under a chart', () => {
  it('copies the text under the trend to the clipboard, exactly as shown', async () => {
    await page.goto(`${base}?view=trend&metric=assoc_party_coverage_rate&regions=371726&data=demo`)
    const text = page.getByTestId('briefing-text')
    await text.waitFor()
    expect(await text.textContent()).toBe(JUANCHENG)
    await page.getByTestId('briefing-copy').click()
    await page.getByText('文字已复制').waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(JUANCHENG)
  })

  it('writes the compare view’s paragraph about the places it ranks', async () => {
    await page.goto(`${base}?view=compare&metric=assoc_party_coverage_rate&data=demo`)
    const text = page.getByTestId('briefing-text')
    await text.waitFor()
    expect(await text.textContent()).toContain('11个县区中菏泽高新技术开发区最高（83.1%），定陶区最低（62.3%）')
  })

  it('shows an overview card’s paragraph when the card is expanded', async () => {
    await page.goto(`${base}?view=overview`)
    const card = page.locator('.overview-card-frame', { has: page.locator('[data-metric="assoc_party_coverage_rate"]') })
    await card.getByText('文字说明').click()
    expect(await card.getByTestId('briefing-text').textContent()).toBe('截至2025年1月，菏泽市行业协会商会党组织覆盖率为66.1%，距100%目标尚差33.9个百分点。')
  })
})
