import { parsePeriod, periodTime } from '@/domain/period'

/** Where the trend's zoom window starts and ends on its time axis (epoch ms); open ends show every figure. */
export interface TimeWindow {
  start?: number
  end?: number
}

const timeOf = (period: string | null) => {
  const p = period ? parsePeriod(period) : null
  return p ? periodTime(p) : undefined
}

/** The zoom window of a period range: from the range's first period to its last. */
export function rangeToWindow(from: string | null, to: string | null): TimeWindow {
  return { start: timeOf(from), end: timeOf(to) }
}

/**
 * The period range a zoom window shows, among `periods` (the metric's single periods, in order): the first and the
 * last period inside the window. An end that takes in the first or the last period is left open (null), so a window
 * zoomed all the way out writes no range into the link; a window holding no period keeps the one nearest its middle.
 */
export function windowToRange(periods: readonly string[], start: number, end: number): { from: string | null; to: string | null } {
  const times = periods.map((p) => timeOf(p) ?? NaN)
  const inside = times.flatMap((t, i) => (t >= start && t <= end ? [i] : []))
  if (inside.length === 0) {
    if (periods.length === 0) return { from: null, to: null }
    const middle = (start + end) / 2
    const nearest = times.reduce((best, t, i) => (Math.abs(t - middle) < Math.abs(times[best] - middle) ? i : best), 0)
    return { from: periods[nearest], to: periods[nearest] }
  }
  const first = inside[0]
  const last = inside[inside.length - 1]
  return { from: first === 0 ? null : periods[first], to: last === periods.length - 1 ? null : periods[last] }
}
