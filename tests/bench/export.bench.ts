// Export benchmark (prints figures, asserts nothing): npx tsx tests/bench/export.bench.ts [DATA_DIR] [OUT_DIR]
// PNG 2× of one chart (ECharts SSR → resvg), a ZIP of a view's charts, a PPTX of six native charts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { registerBarParts, registerMap, registerMapParts } from '../../src/charts/echarts'
import { fsReader } from '../../src/cli/fsReader'
import { loadPackage } from '../../src/data/load'
import { ObservationIndex } from '../../src/domain/observationIndex'
import { RegionTree } from '../../src/domain/regions'
import { zipFiles } from '../../src/export/dataFiles'
import { exportTexts } from '../../src/export/messages'
import { svgToPng } from '../../src/export/node'
import { buildDeck } from '../../src/export/pptx'
import { renderSvg } from '../../src/export/render'
import { compareExport, deckInput, mapExport, trendExport, type ExportData, type ExportQuery } from '../../src/export/viewExport'
import { round, summarize } from './stats'

const root = resolve(import.meta.dirname, '../..')
const [dataDir = resolve(root, 'data/demo'), outDir = resolve(root, 'test-results/export-bench')] = process.argv.slice(2)
mkdirSync(outDir, { recursive: true })

async function time<T>(label: string, runs: number, fn: () => Promise<T> | T): Promise<T> {
  let result!: T
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    result = await fn()
    times.push(performance.now() - t0)
  }
  const { median, p95 } = summarize(times)
  console.log(`${label.padEnd(44)} median ${round(median, 1)} ms, p95 ${round(p95, 1)} ms (${runs} runs)`)
  return result
}

const { dataset } = await loadPackage(fsReader(dataDir))
const data: ExportData = {
  index: new ObservationIndex(dataset.observations, dataset.metrics),
  tree: new RegionTree(dataset.regions),
  sourceById: new Map(dataset.sources.map((s) => [s.id, s])),
  metricById: new Map(dataset.metrics.map((m) => [m.id, m])),
}
await Promise.all([registerBarParts(), registerMapParts()])
registerMap('heze', JSON.parse(readFileSync(resolve(root, 'data/geo/heze-counties.geojson'), 'utf8')))
const metrics = data.index.metricsWithData().slice(0, 6).map((id) => data.metricById.get(id)!)
const q = (i = 0): ExportQuery => ({ metric: metrics[i], regions: ['371726', '371702', '371721'], range: { from: '2024' }, demo: true, texts: exportTexts('zh'), exportDate: '2026-11-29' })
console.log(`data: ${dataDir} (${dataset.observations.length} observations); metric ${metrics[0].id}`)

const trend = trendExport(data, q())
const png = await time('PNG 2× of one trend chart (SSR + resvg)', 10, () => svgToPng(renderSvg(trend.option), 2))
writeFileSync(resolve(outDir, trend.fileName('png')), png)
console.log(`  ${trend.fileName('png')}: ${(png.length / 1024).toFixed(0)} KB`)

// A view of three charts: trend, ranked bars, map.
const counties = data.tree.countiesOf('371700').map((r) => r.code)
const latest = data.index.periods(metrics[0].id, counties).pop()!
const snap = data.index.snapshot(metrics[0].id, latest, counties)
const bars = counties.map((c) => ({ code: c, name: data.tree.get(c)!.name, value: snap.get(c)?.[0]?.value ?? null })).sort((a, b) => (b.value ?? -1) - (a.value ?? -1))
const compare = compareExport(data, q(), { unit: '%', reference: null, description: '', bars: bars.map((b) => ({ name: b.name, value: b.value, status: b.value === null ? 'missing' : 'reported', label: b.value === null ? '无数据' : `${b.value}%`, detail: '' })) }, latest, counties)
const areas = bars.map((b) => ({ code: b.code, name: b.name, value: b.value, label: b.value === null ? '无数据' : `${b.value}%`, computed: false, selected: false }))
const map = mapExport(data, q(), { mapName: 'heze', title: '', subtitle: '菏泽市县区示意图 · 示意图', unit: '%', areas, bins: [{ min: 0, max: 50, label: '0%–50%' }, { min: 50, max: 100, label: '50%–100%' }], noData: '无数据', description: '' }, latest)
const view = [trend, compare, map]
const zip = await time('ZIP of a view (3 charts as PNG 2×)', 5, async () => zipFiles(view.map((c) => ({ name: c.fileName('png').replace('.png', `_${c.id}.png`), data: svgToPng(renderSvg(c.option), 2) }))))
writeFileSync(resolve(outDir, 'view.zip'), zip)
console.log(`  view.zip: ${(zip.length / 1024).toFixed(0)} KB`)
for (const c of [compare, map]) writeFileSync(resolve(outDir, `${c.id}.png`), svgToPng(renderSvg(c.option), 1))

const six = metrics.map((_, i) => trendExport(data, q(i)))
const deck = await time('PPTX of six native line charts', 5, () => buildDeck(deckInput(data, q(), six)))
writeFileSync(resolve(outDir, 'deck.pptx'), deck)
console.log(`  deck.pptx: ${(deck.length / 1024).toFixed(0)} KB`)
