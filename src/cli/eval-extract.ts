/**
 * npm run eval:extract -- [GOLD.jsonl] [--gold DIR_OR_FILE] [--reports DIR] [--metric-ids FILE] [--verbose]
 * Scores the extractor against hand-labelled figures: by default every set (the seed's labels and the written texts),
 * each on its own and then one line a set with F1, region, period and metric accuracy side by side; a --gold
 * directory contributes every *.jsonl in it, with its texts beside them (tests/extract/written, texts the team wrote with invented figures).
 * The metric is scored through --metric-ids (default tests/extract/metric-ids.json): which catalogue metric
 * each label's metric name stands for.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { extractFigures } from '../extract/extract'
import { parseGold, parseMetricIds, scoreFigures, type GoldFigure } from '../extract/score'
import { dateFromName, loadGazetteer, loadMetrics } from './extract'

const ROOT = resolve(import.meta.dirname, '../..')

function fail(message: string): never {
  console.error(`eval:extract: ${message}`)
  process.exit(1)
}

/** The labelled sets `npm run eval:extract` scores when given no --gold: name and labels (a file, or a folder of *.jsonl). */
const SETS: [string, string][] = [
  ['seed', 'tests/extract/seed/labels.jsonl'],
  ['written', 'tests/extract/written'],
]

interface SetScore {
  name: string
  reports: number
  labels: number
  tp: number
  fp: number
  fn: number
  regionOk: number
  periodOk: number
  metricOk: number
}

function main(): void {
  const args = process.argv.slice(2)
  const verbose = args.includes('--verbose') || args.includes('-v')
  const flag = (name: string) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined)
  const reportDirs = flag('--reports') ? [resolve(flag('--reports')!)] : []
  const positional = args.find((a, i) => !a.startsWith('-') && !['--reports', '--gold', '--metric-ids'].includes(args[i - 1]))
  const idsPath = resolve(flag('--metric-ids') ?? resolve(ROOT, 'tests/extract/metric-ids.json'))
  if (!existsSync(idsPath)) fail(`no metric ids file at ${idsPath}`)
  const metricIds = parseMetricIds(readFileSync(idsPath, 'utf8'))
  const given = flag('--gold') ?? positional
  const sets: [string, string][] = given ? [[given, resolve(given)]] : SETS.map(([name, path]) => [name, resolve(ROOT, path)])
  const scores = sets.map(([name, path]) => {
    if (sets.length > 1) console.log(`== ${name} (${relative(ROOT, path)})`)
    return evalSet(name, path, reportDirs, metricIds, verbose)
  })
  if (scores.length > 1) {
    console.log('\nset        reports  labels  precision  recall  F1      region  period  metric')
    for (const s of scores) console.log(summaryLine(s))
  }
}

const pct = (x: number) => (x * 100).toFixed(1) + '%'

/** One set's figures on one line: the columns of the table main prints. */
function summaryLine(s: SetScore): string {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1
  const f1 = p + r ? (2 * p * r) / (p + r) : 0
  const of = (n: number) => pct(s.tp ? n / s.tp : 1)
  const cells = [s.name.padEnd(10), String(s.reports).padStart(7), String(s.labels).padStart(7), pct(p).padStart(10), pct(r).padStart(7), pct(f1).padStart(7)]
  return [...cells, of(s.regionOk).padStart(7), of(s.periodOk).padStart(7), of(s.metricOk).padStart(7)].join(' ')
}

function evalSet(name: string, goldPath: string, extraDirs: string[], metricIds: Map<string, string>, verbose: boolean): SetScore {
  if (!existsSync(goldPath)) fail(`no gold file at ${goldPath}`)
  const isDir = statSync(goldPath).isDirectory()
  const goldFiles = isDir ? readdirSync(goldPath).filter((f) => f.endsWith('.jsonl')).sort().map((f) => resolve(goldPath, f)) : [goldPath]
  const goldDir = isDir ? goldPath : dirname(goldPath)
  const reportDirs = [...extraDirs, goldDir, resolve(ROOT, 'data/reports')]
  const gold = goldFiles.flatMap((f) => parseGold(readFileSync(f, 'utf8')))
  const regions = loadGazetteer()
  const metrics = loadMetrics()
  const byReport = new Map<string, GoldFigure[]>()
  for (const g of gold) byReport.set(g.report, [...(byReport.get(g.report) ?? []), g])
  let tp = 0, fp = 0, fn = 0, regionOk = 0, periodOk = 0, lenient = 0, ignored = 0, metricOk = 0, metricMissed = 0
  const wrongMetric: string[] = []
  const names = { count: 0, exact: 0, overlap: 0 }
  for (const [report, labels] of byReport) {
    const file = reportDirs.map((d) => resolve(d, report)).find((f) => existsSync(f))
    if (!file) fail(`report ${report} not found in ${reportDirs.join(', ')}`)
    const date = dateFromName(report)
    if (!date) fail(`no date in report name ${report}`)
    const text = readFileSync(file, 'utf8')
    const s = scoreFigures(text, extractFigures(text, { date, regions, metrics }), labels, metricIds)
    tp += s.truePositives
    fp += s.falsePositives.length
    fn += s.falseNegatives.length
    ignored += s.ignored
    regionOk += s.matches.filter((m) => m.regionOk).length
    periodOk += s.matches.filter((m) => m.period !== 'wrong').length
    lenient += s.periodLenient
    metricOk += s.matches.filter((m) => m.metric === 'right').length
    metricMissed += s.matches.filter((m) => m.metric === 'missed').length
    for (const key of ['count', 'exact', 'overlap'] as const) names[key] += s.suggestedNames![key]
    for (const m of s.wrongMetric ?? []) wrongMetric.push(`  ${report}: ${JSON.stringify(m.gold.quote)} filed under ${m.predicted.metric}, labelled ${m.gold.metric} (${metricIds.get(m.gold.metric) ?? 'not in the catalogue'})`)
    console.log(`${report} (date ${date}): ${labels.length} labels, ${s.truePositives} matched, ${s.falsePositives.length} false positives, ${s.falseNegatives.length} missed`)
    if (verbose || s.falsePositives.length + s.falseNegatives.length <= 10) {
      for (const f of s.falsePositives) console.log(`  FP ${f.value}${f.unit}  ${JSON.stringify(f.quote)}`)
      for (const g of s.falseNegatives) console.log(`  FN ${g.value}${g.unit}  ${JSON.stringify(g.quote)}`)
    }
    for (const m of s.matches) {
      if (!m.regionOk && verbose) console.log(`  region ${m.predicted.region} ≠ ${m.gold.region}  ${JSON.stringify(m.gold.quote)}`)
      if (m.period === 'wrong' && verbose) console.log(`  period ${m.predicted.period} ≠ ${m.gold.period}  ${JSON.stringify(m.gold.quote)}`)
    }
    for (const g of s.unlocated) console.log(`  label quote not in report: ${JSON.stringify(g.quote)}`)
  }
  const p = tp + fp ? tp / (tp + fp) : 1
  const r = tp + fn ? tp / (tp + fn) : 1
  const f1 = p + r ? (2 * p * r) / (p + r) : 0
  console.log(`precision ${pct(p)}  recall ${pct(r)}  F1 ${pct(f1)}  (TP ${tp}, FP ${fp}, FN ${fn}; ${ignored} predictions matched optional labels and are ignored)`)
  console.log(`region accuracy ${pct(tp ? regionOk / tp : 1)} (${regionOk}/${tp})`)
  console.log(
    `period accuracy ${pct(tp ? periodOk / tp : 1)} (${periodOk}/${tp}; ${lenient} of them are intervals such as 2022/2025-01 ending at the labelled period, counted as matches; strict ${pct(tp ? (periodOk - lenient) / tp : 1)})`,
  )
  console.log(
    `metric accuracy ${pct(tp ? metricOk / tp : 1)} (${metricOk}/${tp}; ${metricMissed} left for a new metric though the catalogue has theirs, ${wrongMetric.length} filed under another catalogue metric)`,
  )
  for (const line of wrongMetric) console.log(line)
  console.log(
    `suggested names of the ${names.count} figures with no catalogue metric: ${names.exact} as labelled, character-pair overlap ${names.count ? (names.overlap / names.count).toFixed(2) : '–'}`,
  )
  return { name, reports: byReport.size, labels: gold.length, tp, fp, fn, regionOk, periodOk, metricOk }
}

main()
