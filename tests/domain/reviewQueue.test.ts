import { describe, expect, it } from 'vitest'
import { buildReviewQueue } from '@/domain/reviewQueue'
import type { Figure } from '@/extract/types'

/** A figure of 鄄城县 in 2024 with the given value, metric and confidence. */
function fig(value: number, { metric = 'volunteer_teams', name = '志愿服务队数', quote = `${value}支`, start = 0, confidence = 0.9, flags }: Partial<Figure> & { name?: string } = {}): Figure {
  return {
    value, unit: '支', qualifier: '=', quote, start, end: start + quote.length, region: '鄄城县', region_code: '371726', period: '2024',
    metric, metric_name: name, confidence, ...(flags ? { flags } : {}),
  }
}

describe(buildReviewQueue, () => {
  it('merges the same figure stated in two reports into one entry with both sources', () => {
    const queue = buildReviewQueue([{ file: 'a.txt', figures: [fig(56, { start: 3 })] }, { file: 'b.pdf', figures: [fig(56, { start: 40 })] }])
    expect(queue.entries).toHaveLength(1)
    expect(queue.entries[0].sources).toEqual([
      { file: 'a.txt', quote: '56支', start: 3, end: 6 },
      { file: 'b.pdf', quote: '56支', start: 40, end: 43 },
    ])
    expect(queue.conflicts).toEqual([])
  })

  it('shows different values of two reports for the same metric, place and period side by side', () => {
    const queue = buildReviewQueue([{ file: 'a.txt', figures: [fig(56)] }, { file: 'b.pdf', figures: [fig(60)] }])
    expect(queue.entries).toHaveLength(2)
    expect(queue.conflicts).toHaveLength(1)
    expect(queue.conflicts[0].entries.map((e) => [e.value, e.sources[0].file])).toEqual([[56, 'a.txt'], [60, 'b.pdf']])
  })

  it('does not call two values of one report a conflict, nor merge a figure with no period', () => {
    const queue = buildReviewQueue([{ file: 'a.txt', figures: [fig(56), fig(12), { ...fig(5), period: '' }] }, { file: 'b.txt', figures: [{ ...fig(5), period: '' }] }])
    expect(queue.conflicts).toEqual([])
    expect(queue.entries).toHaveLength(4)
  })

  it('offers a suggested new metric once for the batch, and puts the doubtful first', () => {
    const novel = (value: number, file: string) => ({ file, figures: [fig(value, { metric: null, name: '暖新驿站数', confidence: 0.5, flags: ['未识别地名：幸福里社区'] })] })
    const queue = buildReviewQueue([{ file: 'a.txt', figures: [fig(56)] }, novel(86, 'a.txt'), novel(90, 'b.txt')])
    expect(queue.newMetrics).toEqual([{ name: '暖新驿站数', unit: '支', entries: 2 }])
    expect(queue.entries.map((e) => e.value)).toEqual([86, 90, 56])
  })
})
