import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadGazetteer, loadMetrics } from '../../src/cli/extract'
import { extractFigures } from '../../src/extract/extract'
import { pairOverlap, parseGold, parseMetricIds, periodMatch, scoreFigures } from '../../src/extract/score'
import { ctx } from './builders'

const root = resolve(import.meta.dirname, '../..')
const seedText = readFileSync(resolve(root, 'data/reports/heze-daily-2025-01.txt'), 'utf8')
const gold = parseGold(readFileSync(resolve(root, 'tests/extract/seed/labels.jsonl'), 'utf8'))

describe(scoreFigures, () => {
  it('scores the seed page at F1 ≥ 0.95 with region and period right for ≥ 90% of matches', () => {
    const s = scoreFigures(seedText, extractFigures(seedText, ctx('2025-01')), gold)
    expect(s.unlocated).toEqual([])
    expect(s.f1).toBeGreaterThanOrEqual(0.95)
    expect(s.regionAccuracy).toBeGreaterThanOrEqual(0.9)
    expect(s.periodAccuracy).toBeGreaterThanOrEqual(0.9)
  })

  it.skipIf(!existsSync(resolve(root, 'data/regions.csv')))('scores the seed page as well with the shipped gazetteer', () => {
    const s = scoreFigures(seedText, extractFigures(seedText, { date: '2025-01', regions: loadGazetteer(), metrics: loadMetrics() }), gold)
    expect(s.f1).toBeGreaterThanOrEqual(0.95)
    expect(s.regionAccuracy).toBeGreaterThanOrEqual(0.9)
  })

  it.skipIf(!existsSync(resolve(root, 'data/metrics.csv')))('files every seed figure under its own catalogue metric or none', () => {
    const metricIds = parseMetricIds(readFileSync(resolve(root, 'tests/extract/metric-ids.json'), 'utf8'))
    const s = scoreFigures(seedText, extractFigures(seedText, { date: '2025-01', regions: loadGazetteer(), metrics: loadMetrics() }), gold, metricIds)
    expect(s.wrongMetric!.map((m) => `${m.gold.quote} → ${m.predicted.metric}`)).toEqual([])
    expect(s.metricAccuracy).toBeGreaterThanOrEqual(0.95)
  })

  it('scores the metric against the labels’ catalogue ids: right, missed, or filed under another', () => {
    const text = '全市共有行业协会商会287家，表彰优秀项目20个，组建党支部5个。'
    const label = (quote: string, value: number, metric: string) => ({ report: 'x', metric, region: '', region_code: null, period: '2025-01', value, unit: '', qualifier: '=', quote })
    const predicted = extractFigures(text, ctx()).map((f, i) => ({ ...f, metric: ['assoc_total', 'volunteer_projects', null][i] }))
    const ids = new Map([['行业协会商会数', 'assoc_total'], ['党支部数', 'branches']])
    const s = scoreFigures(text, predicted, [label('行业协会商会287家', 287, '行业协会商会数'), label('优秀项目20个', 20, '优秀项目数'), label('党支部5个', 5, '党支部数')], ids)
    expect(s.matches.map((m) => m.metric)).toEqual(['right', 'wrong', 'missed'])
    expect(s.metricAccuracy).toBeCloseTo(1 / 3)
    expect(s.wrongMetric!.map((m) => m.gold.quote)).toEqual(['优秀项目20个'])
  })

  it('scores a suggested name by how much of the label’s name it has', () => {
    expect(pairOverlap('专职调解员人数', '专职调解员人数')).toBe(1)
    expect(pairOverlap('配备专职调解员数', '专职调解员人数')).toBeCloseTo((2 * 4) / (7 + 6))
    expect(pairOverlap('镇数', '村庄数')).toBe(0)
    const text = '组建志愿服务队56支。'
    const label = { report: 'x', metric: '志愿服务队数', region: '', region_code: null, period: '2025-01', value: 56, unit: '支', qualifier: '=', quote: '志愿服务队56支' }
    const s = scoreFigures(text, extractFigures(text, ctx()), [label], new Map())
    expect(s.suggestedNames).toEqual({ count: 1, exact: 1, overlap: 1 })
  })

  it('ignores predictions that match optional labels and counts other extras as false positives', () => {
    const text = '分两批推动13个部门，另有7名党员。'
    const labels = [
      { report: 'x', metric: '', region: '', region_code: null, period: '2025-01', value: 2, unit: '批', qualifier: '=', quote: '分两批', optional: true },
      { report: 'x', metric: '', region: '', region_code: null, period: '2025-01', value: 13, unit: '个', qualifier: '=', quote: '13个部门' },
    ]
    const s = scoreFigures(text, extractFigures(text, ctx()), labels)
    expect([s.truePositives, s.ignored, s.falsePositives.map((f) => f.value)]).toEqual([1, 1, [7]])
  })
})

describe(periodMatch, () => {
  it('counts an interval ending at the labelled period apart from an exact match', () => {
    expect(periodMatch('2022/2025-01', '2025-01')).toBe('interval-end')
    expect(periodMatch('2025-01', '2025-01')).toBe('exact')
    expect(periodMatch('2024', '2025-01')).toBe('wrong')
  })
})
