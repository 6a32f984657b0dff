/**
 * In headless Chromium: navigation → first chart `finished`, the app against the bare page (alternating
 * fresh loads), with the JS and CSS each fetched before that moment; and, on a copy of the app serving a
 * 1 M-observation package, the load and a filter change.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BrowserContext, Page } from 'playwright-core'
import { preview } from 'vite'
import { launchBrowser } from '../e2e/browser'
import { round, summarize } from './stats'
import { benchData, benchPackage } from './synthetic'

/** Times in ms from navigation start unless named otherwise; sizes in KB gzip. */
export interface BrowserFigures {
  app_first_chart_ms: number
  bare_first_chart_ms: number
  first_chart_ratio: number
  /** JS and CSS fetched before the first chart finished (first load; workers included), app and bare page. */
  fetched_before_chart_gzip_kb: number
  bare_fetched_before_chart_gzip_kb: number
  fetched_before_chart_ratio: number
  fetched_before_chart_files: number
  /** Each file the app fetched before its first chart finished, largest first (gzip KB). */
  fetched_before_chart: { file: string; gzip_kb: number }[]
  loads: number
  /** With 1 M observations: navigation → chart finished, and the longest main-thread task meanwhile. */
  load_1m_browser_ms: number
  longest_task_1m_ms: number
  /**
   * A filter change with 1 M observations loaded (a metric chosen, a region ticked or unticked, the period's start
   * moved): to the chart's next frame and to its `finished`; the slowest kind's median, and each kind's.
   */
  filter_1m_rendered_ms: number
  filter_1m_finished_ms: number
  filter_1m_by_kind: Record<string, { rendered_ms: number; finished_ms: number }>
  /** With 1 M observations and no region ticked: the longest main-thread task after switching to each view. */
  views_1m_longest_task_ms: Record<string, number>
  /** The loader alone (fetch, parse, validate, index 1 M): in the load worker, and on the page's thread. */
  worker_load_1m_ms: number
  worker_longest_task_ms: number
  main_load_1m_ms: number
  main_longest_task_ms: number
}

// Runs in the page before its scripts: records each chart's events (the builds call __benchOnChart).
const HOOK = `
  window.__bench = { finished: [], rendered: [], longest: 0 };
  window.__benchOnChart = (chart) => {
    chart.on('finished', () => window.__bench.finished.push(performance.now()));
    chart.on('rendered', () => window.__bench.rendered.push(performance.now()));
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longest = Math.max(window.__bench.longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
`

interface Bench {
  finished: number[]
  rendered: number[]
  longest: number
}

/** A built site served on a free local port. */
export interface Served {
  url: string
  server: { close(): Promise<unknown> }
}

async function serve(dir: string): Promise<Served> {
  const server = await preview({ root: dir, configFile: false, logLevel: 'silent', build: { outDir: dir }, preview: { host: '127.0.0.1', port: 0 } })
  return { server, url: server.resolvedUrls!.local[0] }
}

async function freshPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await page.addInitScript(HOOK)
  return page
}

const bench = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Bench }).__bench)

async function firstFinished(context: BrowserContext, url: string, timeout = 60_000): Promise<{ ms: number; longest: number; page: Page; fetched: string[] }> {
  const page = await freshPage(context)
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __bench: Bench }).__bench.finished.length > 0, null, { timeout })
  const b = await bench(page)
  // Scripts and styles whose fetch started before the chart finished: what the first chart really waited on.
  const fetched = await page.evaluate(
    (until) => performance.getEntriesByType('resource').filter((e) => e.startTime < until && /\.(js|css)$/.test(new URL(e.name).pathname)).map((e) => new URL(e.name).pathname),
    b.finished[0],
  )
  return { ms: b.finished[0], longest: b.longest, page, fetched }
}

/** Gzip bytes (level 9) of each file at these URL paths in a built site, largest first. */
function gzipFiles(siteDir: string, siteUrl: string, paths: readonly string[]): { file: string; bytes: number }[] {
  const root = new URL(siteUrl).pathname
  return [...new Set(paths)]
    .map((p) => ({ file: p.slice(root.length), bytes: gzipSync(readFileSync(join(siteDir, p.slice(root.length))), { level: 9 }).length }))
    .sort((a, b) => b.bytes - a.bytes)
}

const totalBytes = (files: { bytes: number }[]) => files.reduce((sum, f) => sum + f.bytes, 0)

/** One filter change, as a user makes it: a metric chosen, a region ticked or unticked, the period's start moved. */
type FilterChange = { kind: 'metric' | 'region' | 'period'; value: string }

/** Makes a filter change in the page and times the trend chart's next frame and its next `finished`. */
async function changeFilter(page: Page, change: FilterChange): Promise<{ rendered: number; finished: number }> {
  const t0 = await page.evaluate(({ kind, value }) => {
    const b = (window as unknown as { __bench: Bench }).__bench
    b.finished.length = 0
    b.rendered.length = 0
    const start = performance.now()
    if (kind === 'region') {
      document.querySelector<HTMLInputElement>(`input[type=checkbox][data-code="${value}"]`)!.click()
    } else if (kind === 'metric') {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="metric-select"]')!
      select.value = value
      select.dispatchEvent(new Event('change'))
    } else {
      // The range's start handle, moved to the value's position and let go, as a drag or a key press ends.
      const handle = document.querySelector<HTMLInputElement>('[data-testid="period-from"]')!
      handle.value = value
      handle.dispatchEvent(new Event('input'))
      handle.dispatchEvent(new Event('change'))
    }
    return start
  }, change)
  await page.waitForFunction(() => (window as unknown as { __bench: Bench }).__bench.finished.length > 0, null, { timeout: 30_000 })
  const b = await bench(page)
  return { rendered: b.rendered[0] - t0, finished: b.finished[0] - t0 }
}

const KINDS = ['metric', 'region', 'period'] as const

/** `loads` changes of each kind, each undone by the next where it toggles (a region, the period's start). */
function filterChanges(loads: number): FilterChange[] {
  return [
    ...Array.from({ length: loads }, (_, i): FilterChange => ({ kind: 'metric', value: `service_events_${i % 5}` })),
    ...Array.from({ length: loads }, (): FilterChange => ({ kind: 'region', value: '990004' })),
    // The start handle a year further in each time, and back to the first period the next.
    ...Array.from({ length: loads }, (_, i): FilterChange => ({ kind: 'period', value: String(i % 2 ? 0 : 12 * (i + 1)) })),
  ]
}

/** Opens `url`, then clicks each view's tab in turn: the longest main-thread task within 2 s of each click. */
async function viewSwitches(context: BrowserContext, url: string): Promise<Record<string, number>> {
  const page = await freshPage(context)
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __bench: Bench }).__bench.finished.length > 0, null, { timeout: 120_000 })
  const out: Record<string, number> = {}
  for (const view of ['overview', 'compare', 'map', 'table', 'sources', 'trend']) {
    await page.evaluate(() => ((window as unknown as { __bench: Bench }).__bench.longest = 0))
    await page.locator(`[data-view=${view}]`).click()
    await page.waitForTimeout(2000)
    out[view] = Math.round((await bench(page)).longest)
  }
  await page.close()
  return out
}

/** Writes a 1 M-observation package over (a copy of) a built site's data/. */
function with1m(siteDir: string, pkg: ReturnType<typeof benchPackage>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-1m-'))
  cpSync(siteDir, dir, { recursive: true })
  mkdirSync(join(dir, 'data'), { recursive: true })
  writeFileSync(join(dir, 'data', 'datapackage.json'), pkg.descriptor!)
  for (const [path, text] of Object.entries(pkg.tables)) writeFileSync(join(dir, 'data', path), text!)
  return dir
}

type LoaderResult = { ms: number; observations: number; errors: number; longestTask: number }

async function loadOnce(context: BrowserContext, url: string): Promise<LoaderResult> {
  const page = await freshPage(context)
  await page.goto(url)
  await page.waitForFunction(() => '__loaded' in window, null, { timeout: 120_000 })
  const result = await page.evaluate(() => (window as unknown as { __loaded: LoaderResult }).__loaded)
  await page.close()
  if (result.errors || result.observations < 1_000_000) throw new Error(`the loader page loaded ${result.observations} observations with ${result.errors} errors`)
  return result
}

/** The first chart's figures: app and bare page loaded alternately, fresh each time. */
export type FirstChartFigures = Pick<
  BrowserFigures,
  | 'app_first_chart_ms'
  | 'bare_first_chart_ms'
  | 'first_chart_ratio'
  | 'fetched_before_chart_gzip_kb'
  | 'bare_fetched_before_chart_gzip_kb'
  | 'fetched_before_chart_ratio'
  | 'fetched_before_chart_files'
  | 'fetched_before_chart'
  | 'loads'
>

/** Navigation → first chart `finished` for the app and the bare page, and what each fetched before it. */
export async function benchFirstChart(appDir: string, bareDir: string, loads = 5, given?: BrowserContext, serveApp: (dir: string) => Promise<Served> = serve): Promise<FirstChartFigures> {
  const app = await serveApp(appDir)
  const bare = await serve(bareDir)
  const context = given ?? (await launchBrowser())
  try {
    const appTimes: number[] = []
    const bareTimes: number[] = []
    const fetched = { app: [] as string[], bare: [] as string[] }
    for (let i = 0; i < loads; i++) {
      // 总览, the landing view, draws no chart: the app's first chart is a link to the trend, as officials share it.
      for (const [url, times, key] of [[`${app.url}?view=trend`, appTimes, 'app'], [bare.url, bareTimes, 'bare']] as const) {
        const first = await firstFinished(context, url)
        times.push(first.ms)
        if (i === 0) fetched[key] = first.fetched
        await first.page.close()
      }
    }
    const appFiles = gzipFiles(appDir, app.url, fetched.app)
    // The ratio is taken from the bytes, not from the rounded KB, so a figure near the goal is not rounded across it.
    const appBytes = totalBytes(appFiles)
    const bareBytes = totalBytes(gzipFiles(bareDir, bare.url, fetched.bare))
    const a = summarize(appTimes).median
    const b = summarize(bareTimes).median
    return {
      app_first_chart_ms: Math.round(a),
      bare_first_chart_ms: Math.round(b),
      first_chart_ratio: round(a / b, 3),
      fetched_before_chart_gzip_kb: round(appBytes / 1024, 1),
      bare_fetched_before_chart_gzip_kb: round(bareBytes / 1024, 1),
      fetched_before_chart_ratio: round(appBytes / bareBytes, 3),
      fetched_before_chart_files: fetched.app.length,
      fetched_before_chart: appFiles.map(({ file, bytes }) => ({ file, gzip_kb: round(bytes / 1024, 1) })),
      loads,
    }
  } finally {
    if (!given) await context.close()
    await Promise.all([app.server.close(), bare.server.close()])
  }
}

/** Runs the browser measurements on the built sites. */
export async function benchBrowser(appDir: string, bareDir: string, loaderDir: string, loads = 5): Promise<BrowserFigures> {
  const pkg = benchPackage(benchData(1_000_000))
  const big = await serve(with1m(appDir, pkg))
  const loader = await serve(with1m(loaderDir, pkg))
  const context = await launchBrowser()
  try {
    const first = await benchFirstChart(appDir, bareDir, loads, context)
    const load = await firstFinished(context, `${big.url}?metric=org_count_0&regions=990001,990002,990003`, 120_000)
    const changes: (FilterChange & { rendered: number; finished: number })[] = []
    for (const change of filterChanges(loads)) changes.push({ ...change, ...(await changeFilter(load.page, change)) })
    const byKind = (kind: FilterChange['kind'], key: 'rendered' | 'finished') =>
      Math.round(summarize(changes.filter((c) => c.kind === kind).map((c) => c[key])).median)
    await load.page.close()
    const views = await viewSwitches(context, `${big.url}?metric=org_count_0`)
    const worker: LoaderResult[] = []
    const main: LoaderResult[] = []
    for (let i = 0; i < 3; i++) {
      worker.push(await loadOnce(context, loader.url))
      main.push(await loadOnce(context, `${loader.url}?thread=main`))
    }
    const med = (rs: LoaderResult[], key: 'ms' | 'longestTask') => Math.round(summarize(rs.map((r) => r[key])).median)
    return {
      ...first,
      load_1m_browser_ms: Math.round(load.ms),
      longest_task_1m_ms: Math.round(load.longest),
      filter_1m_rendered_ms: Math.max(...KINDS.map((kind) => byKind(kind, 'rendered'))),
      filter_1m_finished_ms: Math.max(...KINDS.map((kind) => byKind(kind, 'finished'))),
      filter_1m_by_kind: Object.fromEntries(KINDS.map((kind) => [kind, { rendered_ms: byKind(kind, 'rendered'), finished_ms: byKind(kind, 'finished') }])),
      views_1m_longest_task_ms: views,
      worker_load_1m_ms: med(worker, 'ms'),
      worker_longest_task_ms: med(worker, 'longestTask'),
      main_load_1m_ms: med(main, 'ms'),
      main_longest_task_ms: med(main, 'longestTask'),
    }
  } finally {
    await context.close()
    await Promise.all([big.server.close(), loader.server.close()])
  }
}
