/** Granularity of a period: one calendar unit, or an interval between two of them. */
export type PeriodKind = 'year' | 'quarter' | 'month' | 'day' | 'interval'

/** A parsed ISO 8601 period; `start` and `end` bound its half-open span [start, end) in UTC epoch ms. */
export interface Period {
  text: string
  kind: PeriodKind
  start: number
  end: number
}

const DAY_MS = 86_400_000
// One regex for the four single forms; groups: year, quarter, month, day.
const SINGLE = /^(\d{4})(?:-Q([1-4])|-(\d{2})(?:-(\d{2}))?)?$/
const ZH_QUARTERS = ['一', '二', '三', '四']
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

interface Parts {
  year: number
  quarter?: number
  month?: number
  day?: number
}

function utc(year: number, month0: number, day: number): number {
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not.
  const date = new Date(0)
  date.setUTCFullYear(year, month0, day)
  return date.getTime()
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return leap ? 29 : 28
}

function splitSingle(text: string): Parts | null {
  const m = SINGLE.exec(text)
  if (!m) return null
  const year = Number(m[1])
  if (m[2]) return { year, quarter: Number(m[2]) }
  if (!m[3]) return { year }
  const month = Number(m[3])
  if (month < 1 || month > 12) return null
  if (!m[4]) return { year, month }
  const day = Number(m[4])
  if (day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

function spanOf(p: Parts): { kind: PeriodKind; start: number; end: number } {
  if (p.quarter) return { kind: 'quarter', start: utc(p.year, 3 * p.quarter - 3, 1), end: utc(p.year, 3 * p.quarter, 1) }
  if (p.day) {
    const start = utc(p.year, p.month! - 1, p.day)
    return { kind: 'day', start, end: start + DAY_MS }
  }
  if (p.month) return { kind: 'month', start: utc(p.year, p.month - 1, 1), end: utc(p.year, p.month, 1) }
  return { kind: 'year', start: utc(p.year, 0, 1), end: utc(p.year + 1, 0, 1) }
}

/** Parses `2024`, `2024-Q4`, `2024-12`, `2024-12-31` or an interval `A/B` of two of them; null when invalid. */
export function parsePeriod(text: string): Period | null {
  if (typeof text !== 'string') return null
  const slash = text.indexOf('/')
  if (slash < 0) {
    const parts = splitSingle(text)
    return parts && { text, ...spanOf(parts) }
  }
  const a = splitSingle(text.slice(0, slash))
  const b = splitSingle(text.slice(slash + 1))
  if (!a || !b) return null
  const from = spanOf(a)
  const to = spanOf(b)
  if (from.start > to.start) return null
  return { text, kind: 'interval', start: from.start, end: to.end }
}

/** Orders periods by end, then start, then text: `2022/2025-01` sorts just before `2025-01`. */
export function comparePeriods(a: Period, b: Period): number {
  return a.end - b.end || a.start - b.start || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)
}

/** Where a period sits on a time axis: the middle of its span; a cumulative interval sits where its end period would. */
export function periodTime(p: Period): number {
  // The middle keeps a January figure under January (its end would sit on the February tick); an interval
  // "since 2022, as of 2025-01" is read at its end, so it lines up with the 2025-01 figures it is compared to.
  if (p.kind !== 'interval') return (p.start + p.end) / 2
  const last = spanOf(splitSingle(p.text.slice(p.text.indexOf('/') + 1))!)
  return (last.start + last.end) / 2
}

function toPeriod(bound: Period | string | undefined): Period | undefined {
  if (bound === undefined || typeof bound !== 'string') return bound
  const parsed = parsePeriod(bound)
  if (!parsed) throw new RangeError(`"${bound}" is not an ISO 8601 period`)
  return parsed
}

/** True when the span of `p` overlaps the range from `from` to `to` (both inclusive, either optional). */
export function periodInRange(p: Period, from?: Period | string, to?: Period | string): boolean {
  const lo = toPeriod(from)
  const hi = toPeriod(to)
  return (!lo || p.end > lo.start) && (!hi || p.start < hi.end)
}

function formatParts(p: Parts, locale: 'zh' | 'en'): string {
  if (locale === 'zh') {
    if (p.quarter) return `${p.year}年第${ZH_QUARTERS[p.quarter - 1]}季度`
    if (p.day) return `${p.year}年${p.month}月${p.day}日`
    if (p.month) return `${p.year}年${p.month}月`
    return `${p.year}年`
  }
  if (p.quarter) return `${p.year} Q${p.quarter}`
  if (p.day) return `${p.day} ${EN_MONTHS[p.month! - 1]} ${p.year}`
  if (p.month) return `${EN_MONTHS[p.month - 1]} ${p.year}`
  return String(p.year)
}

/** Display text of a period: `2024年第四季度` / `2024 Q4`; an unparsable string comes back unchanged. */
export function formatPeriod(p: Period | string, locale: 'zh' | 'en'): string {
  const period = typeof p === 'string' ? parsePeriod(p) : p
  if (!period) return p as string
  const sides = period.text.split('/').map((side) => formatParts(splitSingle(side)!, locale))
  return sides.join(locale === 'zh' ? '—' : '–')
}

function shiftYearBack(side: string): string | null {
  const year = Number(side.slice(0, 4)) - 1
  if (year < 0) return null
  // 29 February has no counterpart a year earlier; 28 February is the nearest same-kind period.
  const rest = side.slice(4) === '-02-29' ? '-02-28' : side.slice(4)
  return String(year).padStart(4, '0') + rest
}

/** The same kind of period one year earlier (for 同比); an interval shifts both ends; null before year 0. */
export function previousYearPeriod(p: Period): Period | null {
  const sides = p.text.split('/').map(shiftYearBack)
  if (sides.some((s) => s === null)) return null
  return parsePeriod(sides.join('/'))
}
