import { gzipSync } from 'node:zlib'
import { transformSync } from 'esbuild'
import { buildApp } from '/work/main/tests/bench/build'
const built = await buildApp()
const rows: [string, number, number][] = []
for (const o of built.output) {
  if (o.type !== 'chunk') continue
  for (const [id, m] of Object.entries(o.modules)) {
    const code = m.code ?? ''
    if (!code.trim()) continue
    const min = transformSync(code, { minify: true, loader: 'js' }).code
    rows.push([o.fileName + ' ' + id.replace(/^.*node_modules\//, 'nm:').replace('/work/main/', ''), min.length, gzipSync(min, { level: 9 }).length])
  }
}
const filt = process.argv[2] ? new RegExp(process.argv[2]) : /./
rows.filter(r => filt.test(r[0])).sort((a, b) => b[2] - a[2]).slice(0, 70).forEach(r => console.log((r[2] / 1024).toFixed(1).padStart(6), (r[1]/1024).toFixed(1).padStart(7), r[0]))
