/**
 * Extractor throughput on report text, run in Node: the seed page repeated to about 1 MB; a figure-dense text (a
 * place, an activity count and a rate every 22 characters, no punctuation), of 1 MB (past MAX_FIGURES: read up to
 * the limit) and of just under MAX_FIGURES figures (every figure read); a figure every two characters (1个1个…); a
 * page of blank lines; and a text without any punctuation, cut only by the bound on sentence length.
 * Run directly: npx tsx tests/bench/extract.bench.ts
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadGazetteer, loadMetrics } from '../../src/cli/extract'
import { extractFigures, MAX_FIGURES } from '../../src/extract/extract'

const root = resolve(import.meta.dirname, '../..')

export interface ExtractBench {
  mb_per_s: number
  bytes: number
  figures: number
  runs: number
  ms_per_run: number
  dense_mb_per_s: number
  dense_figures: number
  unpunctuated_mb_per_s: number
  unpunctuated_figures: number
  dense_below_limit_mb_per_s: number
  dense_below_limit_figures: number
  every_two_chars_mb_per_s: number
  blank_lines_mb_per_s: number
}

/** The inputs: each about `targetBytes` of UTF-8. */
export function extractInputs(targetBytes = 1_000_000): Record<'seed' | 'dense' | 'denseBelowLimit' | 'everyTwo' | 'blankLines' | 'unpunctuated', string> {
  const repeat = (unit: string) => unit.repeat(Math.max(1, Math.round(targetBytes / Buffer.byteLength(unit))))
  const seed = readFileSync(resolve(root, 'data/reports/heze-daily-2025-01.txt'), 'utf8')
  // Words of the catalogue and units with a number every 50 characters, and not one punctuation mark.
  const words = '社区志愿服务党组织覆盖率家人次个'
  const unpunctuated = Array.from({ length: Math.round(targetBytes / 3) }, (_, i) => words[(i * 7919) % 16] + (i % 50 === 0 ? String(i % 1000) : '')).join('')
  const denseUnit = '鄄城县开展活动500余次覆盖率66.1%'
  return {
    seed: repeat(seed + '\n\n\n\n'),
    dense: repeat(denseUnit),
    denseBelowLimit: denseUnit.repeat(Math.floor((MAX_FIGURES * 0.95) / 2)),
    everyTwo: repeat('1个'),
    blankLines: repeat('\n'),
    unpunctuated,
  }
}

function measure(text: string, runs: number) {
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
  const bytes = Buffer.byteLength(text)
  return { mb_per_s: Math.round((bytes / 1e6 / (median / 1000)) * 100) / 100, bytes, figures, ms: Math.round(median) }
}

export async function benchExtract(targetBytes = 1_000_000, runs = 5): Promise<ExtractBench> {
  const inputs = extractInputs(targetBytes)
  const seed = measure(inputs.seed, runs)
  const dense = measure(inputs.dense, runs)
  const unpunctuated = measure(inputs.unpunctuated, runs)
  const denseBelowLimit = measure(inputs.denseBelowLimit, runs)
  return {
    mb_per_s: seed.mb_per_s,
    bytes: seed.bytes,
    figures: seed.figures,
    runs,
    ms_per_run: seed.ms,
    dense_mb_per_s: dense.mb_per_s,
    dense_figures: dense.figures,
    unpunctuated_mb_per_s: unpunctuated.mb_per_s,
    unpunctuated_figures: unpunctuated.figures,
    dense_below_limit_mb_per_s: denseBelowLimit.mb_per_s,
    dense_below_limit_figures: denseBelowLimit.figures,
    every_two_chars_mb_per_s: measure(inputs.everyTwo, runs).mb_per_s,
    blank_lines_mb_per_s: measure(inputs.blankLines, runs).mb_per_s,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const r = await benchExtract()
  console.log(`extract, seed page repeated: ${r.mb_per_s} MB/s (${(r.bytes / 1e6).toFixed(2)} MB UTF-8, ${r.figures} figures, median of ${r.runs} runs ${r.ms_per_run} ms)`)
  console.log(`extract, figure-dense: ${r.dense_mb_per_s} MB/s (${r.dense_figures} figures)`)
  console.log(`extract, figure-dense below the limit: ${r.dense_below_limit_mb_per_s} MB/s (${r.dense_below_limit_figures} figures)`)
  console.log(`extract, a figure every two characters: ${r.every_two_chars_mb_per_s} MB/s`)
  console.log(`extract, blank lines: ${r.blank_lines_mb_per_s} MB/s`)
  console.log(`extract, no punctuation: ${r.unpunctuated_mb_per_s} MB/s (${r.unpunctuated_figures} figures)`)
}
