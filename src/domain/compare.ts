import type { ObservationIndex, Rollup } from './observationIndex'
import { comparePeriods, parsePeriod } from './period'
import type { RegionTree } from './regions'
import type { Metric, Observation, Qualifier } from './types'

/** Which regions the compare view sets side by side, and the region that encloses them (its own figure is the reference). */
export interface CompareScope {
  /** The city or the one selected county; null when the user picked several regions by hand. */
  parent: string | null
  regions: string[]
}

/** How a row got its value: its own figure, computed from its towns, sources disagreeing, or nothing. */
export type CompareStatus = 'reported' | 'computed' | 'conflict' | 'missing'

/** One region of a comparison at one period. */
export interface CompareRow {
  region: string
  status: CompareStatus
  /** null when missing or conflicting. */
  value: number | null
  qualifier: Qualifier
  /** The region's own figures at that period: one, or several when sources disagree. */
  figures: Observation[]
  /** How a computed value was made up (children counted, missing). */
  rollup?: Rollup
}

/**
 * The city (or no selection) compares its county-level units; one selected county compares its towns;
 * any other selection compares the selected regions themselves.
 */
export function compareScope(selected: readonly string[], tree: RegionTree): CompareScope {
  const city = tree.all().find((r) => r.level === 'city')
  if (city && (selected.length === 0 || (selected.length === 1 && selected[0] === city.code))) {
    return { parent: city.code, regions: tree.countiesOf(city.code).map((r) => r.code) }
  }
  const only = selected.length === 1 ? tree.get(selected[0]) : undefined
  const towns = only && (only.level === 'county' || only.level === 'zone') ? tree.children(only.code) : []
  if (only && towns.length > 0) return { parent: only.code, regions: towns.map((r) => r.code) }
  return { parent: null, regions: [...selected].sort() }
}

/** The row of one region at one period: its own figure, else the rollup of its children, else missing. Never an average. */
export function compareRow(index: ObservationIndex, tree: RegionTree, metric: string, region: string, period: string): CompareRow {
  const figures = index.snapshot(metric, period, [region]).get(region) ?? []
  if (figures.length > 0) {
    if (figures.some((f) => f.value !== figures[0].value)) return { region, status: 'conflict', value: null, qualifier: '=', figures }
    const figure = figures.find((f) => f.qualifier === '=') ?? figures[0]
    return { region, status: 'reported', value: figure.value, qualifier: figure.qualifier, figures }
  }
  const rollup = index.rollup(metric, region, period, tree)
  if (rollup) return { region, status: 'computed', value: rollup.value, qualifier: rollup.qualifier, figures, rollup }
  return { region, status: 'missing', value: null, qualifier: '=', figures }
}

const RANK: Record<CompareStatus, number> = { reported: 0, computed: 0, conflict: 1, missing: 2 }

/** Rows ranked by value, largest first; conflicting, then missing regions follow by code, never dropped. */
export function compareRows(index: ObservationIndex, tree: RegionTree, metric: string, regions: readonly string[], period: string): CompareRow[] {
  const rows = regions.map((region) => compareRow(index, tree, metric, region, period))
  return rows.sort((a, b) => RANK[a.status] - RANK[b.status] || (b.value ?? 0) - (a.value ?? 0) || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0))
}

/** Periods at which at least one of `regions` has a figure or a rollup of `metric`, oldest first. */
export function periodsToCompare(index: ObservationIndex, tree: RegionTree, metric: Metric, regions: readonly string[]): string[] {
  const children = regions.flatMap((r) => tree.children(r).map((c) => c.code))
  const candidates = new Set(index.periods(metric.id, [...regions, ...children]))
  // A rate rolls up from its numerator and denominator: their periods count even where the rate itself was never reported.
  if (metric.aggregate.kind === 'ratio') for (const p of index.periods(metric.aggregate.numerator, children)) candidates.add(p)
  const sorted = [...candidates].sort((a, b) => comparePeriods(parsePeriod(a)!, parsePeriod(b)!))
  return sorted.filter((period) => regions.some((region) => compareRow(index, tree, metric.id, region, period).status !== 'missing'))
}

/**
 * The periods (oldest first) that end within the range from `from` to `to` (either open): a one-period view reads a
 * figure as of its end, so a cumulative 2022/2025-01 belongs to a range that takes in 2025-01, not to one ending 2024-12.
 */
export function periodsInRange(periods: readonly string[], from?: string | null, to?: string | null): string[] {
  const lo = from ? parsePeriod(from) : null
  const hi = to ? parsePeriod(to) : null
  return periods.filter((p) => {
    const period = parsePeriod(p)
    return period !== null && (!lo || period.end > lo.start) && (!hi || period.end <= hi.end)
  })
}

/** The period a one-period view shows: `at` when the range offers it, else the latest within the range; null when none. */
export function pickPeriod(periods: readonly string[], range: { from?: string | null; to?: string | null }, at?: string | null): string | null {
  const offered = periodsInRange(periods, range.from, range.to)
  return at && offered.includes(at) ? at : (offered.at(-1) ?? null)
}

/** The period after `current` when playing through `periods` (oldest first); from the start again at the end is the caller's choice. */
export function nextPeriod(periods: readonly string[], current: string | null): string | null {
  const i = current === null ? -1 : periods.indexOf(current)
  return periods[i + 1] ?? null
}
