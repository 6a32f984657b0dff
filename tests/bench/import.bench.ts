// Rows per second of the import path (decode → parse → check) on a synthetic 1,000,000-row CSV:
//   npx tsx tests/bench/import.bench.ts [ROWS]
import { resolve } from 'node:path'
import { fsReader } from '../../src/cli/fsReader'
import { fileSourceFor, importBytes, type ImportData } from '../../src/data/import/importFile'
import { loadPackage } from '../../src/data/load'
import { toColumns } from '../../src/domain/columnar'
import { ObservationIndex } from '../../src/domain/observationIndex'
import { encodeGbk } from '../data/import/gbk'
import { benchData } from './synthetic'

const rows = Number(process.argv[2] ?? 1_000_000)
const { dataset } = await loadPackage(fsReader(resolve(import.meta.dirname, '../../data')))
const counties = dataset.regions.filter((r) => r.level === 'county')
const metrics = dataset.metrics.filter((m) => m.unit !== '%').slice(0, 20)

/** Rows as an office sheet has them: names, Chinese periods, grouped numbers, a 余 now and then; every key distinct. */
function synthesize(n: number): string {
  const lines = ['指标,地区,时间,数值,来源']
  for (let i = 0; i < n; i++) {
    const m = metrics[i % metrics.length]
    const r = counties[Math.floor(i / metrics.length) % counties.length]
    const k = Math.floor(i / (metrics.length * counties.length))
    const year = 1000 + Math.floor(k / 12)
    lines.push(`${m.name},${r.aliases[0] ?? r.name},${year}年${(k % 12) + 1}月,"${(1000 + (i % 9000)).toLocaleString('en')}${i % 7 === 0 ? '余' : ''}",局统计`)
  }
  return lines.join('\r\n') + '\r\n'
}

const text = synthesize(rows)
const data: ImportData = { ...dataset, existing: toColumns(dataset.observations), fileSource: fileSourceFor('bench.csv', 'bench', new Date().toISOString()) }
for (const [label, bytes] of [['UTF-8', new TextEncoder().encode(text)], ['GBK', encodeGbk(text)]] as const) {
  const start = performance.now()
  const run = await importBytes(bytes, 'bench.csv', data)
  const seconds = (performance.now() - start) / 1000
  const { observations, problems } = run.result
  console.log(`${label}: ${rows.toLocaleString('en')} rows, ${(bytes.length / 1048576).toFixed(1)} MB, ${observations.length.toLocaleString('en')} accepted, ${problems.length} problems in ${seconds.toFixed(2)} s → ${Math.round(rows / seconds).toLocaleString('en')} rows/s`)
}

// With a province's worth of figures loaded: what the page spends handing them to the import worker (postMessage
// clones the request on the page's thread; structuredClone is the same copy), and a 10,000-row file checked against them.
const big = benchData(1_000_000)
const loaded = new ObservationIndex(big.observations, big.metrics)
const cloneStart = performance.now()
const handed = structuredClone(loaded.columns())
const cloneMs = performance.now() - cloneStart
// What it cost when the page handed the figures over as objects (made from the columns first), for comparison.
const objectsStart = performance.now()
structuredClone(loaded.observations())
const objectsMs = performance.now() - objectsStart
const county = big.regions[1]
const sheet = ['指标,地区,时间,数值,来源', ...Array.from({ length: 10_000 }, (_, i) => `${big.metrics[i % big.metrics.length].name},${county.name},${2016 + Math.floor(i / 1200)}年${(i % 12) + 1}月,${i},局统计`)].join('\n')
const bigData: ImportData = { regions: big.regions, metrics: big.metrics, sources: [], reports: {}, existing: handed, fileSource: fileSourceFor('sheet.csv', 'sheet', new Date().toISOString()) }
const checkStart = performance.now()
const checked = await importBytes(new TextEncoder().encode(sheet), 'sheet.csv', bigData)
const checkMs = performance.now() - checkStart
const conflicts = checked.result.problems.filter((p) => p.code === 'conflict').length
console.log(`1 M figures loaded: hand-over to the worker ${Math.round(cloneMs)} ms as columns (as objects: ${Math.round(objectsMs)} ms); a 10,000-row file checked against them in ${Math.round(checkMs)} ms (${conflicts.toLocaleString('en')} conflicts found)`)
