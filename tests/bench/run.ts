/**
 * `npm run bench [-- --out FILE] [--only query,load,bundle,first,browser,extras,api,extract,export,import,table]`: every figure of issue 7 in one
 * run, printed as a table; `--out` writes them as JSON. Ratios compare figures measured in this same run.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { benchApi } from './api.bench'
import { benchServerFirstChart } from './server.bench'
import { benchBrowser, benchFirstChart, type FirstChartFigures } from './browser.bench'
import { buildApp, buildBare, buildLoader } from './build'
import { weigh } from './bundle.bench'
import { benchLoad, benchPageThreadLoad } from './load.bench'
import { benchQuery } from './query.bench'
import { round } from './stats'

const args = process.argv.slice(2)
const outAt = args.indexOf('--out')
const out = outAt >= 0 ? args[outAt + 1] : undefined
const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? new Set(args[onlyAt + 1].split(',')) : null
const wants = (section: string) => !only || only.has(section)

const figures: Record<string, unknown> = { machine: machine(), command: `npm run bench ${args.join(' ')}`.trim(), date: new Date().toISOString() }
const rows: [string, string | number, string][] = []
const row = (name: string, value: string | number, goal = '') => rows.push([name, value, goal])

function machine() {
  let chromium = ''
  try {
    chromium = execFileSync(process.env.CHROME_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    chromium = 'not found'
  }
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memory_gb: round(totalmem() / 2 ** 30, 1), node: process.version, chromium }
}

function firstChartRows(f: FirstChartFigures) {
  row(`first chart finished: app / bare (ms, median of ${f.loads})`, `${f.app_first_chart_ms} / ${f.bare_first_chart_ms}`)
  row('first chart ratio', f.first_chart_ratio, '≤ 1.25')
  row('JS+CSS fetched before the first chart: app / bare (KB gzip)', `${f.fetched_before_chart_gzip_kb} / ${f.bare_fetched_before_chart_gzip_kb} (${f.fetched_before_chart_files} files)`)
  row('fetched before the first chart: ratio', f.fetched_before_chart_ratio, '≤ 1.25')
}

if (wants('query')) {
  const query = benchQuery()
  figures.query = query
  for (const q of query) {
    row(`query ${q.size} obs: ours median / p95 (ms)`, `${q.ours.median} / ${q.ours.p95}`, q.size > 900_000 ? '≤ 2' : '')
    row(`query ${q.size} obs: arquero median / p95 (ms)`, `${q.arquero.median} / ${q.arquero.p95}`)
    row(`query ${q.size} obs: arquero / ours`, q.ratio, q.size > 900_000 ? '≥ 10' : '')
  }
  const big = query[query.length - 1]
  Object.assign(figures, { query_1m_median_ms: big.ours.median, query_1m_p95_ms: big.ours.p95, query_1m_vs_arquero: big.ratio, index_1m_build_ms: big.build_ms })
}

if (wants('load')) {
  const load = benchLoad()
  figures.load = load
  Object.assign(figures, { load_1m_ms: load.total_ms, heap_1m_mb: load.heap_mb })
  row(`load ${load.observations} obs (${load.csv_mb} MB CSV): parse+validate / sort (worker) / index (page) (ms)`, `${load.validate_ms} / ${load.sort_ms} / ${load.index_ms}`)
  row('load 1M: total wall / process CPU (ms)', `${load.total_ms} / ${load.cpu_ms}`, '≤ 2000')
  row('load 1M: heap kept by dataset + index (MB)', load.heap_mb, '≤ 150')
  const page = await benchPageThreadLoad()
  figures.page_thread_load = page
  row(`page's thread: ${page.kb} KB package (${page.observations} obs) / embedded (${page.embedded_kb} KB): load (ms)`, `${page.ms} / ${page.embedded_ms}`)
}

if (wants('bundle') || wants('browser') || wants('first')) {
  const [app, bare] = [await buildApp(), await buildBare()]
  if (wants('bundle')) {
    const [a, b] = [await weigh(app), await weigh(bare)]
    figures.bundle = { app: a, bare: b }
    Object.assign(figures, { initial_gzip_kb: a.initial_gzip_kb, bare_initial_gzip_kb: b.initial_gzip_kb, initial_gzip_ratio: round(a.initial_gzip_bytes / b.initial_gzip_bytes, 3) })
    row('initial JS+CSS gzip: app / bare (KB)', `${a.initial_gzip_kb} / ${b.initial_gzip_kb}`)
    row('initial gzip ratio', figures.initial_gzip_ratio as number, '≤ 1.25')
    row('initial JS by package (gzip KB)', a.by_package.slice(0, 8).map((p) => `${p.name} ${p.gzip_kb}`).join(', '))
    for (const l of a.lazy.filter((l) => l.gzip_kb >= 5)) row(`lazy chunk ${l.file} (gzip KB)`, l.gzip_kb)
  }
  if (wants('first') && !wants('browser')) {
    // The first chart alone (`--only bundle,first`): a quick check while working on the first download.
    const first = await benchFirstChart(app.dir, bare.dir)
    Object.assign(figures, first)
    firstChartRows(first)
  }
  if (wants('browser')) {
    const browser = await benchBrowser(app.dir, bare.dir, (await buildLoader()).dir)
    Object.assign(figures, browser)
    firstChartRows(browser)
    row('1M package in Chromium: navigation → chart finished (ms)', browser.load_1m_browser_ms)
    row('1M package: longest main-thread task while loading (ms)', browser.longest_task_1m_ms)
    const kinds = Object.entries(browser.filter_1m_by_kind).map(([kind, t]) => `${kind} ${t.rendered_ms} / ${t.finished_ms}`)
    row('1M: filter change → chart redrawn / finished (ms)', kinds.join(', '), '≤ 100')
    row('1M, no region ticked: longest task after opening each view (ms)', Object.entries(browser.views_1m_longest_task_ms).map(([v, ms]) => `${v} ${ms}`).join(', '))
    row('1M loader in Chromium, worker: load+index / longest task (ms)', `${browser.worker_load_1m_ms} / ${browser.worker_longest_task_ms}`, '≤ 2000 / —')
    row('1M loader in Chromium, main thread: load+index / longest task (ms)', `${browser.main_load_1m_ms} / ${browser.main_longest_task_ms}`)
  }
}

const extras = ['extract', 'export', 'import', 'table']
if (extras.some((name) => wants('extras') || only?.has(name))) {
  // Benchmarks other features ship: any `bench…` function they export, returning named figures; `--only extract` runs one.
  for (const name of extras.filter((n) => wants('extras') || only?.has(n))) {
    const file = resolve(import.meta.dirname, `${name}.bench.ts`)
    // Only modules that export a runner: importing a script that runs on load would run it with our arguments.
    if (!existsSync(file) || !/export (async )?function bench/.test(readFileSync(file, 'utf8'))) continue
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>
    for (const [fn, run] of Object.entries(mod)) {
      if (!fn.startsWith('bench') || typeof run !== 'function') continue
      const result = (await run()) as Record<string, unknown>
      figures[name] = result
      for (const [key, value] of Object.entries(result)) if (typeof value === 'number') row(`${name}: ${key}`, value)
    }
  }
}

if (wants('api')) {
  const first = await benchServerFirstChart()
  figures.server_first_chart = first
  Object.assign(figures, { server_first_chart_ratio: first.first_chart_ratio })
  row(`server mode: first chart finished, app / bare (ms, median of ${first.loads})`, `${first.app_first_chart_ms} / ${first.bare_first_chart_ms}`)
  row('server mode: first chart ratio', first.first_chart_ratio, '≤ 1.25')
  const api = await benchApi()
  figures.api = api
  Object.assign(figures, { api_p99_ms: api.pglite.api_p99_ms, api_rps: api.pglite.api_rps, api_import_10k_ms: api.pglite.api_import_10k_ms })
  for (const [engine, f] of Object.entries(api)) {
    row(`API ${engine}, ${f.observations} obs: 100 readers of a series, p50 / p99 (ms)`, `${f.api_p50_ms} / ${f.api_p99_ms}`, engine === 'pglite' ? 'p99 ≤ 50' : '')
    row(`API ${engine}: requests per second (errors)`, `${f.api_rps} (${f.api_errors})`)
    row(`API ${engine}: 10 000-row import, checked and committed (ms)`, f.api_import_10k_ms, '≤ 2000')
    row(`API ${engine}: seeding 1 M observations (ms)`, f.seed_ms)
  }
}

const width = Math.max(...rows.map((r) => r[0].length))
console.log(`machine: ${JSON.stringify(figures.machine)}`)
for (const [name, value, goal] of rows) console.log(`${name.padEnd(width)}  ${String(value).padStart(14)}  ${goal}`)
if (out) {
  mkdirSync(dirname(resolve(out)), { recursive: true })
  writeFileSync(out, JSON.stringify(figures, null, 2) + '\n')
  console.log(`written to ${out}`)
}
