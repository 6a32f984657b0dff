import { describe, expect, it } from 'vitest'
import { highlightQuotes } from '@/domain/highlight'

const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join('')
const marks = (segments: { text: string; items: string[] }[]) => segments.filter((s) => s.items.length > 0).map((s) => [s.text, s.items])

describe(highlightQuotes, () => {
  it('marks each quote once and leaves the rest as plain text', () => {
    const text = '全市覆盖率已达66.1%。鄄城县开展活动500余次。'
    const { segments, missing } = highlightQuotes(text, [
      { quote: '500余次', item: 'b' },
      { quote: '覆盖率已达66.1%', item: 'a' },
    ])
    expect(marks(segments)).toEqual([['覆盖率已达66.1%', ['a']], ['500余次', ['b']]])
    expect(joined(segments)).toBe(text)
    expect(missing).toEqual([])
  })

  it('finds a quote that spans a line break', () => {
    const text = '推动5个\n部门整合职能。'
    const { segments } = highlightQuotes(text, [{ quote: '5个\n部门', item: 'x' }])
    expect(marks(segments)).toEqual([['5个\n部门', ['x']]])
    expect(segments[0]).toMatchObject({ text: '推动', start: 0 })
  })

  it('merges overlapping quotes into one highlight carrying both figures', () => {
    const text = '征集到作品289幅，其中学生作品120幅。'
    const { segments } = highlightQuotes(text, [
      { quote: '作品289幅', item: 'all' },
      { quote: '征集到作品', item: 'phrase' },
      { quote: '学生作品120幅', item: 'students' },
    ])
    expect(marks(segments)).toEqual([['征集到作品289幅', ['phrase', 'all']], ['学生作品120幅', ['students']]])
    expect(joined(segments)).toBe(text)
  })

  it('reports quotes that do not occur, and empty quotes, as missing', () => {
    const { segments, missing } = highlightQuotes('只有这一句。', [
      { quote: '不在文中', item: 1 },
      { quote: '', item: 2 },
    ])
    expect(missing).toEqual([1, 2])
    expect(segments).toEqual([{ text: '只有这一句。', start: 0, items: [] }])
  })

  it('keeps markup in the report as literal text', () => {
    const text = '<script>alert(1)</script>共12个支部'
    const { segments } = highlightQuotes(text, [{ quote: '12个支部', item: 'n' }])
    expect(segments[0].text).toBe('<script>alert(1)</script>共')
    expect(joined(segments)).toBe(text)
  })

  it('returns no segment for an empty text', () => {
    expect(highlightQuotes('', [{ quote: 'a', item: 0 }]).segments).toEqual([])
  })
})
