/**
 * npm run eval:extract -- [GOLD.jsonl] [--gold DIR_OR_FILE] [--reports DIR] [--metric-ids FILE] [--verbose]
 * Scores the extractor against hand-labelled figures (default tests/extract/seed/labels.jsonl); a --gold
 * directory contributes every *.jsonl in it, with its texts beside them (tests/extract/written, texts the team wrote with invented figures).
 * The metric is scored through --metric-ids (default tests/extract/metric-ids.json): which catalogue metric
 * each label's metric name stands for.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { extractFigures } from '../extract/extract'
import { parseGold, parseMetricIds, scoreFigures, type GoldFigure } from '../extract/score'
import { dateFromName, loadGazetteer, loadMetrics } from './extract'

const ROOT = resolve(import.meta.dirname, '../..')

function fail(message: string): never {
  console.error(`eval:extract: ${message}`)
  process.exit(1)
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
  const goldPath = resolve(flag('--gold') ?? positional ?? resolve(ROOT, 'tests/extract/seed/labels.jsonl'))
  if (!existsSync(goldPath)) fail(`no gold file at ${goldPath}`)
  const isDir = statSync(goldPath).isDirectory()
  const goldFiles = isDir ? readdirSync(goldPath).filter((f) => f.endsWith('.jsonl')).sort().map((f) => resolve(goldPath, f)) : [goldPath]
  const goldDir = isDir ? goldPath : dirname(goldPath)
  reportDirs.push(goldDir, resolve(goldDir, '../seeds'), resolve(ROOT, 'data/reports'))
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
  const pct = (x: number) => (x * 100).toFixed(1) + '%'
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
}

main()
