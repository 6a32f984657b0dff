import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildReportBatch, isReportDate, metricIdFor, newMetric, reportSourceId, restoreReview, reviewOrder, reviewProblems, safeQuote, titleFromText, toReview,
  type ReviewFigure,
} from '@/domain/ingest'
import { segmentByOffsets } from '@/domain/ingestSegments'
import { RegionTree } from '@/domain/regions'
import { extractFigures } from '@/extract/extract'
import { ctx, smallGazetteer } from '../extract/builders'

const tree = new RegionTree(smallGazetteer())
const TEXT = '2024年以来，鄄城县开展志愿服务活动120余次。某村新建图书室5个。'

/** A reviewed figure with sensible defaults; a test overrides what it is about. */
function fig(over: Partial<ReviewFigure> = {}): ReviewFigure {
  return {
    key: 0, start: 17, end: 24, quote: '活动120余次', unit: '次', confidence: 0.85, suggestedName: '志愿服务活动次数',
    metric: 'volunteer_activities', region: '371726', period: '2024/2025-03', value: 120, qualifier: '>=', status: 'accepted', ...over,
  }
}

const known = { metric: (id: string) => id === 'volunteer_activities' || id === 'custom_1', tree }

describe(toReview, () => {
  it('keeps the extractor’s metric, county and period, and leaves a figure without a known place unassigned', () => {
    const review = toReview(extractFigures(TEXT, ctx('2025-03')), tree)
    const activities = review.find((f) => f.value === 120)!
    expect(activities).toMatchObject({ metric: 'volunteer_activities', region: '371726', qualifier: '>=', status: 'pending' })
    expect(TEXT.slice(activities.start, activities.end)).toBe(activities.quote)
  })
})

describe(reviewOrder, () => {
  const f = (start: number, confidence: number, flags?: string[]) => ({ start, confidence, ...(flags ? { flags } : {}) })

  it('puts the doubtful first, least confident first, then the rest in text order', () => {
    const figures = [f(0, 0.9), f(10, 0.6), f(20, 0.85, ['未识别地名：幸福里社区']), f(30, 0.9), f(40, 0.4)]
    expect(reviewOrder(figures).map((x) => x.start)).toEqual([40, 10, 20, 0, 30])
  })

  it('keeps every candidate once, whatever the confidences', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1000), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())), (rows) => {
        const figures = rows.map(([start, c, flagged], i) => ({ ...f(start, c, flagged ? ['x'] : undefined), i }))
        const ordered = reviewOrder(figures)
        expect(ordered.map((x) => x.i).sort((a, b) => a - b)).toEqual(figures.map((x) => x.i))
        const firstSure = ordered.findIndex((x) => !x.flags && x.confidence >= 0.7)
        if (firstSure >= 0) expect(ordered.slice(firstSure).every((x) => !x.flags && x.confidence >= 0.7)).toBe(true)
      }),
    )
  })
})

describe(reviewProblems, () => {
  it('accepts a complete figure', () => {
    expect(reviewProblems(fig(), known, [])).toEqual([])
  })

  it('asks for a metric, a region and a parsable period before accepting', () => {
    expect(reviewProblems(fig({ metric: '', region: '', period: '2024年' }), known, [])).toEqual(['metric', 'region', 'period'])
  })

  it('rejects a region code the gazetteer does not know and a value that is not a number', () => {
    expect(reviewProblems(fig({ region: '371799', value: Number.NaN }), known, [])).toEqual(['region', 'value'])
  })

  it('refuses a second figure of the same metric, region and period from one report', () => {
    expect(reviewProblems(fig({ key: 2 }), known, [fig({ key: 1 })])).toEqual(['duplicate'])
    expect(reviewProblems(fig({ key: 2, period: '2024' }), known, [fig({ key: 1 })])).toEqual([])
  })
})

describe(metricIdFor, () => {
  it('makes a snake_case id from the English name', () => {
    expect(metricIdFor('Reading rooms built', new Set())).toBe('reading_rooms_built')
  })

  it('numbers an id that is taken, and falls back to custom_<n> without an English name', () => {
    expect(metricIdFor('Reading rooms', new Set(['reading_rooms']))).toBe('reading_rooms_2')
    expect(metricIdFor('图书室', new Set(['custom_1']))).toBe('custom_2')
    expect(metricIdFor('2024 rooms', new Set())).toBe('rooms')
  })
})

describe(newMetric, () => {
  const input = { name: '新建图书室数', nameEn: '', unit: '个', kind: 'count' as const, temporal: 'flow' as const, category: '报告录入', phrase: '新建图书室' }

  it('sums counts across regions and keeps the report’s phrase as an alias', () => {
    expect(newMetric(input, new Set())).toMatchObject({ id: 'custom_1', aggregate: { kind: 'sum' }, aliases: ['新建图书室'] })
  })

  it('never sums a rate', () => {
    expect(newMetric({ ...input, unit: '%', kind: 'rate' }, new Set()).aggregate).toEqual({ kind: 'none' })
  })
})

describe(buildReportBatch, () => {
  const report = { title: ' 鄄城志愿服务 ', publication: '菏泽日报', date: '2025-03', text: TEXT }
  const created = [newMetric({ name: '图书室', nameEn: 'Reading rooms', unit: '个', kind: 'count', temporal: 'flow', category: 'x', phrase: '' }, new Set())]

  it('makes one report batch with its source, the original text and exact quotes', () => {
    const batch = buildReportBatch(report, [fig()], created, '2026-01-01T00:00:00Z')
    const id = reportSourceId('2025-03', TEXT)
    expect(batch).toMatchObject({ id, kind: 'report', name: '鄄城志愿服务', reports: { [id]: TEXT } })
    expect(batch.sources).toEqual([{ id, title: '鄄城志愿服务', publication: '菏泽日报', date: '2025-03', author: '', file: `reports/${id}.txt`, url: '', note: '' }])
    expect(batch.observations).toEqual([{ metric: 'volunteer_activities', region: '371726', period: '2024/2025-03', value: 120, qualifier: '>=', source: id, quote: '活动120余次' }])
    expect(TEXT).toContain(batch.observations[0].quote)
  })

  it('falls back to the text’s first line for a cleared title', () => {
    expect(buildReportBatch({ ...report, title: ' ' }, [fig()], [], '').sources[0].title).toBe(TEXT)
  })

  it('carries only the created metrics its figures use', () => {
    expect(buildReportBatch(report, [fig()], created, '').metrics).toEqual([])
    expect(buildReportBatch(report, [fig({ metric: 'reading_rooms' })], created, '').metrics.map((m) => m.id)).toEqual(['reading_rooms'])
  })
})

describe(restoreReview, () => {
  it('brings back the reviewer’s accepted values for the figures a saved batch quotes, and leaves the rest pending', () => {
    const fresh = toReview(extractFigures(TEXT, ctx('2025-03')), tree)
    const activities = fresh.find((f) => f.value === 120)!
    const saved = buildReportBatch({ title: 't', publication: '', date: '2025-03', text: TEXT }, [{ ...activities, value: 125 }], [], '').observations
    const restored = restoreReview(fresh, saved, TEXT)
    expect(restored.find((f) => f.key === activities.key)).toMatchObject({ status: 'accepted', value: 125, metric: 'volunteer_activities' })
    expect(restored.filter((f) => f.status === 'pending')).toHaveLength(fresh.length - 1)
  })
})

describe(reportSourceId, () => {
  it('gives the same text and date the same id, and a different text another', () => {
    expect(reportSourceId('2025-03', TEXT)).toBe(reportSourceId('2025-03', TEXT))
    expect(reportSourceId('2025-03', TEXT)).toMatch(/^report-2025-03-[0-9a-f]{8}$/)
    expect(reportSourceId('2025-03', TEXT + '。')).not.toBe(reportSourceId('2025-03', TEXT))
  })
})

describe(safeQuote, () => {
  it('widens a quote that starts with a formula character to the left, so it stays an exact substring', () => {
    const text = '增幅为+15%，'
    expect(safeQuote(text, 3, 7)).toBe('为+15%')
    expect(safeQuote('活动120余次', 0, 7)).toBe('活动120余次')
  })
})

describe(isReportDate, () => {
  it('takes the date forms sources.csv allows and nothing else', () => {
    expect(['2025', '2025-01', '2025-01-08'].map(isReportDate)).toEqual([true, true, true])
    expect(['2025-13', '2025/01', '2025-Q1', ''].map(isReportDate)).toEqual([false, false, false, false])
  })
})

describe(titleFromText, () => {
  it('takes the first non-empty line, shortened', () => {
    expect(titleFromText('\n  鄄城县志愿服务纪实\n正文')).toBe('鄄城县志愿服务纪实')
    expect(titleFromText('甲'.repeat(50), 10)).toBe('甲'.repeat(10) + '…')
  })
})

describe(segmentByOffsets, () => {
  it('marks the candidate at its offsets even when the same phrase occurs earlier', () => {
    const text = '甲镇5个，乙镇5个。'
    const segments = segmentByOffsets(text, [{ key: 7, start: 7, end: 9 }])
    expect(segments.map((s) => [s.text, s.keys])).toEqual([['甲镇5个，乙镇', []], ['5个', [7]], ['。', []]])
  })

  it('merges overlapping candidates into one mark and always joins back into the text', () => {
    const text = '参与群众3000余人次'
    const segments = segmentByOffsets(text, [{ key: 1, start: 4, end: 10 }, { key: 0, start: 0, end: 8 }])
    expect(segments.map((s) => s.keys)).toEqual([[0, 1], []])
    expect(segments.map((s) => s.text).join('')).toBe(text)
  })
})
