import { ObservationIndex } from './observationIndex'
import { parsePeriod, type Period } from './period'
import type { RegionTree } from './regions'
import type { Dataset, Metric, Observation } from './types'

/** What kind of doubt a quality issue raises. */
export type QualityKind = 'conflict' | 'rateRange' | 'missingCounties' | 'stale' | 'jump'

/** One doubt about the data, with the metric, regions and figures it concerns (so a view can show those rows). */
export interface QualityIssue {
  kind: QualityKind
  metric: string
  /** Regions concerned, ordered by code (for missingCounties: the counties without any figure). */
  regions: string[]
  /** The figures in question, in period order; empty for missing counties. */
  observations: Observation[]
  /** Numbers the description needs: months since the latest figure, the jump factor. */
  detail: Record<string, number>
}

/** Thresholds of the checks. */
export interface QualityOptions {
  /** The moment "old" is measured from, epoch ms. */
  now: number
  /** A figure whose period ended more than this many months before `now` is stale (12). */
  staleMonths?: number
  /** Consecutive figures of a count differing by this factor or more are a sudden jump (3). */
  jumpFactor?: number
  /** Consecutive figures of a rate differing by this many points or more are a sudden jump (30). */
  jumpPoints?: number
}

const MONTH_MS = 30.44 * 86_400_000

/** Every quality issue of a dataset (pass its index when one is built): conflicts, rates outside 0–100, counties without figures, stale figures, sudden jumps. */
export function checkQuality(data: Dataset, tree: RegionTree, options: QualityOptions, index = new ObservationIndex(data.observations, data.metrics)): QualityIssue[] {
  const metrics = new Map(data.metrics.map((m) => [m.id, m]))
  const isRate = (id: string) => metrics.get(id)?.unit === '%' || metrics.get(id)?.kind === 'rate'
  const issues: QualityIssue[] = index.conflicts().map((group) => ({ kind: 'conflict', metric: group[0].metric, regions: [group[0].region], observations: group, detail: {} }))
  for (const metric of index.metricsWithData()) {
    const withData = index.regionsWithData(metric)
    issues.push(...missingCounties(metric, withData, tree))
    const stale = staleFigures(metric, withData, index, options)
    if (stale) issues.push(stale)
    for (const { points } of index.series(metric, withData)) {
      if (isRate(metric)) for (const o of points) if (o.value < 0 || o.value > 100) issues.push({ kind: 'rateRange', metric, regions: [o.region], observations: [o], detail: { value: o.value } })
      issues.push(...jumps(points, isRate(metric), options))
    }
  }
  return issues
}

function missingCounties(metric: string, withData: string[], tree: RegionTree): QualityIssue[] {
  const has = new Set(withData)
  return tree
    .all()
    .filter((r) => r.parent === null)
    .flatMap((city) => {
      const counties = tree.countiesOf(city.code).filter((r) => r.level === 'county')
      const missing = counties.filter((c) => !has.has(c.code)).map((c) => c.code)
      // Only a metric some counties report can be missing for the others.
      if (missing.length === 0 || missing.length === counties.length) return []
      return [{ kind: 'missingCounties' as const, metric, regions: missing, observations: [], detail: { missing: missing.length, of: counties.length } }]
    })
}

/** One issue per metric naming the regions whose latest figure is older than the limit. */
function staleFigures(metric: string, regions: string[], index: ObservationIndex, options: QualityOptions): QualityIssue | null {
  const limit = options.now - (options.staleMonths ?? 12) * MONTH_MS
  const latest = regions.map((r) => index.latest(metric, r)!).filter((o) => lastDay(o) < limit)
  if (latest.length === 0) return null
  const newest = Math.max(...latest.map(lastDay))
  return { kind: 'stale', metric, regions: latest.map((o) => o.region), observations: latest, detail: { months: Math.floor((options.now - newest) / MONTH_MS) } }
}

const lastDay = (o: Observation) => parsePeriod(o.period)!.end

/** Consecutive figures of the same period kind that change by the jump factor (counts) or points (rates). */
function jumps(points: Observation[], rate: boolean, options: QualityOptions): QualityIssue[] {
  const factor = options.jumpFactor ?? 3
  const gap = options.jumpPoints ?? 30
  const out: QualityIssue[] = []
  const byKind = new Map<string, { o: Observation; p: Period }[]>()
  for (const o of points) {
    const p = parsePeriod(o.period)!
    if (p.kind === 'interval') continue
    const list = byKind.get(p.kind) ?? []
    // Figures of one period from several sources are a conflict, not a jump: keep the first.
    if (list.length === 0 || list[list.length - 1].p.text !== p.text) list.push({ o, p })
    byKind.set(p.kind, list)
  }
  for (const list of byKind.values()) {
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1].o, list[i].o]
      const ratio = Math.max(a.value, b.value) / Math.min(a.value, b.value)
      const jumped = rate ? Math.abs(b.value - a.value) >= gap : Math.min(a.value, b.value) > 0 && ratio >= factor
      if (jumped) out.push({ kind: 'jump', metric: a.metric, regions: [a.region], observations: [a, b], detail: { change: rate ? Math.round((b.value - a.value) * 10) / 10 : Math.round(ratio * 10) / 10 } })
    }
  }
  return out
}

/** Issues ordered for reading: by kind as listed in QualityKind, then metric order of the catalogue. */
export function sortIssues(issues: QualityIssue[], metrics: readonly Metric[]): QualityIssue[] {
  const kinds: QualityKind[] = ['conflict', 'rateRange', 'jump', 'missingCounties', 'stale']
  const order = new Map(metrics.map((m, i) => [m.id, i]))
  return [...issues].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (order.get(a.metric) ?? 1e9) - (order.get(b.metric) ?? 1e9))
}
