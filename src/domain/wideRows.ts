import type { RegionSeries } from './observationIndex'
import { comparePeriods, parsePeriod } from './period'
import type { Observation } from './types'

/** One place in the wide table: its first and last figure within the range, and the change between them. */
export interface WideRow {
  region: string
  start: Observation | null
  end: Observation | null
  /** end − start; null with fewer than two figures. */
  change: number | null
  /** change ÷ start; null when start is 0 or missing. */
  relative: number | null
  /** Either end is a 余/约 figure, so the change is approximate too. */
  approximate: boolean
}

/** Columns the wide table sorts by. */
export type WideKey = 'region' | 'start' | 'end' | 'change' | 'relative'

/** Grapher's wide form: one row per place (in the given order) from its series within the range. */
export function wideRows(series: readonly RegionSeries[]): WideRow[] {
  return series.map(({ region, points }) => {
    // A cumulative interval is not a level at a date: the change runs between single periods when there are any.
    const single = points.filter((o) => parsePeriod(o.period)?.kind !== 'interval')
    const usable = (single.length > 0 ? single : [...points]).sort((a, b) => comparePeriods(parsePeriod(a.period)!, parsePeriod(b.period)!))
    const start = usable[0] ?? null
    const end = usable.at(-1) ?? null
    const two = start !== null && end !== null && start !== end
    const change = two ? end.value - start.value : null
    const relative = change !== null && start!.value !== 0 ? change / Math.abs(start!.value) : null
    return { region, start, end, change, relative, approximate: two && (start.qualifier !== '=' || end.qualifier !== '=') }
  })
}

/** Sorts wide rows by a column; places without a value there go last either way; ties keep the given order. */
export function sortWideRows(rows: readonly WideRow[], key: WideKey, dir: 'asc' | 'desc', order: (code: string) => number): WideRow[] {
  const value = (r: WideRow): number | null => (key === 'region' ? order(r.region) : key === 'start' ? (r.start?.value ?? null) : key === 'end' ? (r.end?.value ?? null) : r[key])
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = value(a)
    const y = value(b)
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    return sign * (x - y)
  })
}
