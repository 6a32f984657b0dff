// Takes full-page screenshots of the built app, to look at it as a user would (`screen`: only what the first
// screen shows, as a phone user sees it before scrolling):
//   npm run build && npx tsx scripts/screenshot.ts [QUERY] [OUT.png] [WIDTHxHEIGHT] [screen]
import { launchBrowser, startPreview } from '../tests/e2e/browser'

const [query = '', out = 'test-results/screenshot.png', size = '1366x900', extent = 'page'] = process.argv.slice(2)
const [width, height] = size.split('x').map(Number)
const { server, url } = await startPreview()
const context = await launchBrowser()
try {
  const page = await context.newPage()
  await page.setViewportSize({ width, height })
  await page.goto(url + query)
  // Whichever view the link opens, wait for its main element (or the empty-table message).
  await page.locator('[data-testid=trend-chart], [data-testid=observations-table], [data-testid=overview], [data-testid=compare], [data-testid=compare-chart], [data-testid=map-chart], .view-sources, .view-ingest, .view-import, .view-table').or(page.getByText('当前筛选下没有数据')).first().waitFor()
  await page.waitForTimeout(1200)
  await page.screenshot({ path: out, fullPage: extent !== 'screen' })
  console.log(out)
} finally {
  await context.close()
  await server.close()
}
