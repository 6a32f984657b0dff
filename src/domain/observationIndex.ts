import { toColumns, typedLike, type ObservationColumns } from './columnar'
import { comparePeriods, parsePeriod, periodInRange, type Period } from './period'
import type { RegionTree } from './regions'
import { QUALIFIERS, type Metric, type Observation, type Qualifier } from './types'

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

/** One metric × region: rows [start, end) of the index's columns, sorted by period (then source, value). */
interface Cell {
  start: number
  end: number
}

/** What `agreedAt` finds: no figure, figures that disagree, or the row of the agreed figure. */
const NONE = -1
const CONFLICT = -2

/** Rows per page of the object cache: 10 M rows cost 2,442 empty slots, not 10 M (80 MB) until rows are shown. */
const PAGE_BITS = 12
const PAGE = 1 << PAGE_BITS

/**
 * Observations indexed by metric, then region. The figures live in typed-array columns sorted once at build
 * time (grouped by metric and region, each group by period); `Observation` objects are made only for the rows
 * a query returns, and kept, so a million figures cost columns, not a million objects.
 */
export class ObservationIndex {
  private readonly cols: ObservationColumns
  /** Per row, its period's position in `periodList`. */
  private readonly rank: Int32Array
  /** Observations made so far, in pages of 2^12 rows: a page exists once a row of it is asked for. */
  private readonly objects: ((Observation | undefined)[] | undefined)[]
  private readonly cells = new Map<string, Map<string, Cell>>()
  /** Distinct periods in `comparePeriods` order. */
  private readonly periodList: Period[]
  private readonly rankOf = new Map<string, number>()
  private readonly metricPeriods = new Map<string, string[]>()
  private readonly regionCodes = new Map<string, string[]>()
  private readonly metricById: Map<string, Metric>
  private conflictGroups?: Observation[][]
  private all?: Observation[]

  /**
   * Indexes observations, columns of them, or columns `sortForIndex` already sorted (as the load worker posts
   * them: the page then only finds the groups). Throws a RangeError on a period that is not ISO 8601.
   */
  constructor(data: readonly Observation[] | ObservationColumns | SortedColumns, metrics: readonly Metric[] = []) {
    this.metricById = new Map(metrics.map((m) => [m.id, m]))
    const sorted = Array.isArray(data) ? sortForIndex(toColumns(data as readonly Observation[])) : 'rank' in data ? data : sortForIndex(data as ObservationColumns)
    this.cols = sorted.cols
    this.rank = sorted.rank
    this.periodList = sorted.periods
    this.periodList.forEach((p, i) => this.rankOf.set(p.text, i))
    this.objects = new Array(Math.ceil(this.rank.length / PAGE))
    const { metric, region, strings } = this.cols
    for (let start = 0; start < this.rank.length; ) {
      let end = start + 1
      while (end < this.rank.length && metric[end] === metric[start] && region[end] === region[start]) end++
      const m = strings[metric[start]]
      let byRegion = this.cells.get(m)
      if (!byRegion) this.cells.set(m, (byRegion = new Map()))
      byRegion.set(strings[region[start]], { start, end })
      start = end
    }
  }

  /** The observation at row `i`, made on first use and then shared. */
  private obs(i: number): Observation {
    const page = (this.objects[i >>> PAGE_BITS] ??= new Array(PAGE))
    let o = page[i & (PAGE - 1)]
    if (!o) {
      const c = this.cols
      const s = c.strings
      o = { metric: s[c.metric[i]], region: s[c.region[i]], period: s[c.period[i]], value: c.value[i], qualifier: QUALIFIERS[c.qualifier[i]], source: s[c.source[i]], quote: s[c.quote[i]] }
      page[i & (PAGE - 1)] = o
    }
    return o
  }

  private rows(lo: number, end: number): Observation[] {
    const out = new Array<Observation>(end - lo)
    for (let i = lo; i < end; i++) out[i - lo] = this.obs(i)
    return out
  }

  private cell(metric: string, region: string): Cell | undefined {
    return this.cells.get(metric)?.get(region)
  }

  /** Rows [lo, end) of one cell at one period rank, found by binary search. */
  private boundsAt(cell: Cell, rank: number): [number, number] {
    let lo = cell.start
    let hi = cell.end
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.rank[mid] < rank) lo = mid + 1
      else hi = mid
    }
    let end = lo
    while (end < cell.end && this.rank[end] === rank) end++
    return [lo, end]
  }

  /** The row of the one figure a cell agrees on at a rank (an exact one if any), CONFLICT when values differ, NONE without one. */
  private agreedAt(cells: Map<string, Cell> | undefined, region: string, rank: number): number {
    const cell = cells?.get(region)
    if (!cell) return NONE
    const [lo, end] = this.boundsAt(cell, rank)
    if (lo === end) return NONE
    const { value, qualifier } = this.cols
    let exact = NONE
    for (let i = lo; i < end; i++) {
      if (value[i] !== value[lo]) return CONFLICT
      if (exact === NONE && qualifier[i] === 0) exact = i
    }
    return exact === NONE ? lo : exact
  }

  /** One series per requested region, in the requested order; `points` is empty for a region without data. */
  series(metric: string, regions: readonly string[], range?: PeriodRange): RegionSeries[] {
    const keep = range && (range.from || range.to) ? this.ranksIn(range) : null
    return regions.map((region) => {
      const cell = this.cell(metric, region)
      if (!cell) return { region, points: [] }
      if (!keep) return { region, points: this.rows(cell.start, cell.end) }
      const points: Observation[] = []
      for (let i = cell.start; i < cell.end; i++) if (keep[this.rank[i]]) points.push(this.obs(i))
      return { region, points }
    })
  }

  /** Row ids of `metric`'s figures for `regions` (in the order given), each region's in period order, within `range`. */
  rowIds(metric: string, regions: readonly string[], range?: PeriodRange): Int32Array {
    const keep = range && (range.from || range.to) ? this.ranksIn(range) : null
    const cells = regions.flatMap((region) => this.cell(metric, region) ?? [])
    const out = new Int32Array(cells.reduce((n, c) => n + c.end - c.start, 0))
    let n = 0
    for (const { start, end } of cells) for (let i = start; i < end; i++) if (!keep || keep[this.rank[i]]) out[n++] = i
    return out.subarray(0, n)
  }

  /** The observations at row ids `ids[from, to)` (made on first use, then shared). */
  observationsAt(ids: ArrayLike<number>, from = 0, to = ids.length): Observation[] {
    const out: Observation[] = []
    for (let k = from; k < Math.min(to, ids.length); k++) out.push(this.obs(ids[k]))
    return out
  }

  /**
   * Per listed row, a number to sort it by: its value, its period's rank, or the rank of its metric, region or
   * source among the distinct ones under `compare` (texts `compare` calls equal get the same number).
   */
  sortKey(ids: Int32Array, field: 'value' | 'period' | 'metric' | 'region' | 'source', compare: (a: string, b: string) => number = compareText): Float64Array {
    const n = ids.length
    const out = new Float64Array(n)
    if (field === 'value' || field === 'period') {
      const column = field === 'value' ? this.cols.value : this.rank
      for (let k = 0; k < n; k++) out[k] = column[ids[k]]
      return out
    }
    const codes = this.cols[field]
    const { strings } = this.cols
    // Rank each distinct text once; rows then read their text's rank.
    const seen = new Uint8Array(strings.length)
    const distinct: number[] = []
    for (let k = 0; k < n; k++) {
      const code = codes[ids[k]]
      if (seen[code]) continue
      seen[code] = 1
      distinct.push(code)
    }
    distinct.sort((a, b) => compare(strings[a], strings[b]))
    const rankOf = new Float64Array(strings.length)
    distinct.forEach((code, k) => (rankOf[code] = k > 0 && compare(strings[distinct[k - 1]], strings[code]) === 0 ? rankOf[distinct[k - 1]] : k))
    for (let k = 0; k < n; k++) out[k] = rankOf[codes[ids[k]]]
    return out
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
    return new Map(
      regions.map((region) => {
        const cell = rank === undefined ? undefined : this.cell(metric, region)
        return [region, cell ? this.rows(...this.boundsAt(cell, rank!)) : []]
      }),
    )
  }

  /** The figure with the latest period; among figures of that period, the last by source id, then value. */
  latest(metric: string, region: string): Observation | undefined {
    const cell = this.cell(metric, region)
    return cell && this.obs(cell.end - 1)
  }

  /** Distinct periods with figures of `metric` (for `regions` if given), in `comparePeriods` order. */
  periods(metric: string, regions?: readonly string[]): string[] {
    if (!regions) {
      let texts = this.metricPeriods.get(metric)
      if (!texts) this.metricPeriods.set(metric, (texts = this.periodsOf(this.cells.get(metric)?.values() ?? [])))
      return texts.slice()
    }
    const cells = this.cells.get(metric)
    return this.periodsOf(regions.flatMap((region) => cells?.get(region) ?? []))
  }

  private periodsOf(cells: Iterable<Cell>): string[] {
    const seen = new Uint8Array(this.periodList.length)
    for (const { start, end } of cells) for (let i = start; i < end; i++) seen[this.rank[i]] = 1
    const out: string[] = []
    for (let r = 0; r < seen.length; r++) if (seen[r]) out.push(this.periodList[r].text)
    return out
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

  /** Figures of source `id` that quote its report, by metric, region and period. */
  bySource(id: string): Observation[] {
    const { source, quote, strings } = this.cols
    const isId = Uint8Array.from(strings, (s) => (s === id ? 1 : 0))
    const out: Observation[] = []
    for (let i = 0; i < source.length; i++) if (isId[source[i]] && strings[quote[i]]) out.push(this.obs(i))
    return out
  }

  /** Every observation, grouped by metric and region, each group in period order (made once, on first call). */
  observations(): Observation[] {
    this.all ??= this.rows(0, this.rank.length)
    return this.all.slice()
  }

  /** How many observations the index holds. */
  /** The figures as columns (in index order; read, never change them): what a worker is handed instead of objects. */
  columns(): ObservationColumns {
    return this.cols
  }

  get size(): number {
    return this.rank.length
  }

  /** Groups of figures with the same metric, region and period but different values, by metric, region, period. */
  conflicts(): Observation[][] {
    this.conflictGroups ??= this.findConflicts()
    return this.conflictGroups.map((g) => g.slice())
  }

  private findConflicts(): Observation[][] {
    const groups: Observation[][] = []
    const { value } = this.cols
    for (const metric of [...this.cells.keys()].sort()) {
      const cells = this.cells.get(metric)!
      for (const region of [...cells.keys()].sort()) {
        const { start, end } = cells.get(region)!
        for (let i = start; i < end; ) {
          let j = i + 1
          let differs = false
          while (j < end && this.rank[j] === this.rank[i]) differs ||= value[j++] !== value[i]
          if (differs) groups.push(this.rows(i, j))
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
    const rank = this.rankOf.get(period)
    if (rank === undefined) return undefined
    const children = tree.children(parentRegion).map((r) => r.code)
    return this.rollupOf(metric, children, (id) => {
      const cells = this.cells.get(id)
      return (c) => this.agreedAt(cells, children[c], rank)
    })
  }

  /**
   * `rollup` at every period where it has a value, in period order: one pass over each child's figures instead
   * of a search per child and period (the overview's city sparkline over hundreds of counties).
   */
  rollups(metric: string, parentRegion: string, tree: RegionTree): Map<string, Rollup> {
    const children = tree.children(parentRegion).map((r) => r.code)
    const ranks = this.periodList.length
    const tables = new Map<string, Int32Array>()
    const tableOf = (id: string) => {
      let table = tables.get(id)
      if (!table) tables.set(id, (table = this.agreedTable(this.cells.get(id), children)))
      return table
    }
    const out = new Map<string, Rollup>()
    for (let rank = 0; rank < ranks; rank++) {
      const result = this.rollupOf(metric, children, (id) => {
        const table = tableOf(id)
        return (c) => table[c * ranks + rank]
      })
      if (result) out.set(this.periodList[rank].text, result)
    }
    return out
  }

  /** Per child and period rank (child × ranks + rank), the row of the figure the child's sources agree on, NONE or CONFLICT. */
  private agreedTable(cells: Map<string, Cell> | undefined, children: string[]): Int32Array {
    const ranks = this.periodList.length
    const table = new Int32Array(children.length * ranks).fill(NONE)
    const { value, qualifier } = this.cols
    children.forEach((child, c) => {
      const cell = cells?.get(child)
      if (!cell) return
      for (let lo = cell.start; lo < cell.end; ) {
        let end = lo + 1
        while (end < cell.end && this.rank[end] === this.rank[lo]) end++
        let row = NONE
        for (let i = lo; i < end && row !== CONFLICT; i++) {
          if (value[i] !== value[lo]) row = CONFLICT
          else if (row === NONE && qualifier[i] === 0) row = i
        }
        table[c * ranks + this.rank[lo]] = row === NONE ? lo : row
        lo = end
      }
    })
    return table
  }

  /** The rollup of `metric` over `children`, reading each child's agreed row of a metric id through `rowsOf`. */
  private rollupOf(metric: string, children: string[], rowsOf: (id: string) => (child: number) => number): Rollup | undefined {
    const rule = this.metricById.get(metric)
    if (!rule) return undefined
    const { aggregate } = rule
    // Summing rates would be as wrong as averaging them: only a ratio rolls a rate up.
    if (aggregate.kind === 'sum' && rule.kind === 'count') return this.sumUp(children, rowsOf(metric))
    if (aggregate.kind === 'ratio') return this.ratioUp(children, rowsOf(aggregate.numerator), rowsOf(aggregate.denominator))
    return undefined
  }

  private sumUp(children: string[], rowAt: (child: number) => number): Rollup | undefined {
    const result: Rollup = { value: 0, qualifier: '=', contributors: [], missing: [], conflicting: [] }
    const qualifiers = new Set<Qualifier>()
    children.forEach((child, c) => {
      const row = rowAt(c)
      if (row === CONFLICT) result.conflicting.push(child)
      else if (row === NONE) result.missing.push(child)
      else {
        result.value += this.cols.value[row]
        qualifiers.add(QUALIFIERS[this.cols.qualifier[row]])
        result.contributors.push(child)
      }
    })
    if (result.contributors.length === 0) return undefined
    // Counts are never negative, so a sum that leaves children out is a lower bound.
    if (result.missing.length || result.conflicting.length) qualifiers.add('>=')
    result.qualifier = sumQualifier(qualifiers)
    return result
  }

  private ratioUp(children: string[], numeratorAt: (child: number) => number, denominatorAt: (child: number) => number): Rollup | undefined {
    const result: Rollup = { value: 0, qualifier: '=', contributors: [], missing: [], conflicting: [] }
    const { value, qualifier } = this.cols
    let num = 0
    let den = 0
    let exact = true
    children.forEach((child, c) => {
      const n = numeratorAt(c)
      const d = denominatorAt(c)
      if (n === CONFLICT || d === CONFLICT) result.conflicting.push(child)
      else if (n === NONE || d === NONE) result.missing.push(child)
      else {
        num += value[n]
        den += value[d]
        exact &&= qualifier[n] === 0 && qualifier[d] === 0
        result.contributors.push(child)
      }
    })
    if (result.contributors.length === 0 || den === 0) return undefined
    result.value = (100 * num) / den
    // A ratio of inexact or partial sums has no reliable direction: call it approximate.
    result.qualifier = exact && !result.missing.length && !result.conflicting.length ? '=' : '~'
    return result
  }
}

/** Columns in index order with each row's period rank, and the distinct periods in order (all of it can be posted by a worker). */
export interface SortedColumns {
  cols: ObservationColumns
  rank: Int32Array
  periods: Period[]
}

/**
 * Puts columns in index order: rows of one metric and region together, each group by period, then source,
 * then value (so ties resolve the same whatever the input order). Columns already in that order are kept as
 * they are, so the load worker can sort and the page only checks. Throws a RangeError on a bad period.
 */
export function sortForIndex(cols: ObservationColumns): SortedColumns {
  const n = cols.value.length
  const { strings } = cols
  // Periods repeat: parse each distinct one once and rank them.
  const rankByCode = new Int32Array(strings.length).fill(-1)
  const periods: Period[] = []
  for (let i = 0; i < n; i++) {
    const code = cols.period[i]
    if (rankByCode[code] !== -1) continue
    const period = parsePeriod(strings[code])
    if (!period) throw new RangeError(`observation ${strings[cols.metric[i]]} ${strings[cols.region[i]]}: "${strings[code]}" is not an ISO 8601 period`)
    rankByCode[code] = periods.length
    periods.push(period)
  }
  const order = periods.map((_, i) => i).sort((a, b) => comparePeriods(periods[a], periods[b]))
  const rankOfLocal = new Int32Array(periods.length)
  order.forEach((local, r) => (rankOfLocal[local] = r))
  const rank = new Int32Array(n)
  for (let i = 0; i < n; i++) rank[i] = rankOfLocal[rankByCode[cols.period[i]]]
  const sortedPeriods = order.map((i) => periods[i])

  const cell = cellIds(cols)
  const before = (a: number, b: number) => rank[a] - rank[b] || compareText(strings[cols.source[a]], strings[cols.source[b]]) || cols.value[a] - cols.value[b]
  if (inIndexOrder(cell, before)) return { cols, rank, periods: sortedPeriods }

  // Counting sort by cell (stable), then each cell's rows by period unless they already are.
  const cellCount = cell.reduce((a, c) => Math.max(a, c + 1), 0)
  const next = new Int32Array(cellCount + 1)
  for (let i = 0; i < n; i++) next[cell[i] + 1]++
  for (let c = 0; c < cellCount; c++) next[c + 1] += next[c]
  const bounds = next.slice()
  const perm = new Int32Array(n)
  for (let i = 0; i < n; i++) perm[next[cell[i]]++] = i
  for (let c = 0; c < cellCount; c++) {
    const lo = bounds[c]
    const hi = bounds[c + 1]
    let ok = true
    for (let k = lo + 1; k < hi && ok; k++) ok = before(perm[k - 1], perm[k]) <= 0
    if (!ok) perm.set(Array.from(perm.subarray(lo, hi)).sort(before), lo)
  }
  const take = <T extends Int32Array | Uint8Array | Float64Array>(x: T): T => {
    const out = typedLike(x, n)
    for (let k = 0; k < n; k++) out[k] = x[perm[k]]
    return out
  }
  const sorted: ObservationColumns = {
    strings,
    metric: take(cols.metric),
    region: take(cols.region),
    period: take(cols.period),
    source: take(cols.source),
    quote: take(cols.quote),
    qualifier: take(cols.qualifier),
    value: take(cols.value),
  }
  return { cols: sorted, rank: take(rank), periods: sortedPeriods }
}

/** The columns of sorted or plain columns. */
export function columnsOf(data: ObservationColumns | SortedColumns): ObservationColumns {
  return 'rank' in data ? data.cols : data
}

/** A dense number per distinct (metric, region) pair, per row. */
function cellIds(cols: ObservationColumns): Int32Array {
  const n = cols.value.length
  const local = (codes: Int32Array) => {
    const map = new Int32Array(cols.strings.length).fill(-1)
    let count = 0
    const out = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      const c = codes[i]
      if (map[c] === -1) map[c] = count++
      out[i] = map[c]
    }
    return { out, count }
  }
  const m = local(cols.metric)
  const r = local(cols.region)
  const cell = new Int32Array(n)
  const dense = m.count * r.count <= Math.max(4 * n, 65_536)
  const table = dense ? new Int32Array(m.count * r.count).fill(-1) : null
  const map = dense ? null : new Map<number, number>()
  let count = 0
  for (let i = 0; i < n; i++) {
    const key = m.out[i] * r.count + r.out[i]
    let id = table ? table[key] : (map!.get(key) ?? -1)
    if (id === -1) {
      id = count++
      if (table) table[key] = id
      else map!.set(key, id)
    }
    cell[i] = id
  }
  return cell
}

/** Whether every cell's rows are contiguous and in order, so sorting can be skipped. */
function inIndexOrder(cell: Int32Array, before: (a: number, b: number) => number): boolean {
  // Cell ids are numbered by first appearance, so contiguous cells appear as 0, 1, 2, … with no return.
  for (let i = 1; i < cell.length; i++) {
    if (cell[i] === cell[i - 1]) {
      if (before(i - 1, i) > 0) return false
    } else if (cell[i] !== cell[i - 1] + 1) return false
  }
  return true
}

/** Strings in code-unit order (codes, ids), not by locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Qualifier of a sum: exact only if every term is; a bound if all terms bound the same side; else approximate. */
function sumQualifier(qualifiers: Set<Qualifier>): Qualifier {
  qualifiers.delete('=')
  if (qualifiers.size === 0) return '='
  if (qualifiers.size === 1 && !qualifiers.has('~')) return [...qualifiers][0]
  return '~'
}
