import type { ObservationIndex } from './observationIndex'
import { parsePeriod, previousYearPeriod } from './period'
import type { RegionTree } from './regions'
import type { Metric, Observation, Qualifier } from './types'

/** One period of a region's figures of a metric: its own agreed figure, a rollup of its children, or a conflict. */
export interface OverviewPoint {
  period: string
  value: number
  qualifier: Qualifier
  computed: boolean
  /** The disagreeing figures when sources differ at this period (value is then the first of them). */
  conflict: Observation[] | null
}

/** A change between two figures; approximate when either figure is not exact. */
export interface Change {
  /** Period of the earlier figure. */
  from: string
  absolute: number
  /** Relative change in %, null when the earlier figure is 0. */
  relative: number | null
  approximate: boolean
}

/** What one KPI card shows: the latest figure, its changes and the values its sparkline draws. */
export interface KpiCard {
  metric: Metric
  region: string
  latest: OverviewPoint
  /** Against the previous figure of the same kind of period (month with month, year with year). */
  change: Change | null
  /** 同比: against the same period a year earlier, when there is a figure for it. */
  yearOnYear: Change | null
  /** Values of the same kind of period, oldest first, conflicts left out. */
  spark: number[]
}

/** The regions the overview is about: the selection, or the city when nothing is selected. */
export function overviewRegions(selected: readonly string[], tree: RegionTree): string[] {
  if (selected.length > 0) return [...selected].sort()
  const city = tree.all().find((r) => r.level === 'city')
  return city ? [city.code] : []
}

/** A region's figures of a metric by period; computed from its children only when it has no figure of its own at all. */
export function regionPoints(index: ObservationIndex, tree: RegionTree, metric: Metric, region: string): OverviewPoint[] {
  const [own] = index.series(metric.id, [region])
  if (own.points.length > 0) {
    const byPeriod = new Map<string, Observation[]>()
    for (const o of own.points) byPeriod.set(o.period, [...(byPeriod.get(o.period) ?? []), o])
    return [...byPeriod].map(([period, figures]) => {
      const conflict = figures.some((f) => f.value !== figures[0].value) ? figures : null
      const figure = figures.find((f) => f.qualifier === '=') ?? figures[0]
      return { period, value: figure.value, qualifier: figure.qualifier, computed: false, conflict }
    })
  }
  // No figure of its own at any period: every period its children roll up to, read in one pass.
  return [...index.rollups(metric.id, region, tree)].map(([period, r]) => ({ period, value: r.value, qualifier: r.qualifier, computed: true, conflict: null }))
}

function kindOf(period: string): string {
  const p = parsePeriod(period)!
  // Cumulative figures compare only with those counted from the same start.
  return p.kind === 'interval' ? `interval:${period.split('/')[0]}` : p.kind
}

function changeBetween(earlier: OverviewPoint, later: OverviewPoint): Change {
  const absolute = later.value - earlier.value
  return {
    from: earlier.period,
    absolute,
    relative: earlier.value === 0 ? null : (100 * absolute) / earlier.value,
    approximate: earlier.qualifier !== '=' || later.qualifier !== '=',
  }
}

/** The card of one metric in one region, or null when the region has no figure of it. */
export function kpiCard(metric: Metric, region: string, points: readonly OverviewPoint[]): KpiCard | null {
  const latest = points[points.length - 1]
  if (!latest) return null
  const kind = kindOf(latest.period)
  const sameKind = points.filter((p) => kindOf(p.period) === kind && !p.conflict)
  const previous = [...sameKind].reverse().find((p) => p !== latest)
  const lastYear = previousYearPeriod(parsePeriod(latest.period)!)
  const yearAgo = lastYear && sameKind.find((p) => p.period === lastYear.text)
  const comparable = !latest.conflict
  return {
    metric,
    region,
    latest,
    change: comparable && previous ? changeBetween(previous, latest) : null,
    yearOnYear: comparable && yearAgo ? changeBetween(yearAgo, latest) : null,
    spark: sameKind.map((p) => p.value),
  }
}

/** Cards for every metric (catalogue order) with figures in each region (in the given order). */
export function overviewCards(index: ObservationIndex, tree: RegionTree, metrics: readonly Metric[], regions: readonly string[]): KpiCard[] {
  return regions.flatMap((region) =>
    metrics.flatMap((metric) => kpiCard(metric, region, regionPoints(index, tree, metric, region)) ?? []),
  )
}
