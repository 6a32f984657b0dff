/**
 * Bundle weight: gzip size of the JS and CSS a page loads before its first chart (the entry chunk and
 * everything it imports statically), and of each lazy chunk; the app against the bare page.
 */
import { gzipSync } from 'node:zlib'
import type { Rollup } from 'vite'
import type { Built } from './build'
import { round } from './stats'

type Chunk = Built['output'][number]

/** Sizes in KB (gzip level 9, like most servers' static gzip). */
export interface BundleFigures {
  initial_gzip_kb: number
  /** The same unrounded, for ratios. */
  initial_gzip_bytes: number
  lazy: { file: string; gzip_kb: number }[]
  /** Initial JS by npm package (`app` for our code): each package's code minified and gzipped alone, largest first. */
  by_package: { name: string; gzip_kb: number }[]
}

const gz = (source: string | Uint8Array) => gzipSync(source, { level: 9 }).length / 1024

/** The chunks and CSS loaded before the first chart: the entry and its static imports, transitively. */
function initialFiles(output: Chunk[]): Set<string> {
  const byName = new Map(output.map((o) => [o.fileName, o]))
  const seen = new Set<string>()
  const visit = (name: string) => {
    const o = byName.get(name)
    if (!o || seen.has(name)) return
    seen.add(name)
    if (o.type !== 'chunk') return
    for (const css of o.viteMetadata?.importedCss ?? []) seen.add(css)
    o.imports.forEach(visit)
  }
  for (const o of output) if (o.type === 'chunk' && o.isEntry) visit(o.fileName)
  return seen
}

function packageOf(id: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id.replace(/\\/g, '/'))
  return m ? m[1] : 'app'
}

/** Minifies with esbuild (tsx's own copy) when it can be found; otherwise weighs the code as rendered. */
async function minifier(): Promise<(code: string) => string> {
  try {
    const { transformSync } = await import('esbuild')
    return (code) => transformSync(code, { minify: true, loader: 'js' }).code
  } catch {
    return (code) => code
  }
}

/** Weighs one build. */
export async function weigh(built: Built): Promise<BundleFigures> {
  const minify = await minifier()
  const initial = initialFiles(built.output)
  let initialKb = 0
  const lazy: BundleFigures['lazy'] = []
  const packages = new Map<string, string>()
  for (const o of built.output) {
    if (!/\.(js|css)$/.test(o.fileName)) continue
    const kb = gz(o.type === 'chunk' ? o.code : o.source)
    if (initial.has(o.fileName)) initialKb += kb
    else lazy.push({ file: o.fileName, gzip_kb: round(kb, 1) })
    if (o.type === 'chunk' && initial.has(o.fileName)) {
      for (const [id, m] of Object.entries((o as Rollup.OutputChunk).modules)) packages.set(packageOf(id), (packages.get(packageOf(id)) ?? '') + (m.code ?? '') + '\n')
    }
  }
  return {
    initial_gzip_kb: round(initialKb, 1),
    initial_gzip_bytes: Math.round(initialKb * 1024),
    lazy: lazy.sort((a, b) => b.gzip_kb - a.gzip_kb),
    by_package: [...packages].map(([name, code]) => ({ name, gzip_kb: round(gz(minify(code)), 1) })).sort((a, b) => b.gzip_kb - a.gzip_kb),
  }
}
