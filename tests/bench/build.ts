/** Builds the app and the bare page into temp dirs, with the hook the browser benchmarks time charts by. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build, type Plugin, type Rollup } from 'vite'

export const root = resolve(import.meta.dirname, '../..')

/**
 * Lets a page see every ECharts instance as it is created (`window.__benchOnChart`), so both builds are
 * timed by the same `finished` event. Costs a few bytes in both builds alike.
 */
function chartHook(): Plugin {
  return {
    name: 'bench-chart-hook',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('echarts/lib/core/echarts.js')) return null
      const anchor = "lifecycle.trigger('afterinit', chart);"
      if (!code.includes(anchor)) throw new Error('echarts changed: the bench hook anchor is gone')
      return code.replace(anchor, `${anchor} typeof window !== 'undefined' && window.__benchOnChart && window.__benchOnChart(chart);`)
    },
  }
}

/** A built site: its directory and Rollup's description of its chunks. */
export interface Built {
  dir: string
  output: Rollup.OutputBundle[keyof Rollup.OutputBundle][]
}

async function buildInto(configFile: string, rootDir: string, name: string): Promise<Built> {
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`))
  const result = await build({
    configFile,
    root: rootDir,
    logLevel: 'silent',
    plugins: [chartHook()],
    build: { outDir: dir, emptyOutDir: true },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[]
  return { dir, output: outputs.flatMap((o) => o.output) }
}

/** The app as `npm run build` makes it (plus the hook). */
export function buildApp(): Promise<Built> {
  return buildInto(join(root, 'vite.config.ts'), root, 'app')
}

/** Vue and one ECharts line chart, nothing else. */
export function buildBare(): Promise<Built> {
  const dir = join(import.meta.dirname, 'fixtures/bare')
  return buildInto(join(dir, 'vite.config.ts'), dir, 'bare')
}

/** A page that only loads data/ (in the worker or on the page's thread) and indexes it. */
export function buildLoader(): Promise<Built> {
  const dir = join(import.meta.dirname, 'fixtures/worker')
  return buildInto(join(dir, 'vite.config.ts'), dir, 'loader')
}
