import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dateFromName, loadMetrics, loadRegions } from '../../src/cli/extract'
import { extractFigures } from '../../src/extract/extract'
import { parseGold, scoreFigures, type GoldFigure } from '../../src/extract/score'

const dir = resolve(import.meta.dirname, 'heldout')
const gold: GoldFigure[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => parseGold(readFileSync(resolve(dir, f), 'utf8')))
const reports = [...new Set(gold.map((g) => g.report))]

/** Pooled scores over the held-out reports, as npm run eval:extract -- --gold tests/extract/heldout prints them. */
function scoreHeldOut() {
  const ctx = { regions: loadRegions(), metrics: loadMetrics() }
  let tp = 0, fp = 0, fn = 0, regionOk = 0, periodOk = 0, unlocated = 0
  for (const report of reports) {
    const text = readFileSync(resolve(dir, report), 'utf8')
    const s = scoreFigures(text, extractFigures(text, { ...ctx, date: dateFromName(report)! }), gold.filter((g) => g.report === report))
    tp += s.truePositives
    fp += s.falsePositives.length
    fn += s.falseNegatives.length
    regionOk += s.matches.filter((m) => m.regionOk).length
    periodOk += s.matches.filter((m) => m.period !== 'wrong').length
    unlocated += s.unlocated.length
  }
  const precision = tp / (tp + fp)
  const recall = tp / (tp + fn)
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall), region: regionOk / tp, period: periodOk / tp, unlocated }
}

describe(scoreFigures, () => {
  it('scores the held-out reports of other counties and years at F1 ≥ 0.95 with region and period right for ≥ 95% of matches', () => {
    expect(reports.length).toBeGreaterThanOrEqual(6)
    const s = scoreHeldOut()
    console.log(`held-out: ${reports.length} reports, ${gold.length} labels`, s)
    expect(s.unlocated).toBe(0)
    expect(s.precision).toBeGreaterThanOrEqual(0.95)
    expect(s.recall).toBeGreaterThanOrEqual(0.95)
    expect(s.f1).toBeGreaterThanOrEqual(0.95)
    expect(s.region).toBeGreaterThanOrEqual(0.95)
    expect(s.period).toBeGreaterThanOrEqual(0.95)
  })
})
