import { describe, expect, it } from 'vitest'
import { MAX_SPAN, segmentText } from '../../src/extract/segments'

describe(segmentText, () => {
  it('cuts a run without punctuation into sentences and clauses no longer than MAX_SPAN, covering it all', () => {
    const text = '社区志愿服务活动开展'.repeat(MAX_SPAN) + '。尾句'
    const { sentences, clauses } = segmentText(text)
    for (const spans of [sentences, clauses]) {
      expect(Math.max(...spans.map((s) => s.end - s.start))).toBeLessThanOrEqual(MAX_SPAN)
      expect(spans.every((s, i) => s.start === (i === 0 ? 0 : spans[i - 1].end))).toBe(true)
      expect(spans.at(-1)!.end).toBe(text.length)
    }
  })

  it('keeps an ordinary sentence whole', () => {
    expect(segmentText('鄄城县开展活动500余次。全市覆盖率达66.1%。').sentences).toEqual([
      { start: 0, end: 13 },
      { start: 13, end: 25 },
    ])
  })
})
