import { comparePeriods, parsePeriod, periodInRange, type Period } from './period'
import type { RegionTree } from './regions'
import type { Metric, Observation, Qualifier } from './types'

/** One line of a chart: a region's observations of one metric, in period order. */
export interface RegionSeries {
  region: string
  points: Observation[]
}

/** A period range for queries; both ends inclusive (by overlap), either optional. */
export interface PeriodRange {
  from?: string
  to?: string
}

/** A parent region's value computed from its children's figures at one period. */
export interface Rollup {
  value: number
  qualifier: Qualifier
  /** Children whose figures make up the value, ordered by code. */
  contributors: string[]
  /** Children with no figure at that period (for a ratio: lacking the numerator or the denominator). */
  missing: string[]
  /** Children whose sources disagree at that period; left out like missing ones. */
  conflicting: string[]
}

/** One metric × region list: observations sorted by period (then source, value) with their period ranks. */
interface Cell {
  obs: Observation[]
  ranks: Int32Array
}

const EMPTY: Observation[] = []

/** Observations indexed by metric, then region, each list sorted by period once at build time. */
export class ObservationIndex {
  private readonly cells = new Map<string, Map<string, Cell>>()
  /** Distinct periods in `comparePeriods` order; an observation's rank is its period's position here. */
  private readonly periodList: Period[]
  private readonly rankOf = new Map<string, number>()
  private readonly metricPeriods = new Map<string, string[]>()
  private readonly regionCodes = new Map<string, string[]>()
  private readonly metricById: Map<string, Metric>
  private conflictGroups?: Observation[][]

  /** Throws a RangeError on an observation whose period is not ISO 8601 (validate before indexing). */
  constructor(observations: readonly Observation[], metrics: readonly Metric[] = []) {
    this.metricById = new Map(metrics.map((m) => [m.id, m]))
    const lists = new Map<string, Map<string, Observation[]>>()
    const parsed = new Map<string, Period>()
    for (const o of observations) {
      if (!parsed.has(o.period)) {
        const period = parsePeriod(o.period)
        if (!period) throw new RangeError(`observation ${o.metric} ${o.region}: "${o.period}" is not an ISO 8601 period`)
        parsed.set(o.period, period)
      }
      let byRegion = lists.get(o.metric)
      if (!byRegion) lists.set(o.metric, (byRegion = new Map()))
      const list = byRegion.get(o.region)
      if (list) list.push(o)
      else byRegion.set(o.region, [o])
    }
    this.periodList = [...parsed.values()].sort(comparePeriods)
    this.periodList.forEach((p, i) => this.rankOf.set(p.text, i))
    for (const [metric, byRegion] of lists) {
      const cells = new Map<string, Cell>()
      const seen = new Uint8Array(this.periodList.length)
      for (const [region, list] of byRegion) {
        const cell = this.buildCell(list)
        for (const r of cell.ranks) seen[r] = 1
        cells.set(region, cell)
      }
      this.cells.set(metric, cells)
      this.metricPeriods.set(metric, this.textsOf(seen))
    }
  }

  private buildCell(list: Observation[]): Cell {
    const n = list.length
    const ranks = new Int32Array(n)
    let sorted = true
    for (let i = 0; i < n; i++) {
      ranks[i] = this.rankOf.get(list[i].period)!
      if (i > 0 && ranks[i] <= ranks[i - 1]) sorted = false
    }
    // Data usually arrives in period order with one figure per period: skip the sort then.
    if (sorted) return { obs: list, ranks }
    const order = Array.from({ length: n }, (_, i) => i)
    order.sort((i, j) => ranks[i] - ranks[j] || compareTies(list[i], list[j]))
    return { obs: order.map((i) => list[i]), ranks: Int32Array.from(order, (i) => ranks[i]) }
  }

  private textsOf(flags: Uint8Array): string[] {
    const out: string[] = []
    for (let r = 0; r < flags.length; r++) if (flags[r]) out.push(this.periodList[r].text)
    return out
  }

  private cell(metric: string, region: string): Cell | undefined {
    return this.cells.get(metric)?.get(region)
  }

  /** Bounds [lo, end) of one cell's figures at one period rank, found by binary search. */
  private boundsAt(cell: Cell, rank: number): [number, number] {
    let lo = 0
    let hi = cell.ranks.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cell.ranks[mid] < rank) lo = mid + 1
      else hi = mid
    }
    let end = lo
    while (end < cell.ranks.length && cell.ranks[end] === rank) end++
    return [lo, end]
  }

  /** Observations of one cell at one period rank (a slice of the sorted list). */
  private at(metric: string, region: string, rank: number): Observation[] {
    const cell = this.cell(metric, region)
    if (!cell) return EMPTY
    const [lo, end] = this.boundsAt(cell, rank)
    return cell.obs.slice(lo, end)
  }

  /** The one figure a cell agrees on at a rank (an exact one if any), 'conflict' when values differ; copies nothing. */
  private agreedAt(cells: Map<string, Cell> | undefined, region: string, rank: number): Observation | 'conflict' | undefined {
    const cell = cells?.get(region)
    if (!cell) return undefined
    const [lo, end] = this.boundsAt(cell, rank)
    if (lo === end) return undefined
    let exact: Observation | undefined
    for (let i = lo; i < end; i++) {
      const o = cell.obs[i]
      if (o.value !== cell.obs[lo].value) return 'conflict'
      if (!exact && o.qualifier === '=') exact = o
    }
    return exact ?? cell.obs[lo]
  }

  /** One series per requested region, in the requested order; `points` is empty for a region without data. */
  series(metric: string, regions: readonly string[], range?: PeriodRange): RegionSeries[] {
    const keep = range && (range.from || range.to) ? this.ranksIn(range) : null
    return regions.map((region) => {
      const cell = this.cell(metric, region)
      if (!cell) return { region, points: [] }
      if (!keep) return { region, points: cell.obs.slice() }
      const points: Observation[] = []
      for (let i = 0; i < cell.obs.length; i++) if (keep[cell.ranks[i]]) points.push(cell.obs[i])
      return { region, points }
    })
  }

  private ranksIn(range: PeriodRange): Uint8Array {
    const from = range.from ? parsePeriod(range.from) : undefined
    const to = range.to ? parsePeriod(range.to) : undefined
    if (from === null || to === null) throw new RangeError(`invalid period range ${range.from ?? ''}/${range.to ?? ''}`)
    return Uint8Array.from(this.periodList, (p) => (periodInRange(p, from, to) ? 1 : 0))
  }

  /** Figures at exactly `period`, per requested region (an array: sources may disagree; empty when none). */
  snapshot(metric: string, period: string, regions: readonly string[]): Map<string, Observation[]> {
    const rank = this.rankOf.get(period)
    return new Map(regions.map((region) => [region, rank === undefined ? [] : this.at(metric, region, rank)]))
  }

  /** The figure with the latest period; among figures of that period, the last by source id, then value. */
  latest(metric: string, region: string): Observation | undefined {
    const cell = this.cell(metric, region)
    return cell?.obs[cell.obs.length - 1]
  }

  /** Distinct periods with figures of `metric` (for `regions` if given), in `comparePeriods` order. */
  periods(metric: string, regions?: readonly string[]): string[] {
    if (!regions) return this.metricPeriods.get(metric)?.slice() ?? []
    const seen = new Uint8Array(this.periodList.length)
    for (const region of regions) for (const r of this.cell(metric, region)?.ranks ?? []) seen[r] = 1
    return this.textsOf(seen)
  }

  /** Metric ids having at least one figure: those given to the constructor in their order, then others by id. */
  metricsWithData(): string[] {
    const known = [...this.metricById.keys()].filter((id) => this.cells.has(id))
    const others = [...this.cells.keys()].filter((id) => !this.metricById.has(id)).sort()
    return [...known, ...others]
  }

  /** Codes of the regions having figures of `metric`, ordered by code. */
  regionsWithData(metric: string): string[] {
    let codes = this.regionCodes.get(metric)
    // Every filter change asks this; sorting thousands of codes each time would be most of the query.
    if (!codes) this.regionCodes.set(metric, (codes = [...(this.cells.get(metric)?.keys() ?? [])].sort()))
    return codes.slice()
  }

  /** Groups of figures with the same metric, region and period but different values, by metric, region, period. */
  conflicts(): Observation[][] {
    this.conflictGroups ??= this.findConflicts()
    return this.conflictGroups.map((g) => g.slice())
  }

  private findConflicts(): Observation[][] {
    const groups: Observation[][] = []
    for (const metric of [...this.cells.keys()].sort()) {
      const cells = this.cells.get(metric)!
      for (const region of [...cells.keys()].sort()) {
        const { obs, ranks } = cells.get(region)!
        for (let i = 0; i < obs.length; ) {
          let j = i + 1
          let differs = false
          while (j < obs.length && ranks[j] === ranks[i]) differs ||= obs[j++].value !== obs[i].value
          if (differs) groups.push(obs.slice(i, j))
          i = j
        }
      }
    }
    return groups
  }

  /**
   * The value of `parentRegion` at `period` computed from its children's figures (its own figure is ignored):
   * `sum` adds them, `ratio:N/D` gives 100·ΣN/ΣD, `none` and rates without a ratio give undefined.
   */
  rollup(metric: string, parentRegion: string, period: string, tree: RegionTree): Rollup | undefined {
    const rule = this.metricById.get(metric)
    const rank = this.rankOf.get(period)
    if (!rule || rank === undefined) return undefined
    const children = tree.children(parentRegion).map((r) => r.code)
    const { aggregate } = rule
    // Summing rates would be as wrong as averaging them: only a ratio rolls a rate up.
    if (aggregate.kind === 'sum' && rule.kind === 'count') return this.sumUp(metric, children, rank)
    if (aggregate.kind === 'ratio') return this.ratioUp(aggregate.numerator, aggregate.denominator, children, rank)
    return undefined
  }

  private sumUp(metric: string, children: string[], rank: number): Rollup | undefined {
    const result: Rollup = { value: 0, qualifier: '=', contributors: [], missing: [], conflicting: [] }
    const qualifiers = new Set<Qualifier>()
    const cells = this.cells.get(metric)
    for (const child of children) {
      const figure = this.agreedAt(cells, child, rank)
      if (figure === 'conflict') result.conflicting.push(child)
      else if (!figure) result.missing.push(child)
      else {
        result.value += figure.value
        qualifiers.add(figure.qualifier)
        result.contributors.push(child)
      }
    }
    if (result.contributors.length === 0) return undefined
    // Counts are never negative, so a sum that leaves children out is a lower bound.
    if (result.missing.length || result.conflicting.length) qualifiers.add('>=')
    result.qualifier = sumQualifier(qualifiers)
    return result
  }

  private ratioUp(numerator: string, denominator: string, children: string[], rank: number): Rollup | undefined {
    const result: Rollup = { value: 0, qualifier: '=', contributors: [], missing: [], conflicting: [] }
    let num = 0
    let den = 0
    let exact = true
    const numerators = this.cells.get(numerator)
    const denominators = this.cells.get(denominator)
    for (const child of children) {
      const n = this.agreedAt(numerators, child, rank)
      const d = this.agreedAt(denominators, child, rank)
      if (n === 'conflict' || d === 'conflict') result.conflicting.push(child)
      else if (!n || !d) result.missing.push(child)
      else {
        num += n.value
        den += d.value
        exact &&= n.qualifier === '=' && d.qualifier === '='
        result.contributors.push(child)
      }
    }
    if (result.contributors.length === 0 || den === 0) return undefined
    result.value = (100 * num) / den
    // A ratio of inexact or partial sums has no reliable direction: call it approximate.
    result.qualifier = exact && !result.missing.length && !result.conflicting.length ? '=' : '~'
    return result
  }
}

function compareTies(a: Observation, b: Observation): number {
  return (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || a.value - b.value
}

/** Qualifier of a sum: exact only if every term is; a bound if all terms bound the same side; else approximate. */
function sumQualifier(qualifiers: Set<Qualifier>): Qualifier {
  qualifiers.delete('=')
  if (qualifiers.size === 0) return '='
  if (qualifiers.size === 1 && !qualifiers.has('~')) return [...qualifiers][0]
  return '~'
}
