import { gzipSync } from 'node:zlib'
import { transformSync } from 'esbuild'
import { buildApp, buildBare } from './build'
const weigh = async (b: Awaited<ReturnType<typeof buildApp>>) => {
  const m = new Map<string, number>()
  for (const o of b.output) {
    if (o.type !== 'chunk') continue
    for (const [id, mod] of Object.entries(o.modules)) {
      const code = mod.code ?? ''
      if (!code.trim()) continue
      const min = transformSync(code, { minify: true, loader: 'js' }).code
      m.set(id.replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/') + (o.isEntry || !o.isDynamicEntry ? '' : ' [' + o.fileName + ']'), gzipSync(min, { level: 9 }).length)
    }
  }
  return m
}
const app = await weigh(await buildApp())
const bare = await weigh(await buildBare())
const rows = [...app].filter(([id]) => /^(echarts|zrender)/.test(id) && !bare.has(id)).sort((a, b) => b[1] - a[1])
for (const [id, n] of rows.slice(0, 60)) console.log((n / 1024).toFixed(2).padStart(6), id)
