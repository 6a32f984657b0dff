/**
 * Extractor throughput on report text: the seed page repeated to about 1 MB, run in Node.
 * Run directly: npx tsx tests/bench/extract.bench.ts
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadGazetteer, loadMetrics } from '../../src/cli/extract'
import { extractFigures } from '../../src/extract/extract'

const root = resolve(import.meta.dirname, '../..')

export interface ExtractBench {
  mb_per_s: number
  bytes: number
  figures: number
  runs: number
  ms_per_run: number
}

export async function benchExtract(targetBytes = 1_000_000, runs = 5): Promise<ExtractBench> {
  const seed = readFileSync(resolve(root, 'data/reports/heze-daily-2025-01.txt'), 'utf8')
  const seedBytes = Buffer.byteLength(seed)
  const text = Array.from({ length: Math.max(1, Math.round(targetBytes / seedBytes)) }, () => seed).join('\n\n\n\n')
  const bytes = Buffer.byteLength(text)
  const ctx = { date: '2025-01', regions: loadGazetteer(), metrics: loadMetrics() }
  let figures = extractFigures(text, ctx).length // warm-up
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    figures = extractFigures(text, ctx).length
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  return { mb_per_s: Math.round((bytes / 1e6 / (median / 1000)) * 100) / 100, bytes, figures, runs, ms_per_run: Math.round(median) }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const r = await benchExtract()
  console.log(`extract: ${r.mb_per_s} MB/s (${(r.bytes / 1e6).toFixed(2)} MB UTF-8, ${r.figures} figures, median of ${r.runs} runs ${r.ms_per_run} ms)`)
}
