import { describe, expect, it } from 'vitest'
import {
  comparePeriods,
  formatPeriod,
  parsePeriod,
  periodInRange,
  periodTime,
  previousYearPeriod,
  type Period,
} from '@/domain/period'

const DAY = 86_400_000

function p(text: string): Period {
  const period = parsePeriod(text)
  if (!period) throw new Error(`test period ${text} does not parse`)
  return period
}

describe(parsePeriod, () => {
  it.each([
    ['2024', 'year', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1)],
    ['2024-Q1', 'quarter', Date.UTC(2024, 0, 1), Date.UTC(2024, 3, 1)],
    ['2024-Q4', 'quarter', Date.UTC(2024, 9, 1), Date.UTC(2025, 0, 1)],
    ['2024-12', 'month', Date.UTC(2024, 11, 1), Date.UTC(2025, 0, 1)],
    ['2024-02', 'month', Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1)],
    ['2024-12-31', 'day', Date.UTC(2024, 11, 31), Date.UTC(2025, 0, 1)],
    ['2024-02-29', 'day', Date.UTC(2024, 1, 29), Date.UTC(2024, 2, 1)],
    ['2022/2025-01', 'interval', Date.UTC(2022, 0, 1), Date.UTC(2025, 1, 1)],
    ['2024-Q3/2024-12-30', 'interval', Date.UTC(2024, 6, 1), Date.UTC(2024, 11, 31)],
    ['2024/2024-06', 'interval', Date.UTC(2024, 0, 1), Date.UTC(2024, 6, 1)],
  ])('reads %s as a %s with a half-open UTC span', (text, kind, start, end) => {
    expect(parsePeriod(text)).toEqual({ text, kind, start, end })
  })

  it('accepts an interval whose two ends are the same period', () => {
    expect(parsePeriod('2024-12/2024-12')).toMatchObject({ kind: 'interval', start: Date.UTC(2024, 11, 1), end: Date.UTC(2025, 0, 1) })
  })

  it('places years before 100 in their own century, not in the 1900s', () => {
    expect(new Date(p('0050').start).getUTCFullYear()).toBe(50)
  })

  it.each([
    '2024-13',
    '2024-00',
    '2024-02-30',
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-12-00',
    '2024-Q5',
    '2024-Q0',
    '2024-q4',
    '2024-1',
    '2024-12-1',
    '24',
    '20245',
    ' 2024',
    '2024 ',
    '2024\n',
    '２０２４',
    '2024-12-31T00:00',
    '2024年',
    '',
    '/',
    '2024/',
    '/2024',
    '2025-01/2022',
    '2024-12/2024-11',
    '2022/2024/2025',
    '2022 / 2025',
  ])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeNull()
  })
})

describe(comparePeriods, () => {
  it('orders by end, then start, so a cumulative interval sorts just before its end month', () => {
    const shuffled = ['2025-01', '2024-12-31', '2022/2025-01', '2024', '2024-12', '2023', '2024-Q4']
    expect(shuffled.map(p).sort(comparePeriods).map((x) => x.text)).toEqual([
      '2023',
      '2024',
      '2024-Q4',
      '2024-12',
      '2024-12-31',
      '2022/2025-01',
      '2025-01',
    ])
  })

  it('breaks a tie between equal spans by text, so the order never depends on input order', () => {
    expect(comparePeriods(p('2024'), p('2024/2024'))).toBeLessThan(0)
    expect(comparePeriods(p('2024/2024'), p('2024'))).toBeGreaterThan(0)
    expect(comparePeriods(p('2024'), p('2024'))).toBe(0)
  })
})

describe(periodTime, () => {
  it('spaces 2024-Q4 and 2025-01 by the real time between them', () => {
    expect(periodTime(p('2025-01')) - periodTime(p('2024-Q4'))).toBe((15.5 + 46) * DAY)
  })

  it('lands in the middle of the period, on a date inside it in Beijing time', () => {
    const t = periodTime(p('2025-01'))
    const beijing = new Date(t + 8 * 3_600_000)
    expect([beijing.getUTCFullYear(), beijing.getUTCMonth() + 1, beijing.getUTCDate()]).toEqual([2025, 1, 16])
    expect(periodTime(p('2024-12-30'))).toBe(Date.UTC(2024, 11, 30, 12))
  })

  it('puts a year figure in the middle of its year', () => {
    expect(periodTime(p('2024'))).toBe(Date.UTC(2024, 6, 2))
  })

  it('places a cumulative figure "since 2022" where its end month sits, not in the middle of the span', () => {
    expect(periodTime(p('2022/2025-01'))).toBe(periodTime(p('2025-01')))
  })

  it('keeps the order of comparePeriods among periods of one kind', () => {
    for (const list of [['2023', '2021', '2024'], ['2024-05', '2023-12', '2024-01'], ['2024-Q3', '2023-Q4', '2024-Q1']]) {
      const times = list.map(p).sort(comparePeriods).map(periodTime)
      expect(times).toEqual([...times].sort((a, b) => a - b))
    }
  })
})

describe(periodInRange, () => {
  it('keeps everything when neither end is given', () => {
    expect(periodInRange(p('1999'))).toBe(true)
  })

  it('includes both ends of the range', () => {
    expect(periodInRange(p('2024-01'), '2024-01', '2024-12')).toBe(true)
    expect(periodInRange(p('2024-12-31'), '2024-01', '2024-12')).toBe(true)
    expect(periodInRange(p('2023-12-31'), '2024-01', '2024-12')).toBe(false)
    expect(periodInRange(p('2025-01'), '2024-01', '2024-12')).toBe(false)
  })

  it('includes a period that only overlaps the range', () => {
    expect(periodInRange(p('2024'), '2024-06', '2024-06')).toBe(true)
    expect(periodInRange(p('2022/2025-01'), '2023', '2023')).toBe(true)
    expect(periodInRange(p('2024-Q2'), '2024-07')).toBe(false)
  })

  it('takes either end alone', () => {
    expect(periodInRange(p('2020'), undefined, '2024')).toBe(true)
    expect(periodInRange(p('2025'), undefined, '2024')).toBe(false)
    expect(periodInRange(p('2025'), '2024')).toBe(true)
    expect(periodInRange(p('2023'), '2024')).toBe(false)
  })

  it('accepts parsed periods as ends', () => {
    expect(periodInRange(p('2024-Q4'), p('2024-12'), p('2025'))).toBe(true)
  })

  it('throws on an end that is not a period rather than ignoring it', () => {
    expect(() => periodInRange(p('2024'), '2024-13')).toThrow(RangeError)
  })
})

describe(formatPeriod, () => {
  it.each([
    ['2024', '2024年', '2024'],
    ['2024-Q4', '2024年第四季度', '2024 Q4'],
    ['2024-Q1', '2024年第一季度', '2024 Q1'],
    ['2024-12', '2024年12月', 'Dec 2024'],
    ['2025-01', '2025年1月', 'Jan 2025'],
    ['2024-12-31', '2024年12月31日', '31 Dec 2024'],
    ['2025-03-05', '2025年3月5日', '5 Mar 2025'],
    ['2022/2025-01', '2022年—2025年1月', '2022–Jan 2025'],
  ])('writes %s as %s and %s', (text, zh, en) => {
    expect(formatPeriod(p(text), 'zh')).toBe(zh)
    expect(formatPeriod(p(text), 'en')).toBe(en)
  })

  it('accepts a period string', () => {
    expect(formatPeriod('2024-Q2', 'zh')).toBe('2024年第二季度')
  })

  it('shows an unparsable string as it is rather than inventing a date', () => {
    expect(formatPeriod('2024-13', 'zh')).toBe('2024-13')
    expect(formatPeriod('2025/2022', 'en')).toBe('2025/2022')
  })
})

describe(previousYearPeriod, () => {
  it.each([
    ['2024', '2023'],
    ['2024-Q4', '2023-Q4'],
    ['2025-01', '2024-01'],
    ['2024-12-31', '2023-12-31'],
    ['2022/2025-01', '2021/2024-01'],
    ['2024-02-29', '2023-02-28'],
    ['1000', '0999'],
  ])('maps %s to %s', (text, previous) => {
    expect(previousYearPeriod(p(text))).toEqual(p(previous))
  })

  it('keeps the kind of the period', () => {
    expect(previousYearPeriod(p('2024-Q4'))?.kind).toBe('quarter')
  })

  it('gives null before year 0', () => {
    expect(previousYearPeriod(p('0000'))).toBeNull()
  })
})
