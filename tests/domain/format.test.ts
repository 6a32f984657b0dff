import { describe, expect, it } from 'vitest'
import { formatValue, qualifierSymbol } from '@/domain/format'

describe(formatValue, () => {
  it('marks 500余次 as a lower bound', () => {
    expect(formatValue(500, '>=', '次', 'zh')).toBe('≥500次')
  })

  it('writes 约 before an approximate figure in Chinese and ≈ in English', () => {
    expect(formatValue(20, '~', '人', 'zh')).toBe('约20人')
    expect(formatValue(20, '~', '人', 'en')).toBe('≈20 people')
  })

  it('marks an upper bound', () => {
    expect(formatValue(5, '<=', '个', 'zh')).toBe('≤5个')
  })

  it('shows a rate with its decimals and the percent sign right after the number', () => {
    expect(formatValue(66.1, '=', '%', 'zh')).toBe('66.1%')
    expect(formatValue(66.1, '=', '%', 'en')).toBe('66.1%')
  })

  it('rounds to two decimals at most', () => {
    expect(formatValue(100 / 3, '=', '%', 'zh')).toBe('33.33%')
  })

  it('groups thousands in English only, as Chinese reports write 12345人', () => {
    expect(formatValue(12345, '=', '人', 'zh')).toBe('12345人')
    expect(formatValue(12345, '=', '人', 'en')).toBe('12,345 people')
  })
})

describe(qualifierSymbol, () => {
  it('gives no mark to an exact figure', () => {
    expect(qualifierSymbol('=', 'zh')).toBe('')
    expect(qualifierSymbol('=', 'en')).toBe('')
  })

  it('marks each non-exact qualifier', () => {
    expect(['>=', '~', '<='].map((q) => qualifierSymbol(q as '>=' | '~' | '<=', 'zh'))).toEqual(['≥', '约', '≤'])
  })
})
