import messages from '@/i18n/features/briefing'
import { unitIn } from './format'
import { comparePeriods, formatPeriod, parsePeriod, periodInRange, previousYearPeriod, type Period } from './period'
import type { MetricKind, Qualifier, Temporal } from './types'

/** One reported (or computed) figure of a place: several at one period with different values are a conflict. */
export interface BriefingFigure {
  /** ISO period: `2025-01`, `2024-Q4`, `2024`, an interval `2022/2025-01`. */
  period: string
  value: number
  qualifier: Qualifier
  /** Title of its source, named when sources disagree. */
  source: string
  /** Computed from the regions below rather than reported: compared only with figures made the same way. */
  computed?: boolean
}

/** A place shown on the chart with its figures of the metric (any order). */
export interface BriefingPlace {
  name: string
  figures: readonly BriefingFigure[]
}

/** Everything the paragraph under a chart is written from: no data index, no Vue, no DOM. */
export interface BriefingInput {
  metric: { name: string; unit: string; kind: MetricKind; temporal: Temporal; target: number | null }
  /** The places the chart shows; with several, the paragraph names the highest, lowest and those without a figure. */
  places: readonly BriefingPlace[]
  /** What the places are, for 在9个县区中 / 无数据的县区. */
  group: 'county' | 'town' | 'region'
  /** The place the paragraph leads with (its own figure, 环比, 同比, rank, target); defaults to the only place. */
  subject?: BriefingPlace
  /** The period a comparison shows; else the latest with a figure. */
  period?: string
  /**
   * A trend: add the change over its range (from `from`, else the first figure) and its largest step. The
   * figures before `from` still give the latest one its 环比 and 同比.
   */
  range?: { from?: string }
  demo: boolean
  locale: 'zh' | 'en'
}

type Messages = typeof messages.zh
type Kind = 'month' | 'quarter' | 'year'

const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (w, k: string) => (k in params ? String(params[k]) : w))

const NUMBER = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
}

/** A figure as a report words it: 500余次, 约3万人, 66.1%; en `over 500 times`. */
export function briefingAmount(value: number, qualifier: Qualifier, unit: string, locale: 'zh' | 'en'): string {
  if (locale === 'en') {
    const en = unitIn(unit, 'en')
    const text = `${NUMBER.en.format(value)}${en && en !== '%' ? ' ' : ''}${en}`
    return { '=': '', '>=': 'over ', '~': 'about ', '<=': 'at most ' }[qualifier] + text
  }
  // Reports give a rough count of tens of thousands in 万 (约3万人); an exact one keeps its digits.
  const n = qualifier !== '=' && value >= 10000 && value % 1000 === 0 ? `${NUMBER.zh.format(value / 10000)}万` : NUMBER.zh.format(value)
  if (qualifier === '>=') return unit === '%' ? `${n}%以上` : `${n}余${unit}`
  return { '=': '', '~': '约', '<=': '不超过' }[qualifier] + n + unit
}

const ordinal = (n: number) => n + (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')

interface Point {
  period: Period
  figures: BriefingFigure[]
  /** The figure stated, null when sources disagree. */
  figure: BriefingFigure | null
}

function pointsOf(place: BriefingPlace): Point[] {
  const byPeriod = new Map<string, BriefingFigure[]>()
  for (const f of place.figures) byPeriod.set(f.period, [...(byPeriod.get(f.period) ?? []), f])
  return [...byPeriod]
    .map(([text, figures]) => {
      const agreed = figures.every((f) => f.value === figures[0].value)
      return { period: parsePeriod(text)!, figures, figure: agreed ? (figures.find((f) => f.qualifier === '=') ?? figures[0]) : null }
    })
    .sort((a, b) => comparePeriods(a.period, b.period))
}

/** Month, quarter and year figures compare with their neighbour; a cumulative interval only with one from the same start. */
const kindOf = (p: Period) => (p.kind === 'interval' ? `interval:${p.text.split('/')[0]}` : p.kind)

/** The period just before (上月, 上季度, 上年); none for days and intervals. */
function previousPeriod(p: Period): string | null {
  const [y, rest] = [Number(p.text.slice(0, 4)), p.text.slice(5)]
  const pad = (n: number) => String(n).padStart(2, '0')
  if (p.kind === 'year') return String(y - 1)
  if (p.kind === 'quarter') return rest === 'Q1' ? `${y - 1}-Q4` : `${y}-Q${Number(rest[1]) - 1}`
  if (p.kind === 'month') return rest === '01' ? `${y - 1}-12` : `${y}-${pad(Number(rest) - 1)}`
  return null
}

/** What the true value may be: exact, at least, at most; null for 约, whose error is unknown. */
function bounds(f: BriefingFigure): [number, number] | null {
  if (f.qualifier === '~') return null
  return [f.qualifier === '<=' ? -Infinity : f.value, f.qualifier === '>=' ? Infinity : f.value]
}

interface Change {
  /** Exact change, or the bound it is at least (sign gives the direction); 0 for 持平. */
  d: number
  exact: boolean
  text: string
}

class Writer {
  readonly m: Messages
  constructor(readonly input: BriefingInput) {
    this.m = messages[input.locale]
  }

  /** A figure as worded; `inner` when it already stands in brackets. */
  amount(f: BriefingFigure, inner = false): string {
    const { unit } = this.input.metric
    // A sum over parts with some missing is a floor, not a report's 余: 至少1个.
    const value = f.computed && f.qualifier === '>=' ? fill(this.m.atLeast, { value: briefingAmount(f.value, '=', unit, this.input.locale) }) : briefingAmount(f.value, f.qualifier, unit, this.input.locale)
    return f.computed ? fill(inner ? this.m.computedInner : this.m.computed, { value }) : value
  }

  period(p: Period | string): string {
    return formatPeriod(p, this.input.locale)
  }

  /** A difference in the metric's unit: 个百分点 for rates. */
  delta(d: number): string {
    const { kind, unit } = this.input.metric
    const n = NUMBER[this.input.locale].format(Math.round(Math.abs(d) * 100) / 100)
    return kind === 'rate' ? fill(this.m.points, { d: n }) : briefingAmount(Math.abs(Math.round(d * 100) / 100), '=', unit, this.input.locale)
  }

  /** The change from `a` to `b`, exact or as the bound both figures support; null when they support none. */
  change(a: BriefingFigure, b: BriefingFigure): Change | null {
    if (!!a.computed !== !!b.computed) return null
    const [ba, bb] = [bounds(a), bounds(b)]
    if (!ba || !bb) return null
    const [lo, hi] = [bb[0] - ba[1], bb[1] - ba[0]]
    const kind = this.input.metric.kind
    if (lo === hi) {
      if (Math.abs(lo) < 1e-9) return { d: 0, exact: true, text: this.m.flat }
      const word = fill((lo > 0 ? this.m.up : this.m.down)[kind], { d: this.delta(lo) })
      if (kind === 'rate') return { d: lo, exact: true, text: word }
      if (a.value === 0) return { d: lo, exact: true, text: word + this.m.fromZero }
      const pct = `${NUMBER[this.input.locale].format(Math.round((1000 * Math.abs(lo)) / a.value) / 10)}%`
      return { d: lo, exact: true, text: word + fill(lo > 0 ? this.m.upRelative : this.m.downRelative, { pct }) }
    }
    if (lo > 0) return { d: lo, exact: false, text: fill(this.m.upAtLeast[kind], { d: this.delta(lo) }) }
    if (hi < 0) return { d: hi, exact: false, text: fill(this.m.downAtLeast[kind], { d: this.delta(hi) }) }
    return null
  }

  target(f: BriefingFigure): string | null {
    const { target, unit } = this.input.metric
    const b = bounds(f)
    if (target === null || !b) return null
    const t = briefingAmount(target, '=', unit, this.input.locale)
    if (b[0] >= target) return fill(this.m.met, { target: t })
    if (b[1] >= target) return null
    return fill(b[0] === b[1] ? this.m.gap : this.m.gapAtLeast, { target: t, gap: this.delta(target - b[1]) })
  }

  lead(place: BriefingPlace, at: Period, ranked: readonly { name: string; value: number }[]): string {
    const { metric } = this.input
    const points = pointsOf(place)
    const point = points.find((p) => p.period.text === at.text)
    const base = { period: this.period(at), place: place.name, metric: metric.name }
    if (!point) return fill(this.m.none, base)
    if (!point.figure) {
      const figures = point.figures.map((f) => fill(this.m.conflictFigure, { source: f.source, value: this.amount(f) })).join(this.m.list)
      return fill(this.m.conflict, { ...base, figures })
    }
    const f = point.figure
    const template = at.kind === 'interval' ? this.m.total : metric.temporal === 'flow' ? this.m.during : this.m.asOf
    const clauses = [fill(template, { ...base, value: this.amount(f) })]
    const at2 = (text: string | null) => (text === null ? undefined : points.find((p) => p.period.text === text)?.figure ?? undefined)
    const previous = at2(previousPeriod(at))
    const change = previous && this.change(previous, f)
    if (change) clauses.push(fill(this.m.previous[at.kind as Kind], { change: change.text }))
    if (at.kind === 'month' || at.kind === 'quarter' || at.kind === 'day') {
      const yearAgo = at2(previousYearPeriod(at)?.text ?? null)
      const yoy = yearAgo && this.change(yearAgo, f)
      if (yoy) clauses.push(fill(this.m.yearOnYear, { change: yoy.text }))
    }
    if (ranked.length > 1 && ranked.some((r) => r.name === place.name)) {
      const rank = 1 + ranked.filter((r) => r.value > f.value).length
      const others = ranked.filter((r) => r.value === f.value && r.name !== place.name).map((r) => r.name)
      // Among the places with a figure: one without cannot be placed above or below.
      const params = { n: ranked.length, group: this.m.group[this.input.group], rank: this.input.locale === 'en' ? ordinal(rank) : rank, others: others.join(this.m.list) }
      clauses.push(fill(others.length ? this.m.rankTie : this.m.rank, params))
    }
    const target = this.target(f)
    if (target) clauses.push(target)
    return clauses.join(this.m.clause)
  }

  inRange(p: Period): boolean {
    const from = this.input.range?.from
    return !from || periodInRange(p, from)
  }

  /** The change over a trend's range and its largest step, among figures of the latest one's kind. */
  range(place: BriefingPlace, at: Period): string | null {
    const same = pointsOf(place).filter((p) => kindOf(p.period) === kindOf(at) && p.figure && comparePeriods(p.period, at) <= 0 && this.inRange(p.period))
    // Two neighbouring figures: the change is the 环比 already said.
    if (same.length < 2 || (same.length === 2 && previousPeriod(at) === same[0].period.text)) return null
    const [first, last] = [same[0], same[same.length - 1]]
    const overall = this.change(first.figure!, last.figure!)
    const parts = overall ? [fill(this.m.range, { from: this.period(first.period), to: this.period(last.period), change: overall.text })] : []
    const steps = same.slice(1).flatMap((p, i) => {
      const c = this.change(same[i].figure!, p.figure!)
      return c?.exact ? [{ from: same[i].period, to: p.period, c }] : []
    })
    const largest = steps.reduce<(typeof steps)[number] | null>((best, s) => (!best || Math.abs(s.c.d) > Math.abs(best.c.d) ? s : best), null)
    if (same.length > 2 && largest && largest.c.d !== 0) parts.push(fill(this.m.step, { from: this.period(largest.from), to: this.period(largest.to), change: largest.c.text }))
    return parts.length ? parts.join(this.m.clause) : null
  }

  /** Over a trend of several places: from the earliest period of the latest one's kind, how many rose and fell, and who moved most. */
  rangeSeveral(at: Period): string | null {
    const series = this.input.places.map((place) => ({ place, points: pointsOf(place).filter((p) => kindOf(p.period) === kindOf(at) && p.figure && this.inRange(p.period)) }))
    const first = series.flatMap((s) => s.points.map((p) => p.period)).sort(comparePeriods)[0]
    if (!first || comparePeriods(first, at) >= 0 || previousPeriod(at) === first.text) return null
    const changes = series.flatMap(({ place, points }) => {
      const [a, b] = [points.find((p) => p.period.text === first.text), points.find((p) => p.period.text === at.text)]
      const c = a && b && this.change(a.figure!, b.figure!)
      return c ? [{ name: place.name, c }] : []
    })
    if (changes.length < 2) return null
    const count = (k: 'rose' | 'fell' | 'same', n: number) => (n ? [fill(this.m[k], { n })] : [])
    const counts = [...count('rose', changes.filter((x) => x.c.d > 0).length), ...count('fell', changes.filter((x) => x.c.d < 0).length), ...count('same', changes.filter((x) => x.c.d === 0).length)]
    const exact = changes.filter((x) => x.c.exact && x.c.d !== 0)
    const most = exact.reduce<(typeof exact)[number] | null>((best, x) => (!best || Math.abs(x.c.d) > Math.abs(best.c.d) ? x : best), null)
    const text = fill(this.m.rangeSeveral, { from: this.period(first), to: this.period(at), n: changes.length, group: this.m.group[this.input.group], counts: counts.join(this.m.list) })
    return most ? text + this.m.clause + fill(this.m.most, { place: most.name, change: most.c.text }) : text
  }

  /** Highest and lowest, how many rose and fell, conflicts, and the places without a figure. */
  several(at: Period, ranked: readonly { name: string; value: number; figure: BriefingFigure }[], subject?: string): string {
    const m = this.m
    const group = m.group[this.input.group]
    const base = { period: this.period(at), n: this.input.places.length, group }
    const parts: string[] = []
    // The only figure is the subject's, already said: what is left to say is who has none.
    if (ranked.length === 1 && ranked[0].name !== subject) parts.push(fill(m.severalOne, { ...base, place: ranked[0].name, value: this.amount(ranked[0].figure, true) }))
    if (ranked.length > 1) {
      const top = ranked.filter((r) => r.value === ranked[0].value)
      const bottom = ranked.filter((r) => r.value === ranked[ranked.length - 1].value)
      const template = top.length > 1 ? m.severalTieHigh : bottom.length > 1 ? m.severalTieLow : m.several
      const names = (rs: typeof ranked) => rs.map((r) => r.name).join(m.list)
      parts.push(fill(template, { ...base, high: names(top), highValue: this.amount(top[0].figure, true), low: names(bottom), lowValue: this.amount(bottom[0].figure, true) }))
    }
    const previous = previousPeriod(at)
    if (previous) {
      const counts = { rose: 0, fell: 0, same: 0 }
      for (const r of ranked) {
        const place = this.input.places.find((p) => p.name === r.name)!
        const before = pointsOf(place).find((p) => p.period.text === previous)?.figure
        const c = before && this.change(before, r.figure)
        if (c) counts[c.d > 0 ? 'rose' : c.d < 0 ? 'fell' : 'same']++
      }
      const said = (['rose', 'fell', 'same'] as const).filter((k) => counts[k] > 0).map((k) => fill(m[k], { n: counts[k] }))
      if (said.length) parts.push(fill(m.moved[at.kind as Kind], { counts: said.join(m.list) }))
    }
    for (const place of this.input.places) {
      const point = pointsOf(place).find((p) => p.period.text === at.text)
      if (point && !point.figure) {
        const figures = point.figures.map((f) => fill(m.conflictFigure, { source: f.source, value: this.amount(f) })).join(m.list)
        parts.push(fill(m.conflictOther, { place: place.name, figures }))
      }
    }
    const missing = this.input.places.filter((p) => !p.figures.some((f) => f.period === at.text)).map((p) => p.name)
    if (missing.length) parts.push(fill(m.missing, { group, names: missing.join(m.list) }))
    return parts.join(m.sentenceJoin)
  }
}

/** The latest period any place has a figure for. */
function latestPeriod(places: readonly BriefingPlace[]): Period | null {
  const periods = places.flatMap((p) => p.figures.map((f) => parsePeriod(f.period)!))
  return periods.sort(comparePeriods).at(-1) ?? null
}

/** The paragraph under a chart, written by rules from its figures: exact about what they support, never more. */
export function writeBriefing(input: BriefingInput): string {
  const w = new Writer(input)
  const m = w.m
  const at = input.period ? parsePeriod(input.period) : latestPeriod(input.subject ? [input.subject, ...input.places] : input.places)
  if (!at) return ''
  const subject = input.subject ?? (input.places.length === 1 ? input.places[0] : undefined)
  const ranked = input.places
    .flatMap((place) => {
      const figure = pointsOf(place).find((p) => p.period.text === at.text)?.figure
      return figure ? [{ name: place.name, value: figure.value, figure }] : []
    })
    .sort((a, b) => b.value - a.value)
  const sentences: string[] = []
  if (subject) sentences.push(w.lead(subject, at, ranked))
  if (subject && input.range) {
    const range = w.range(subject, at)
    if (range) sentences.push(range)
  }
  if (input.places.length > 1) sentences.push(w.several(at, ranked, subject?.name))
  if (input.places.length > 1 && input.range) sentences.push(w.rangeSeveral(at) ?? '')
  // English sentences open with a capital, whichever clause comes first.
  const cap = (s: string) => (input.locale === 'en' ? s[0].toUpperCase() + s.slice(1) : s)
  const text = sentences.filter(Boolean).map((s) => cap(s) + m.sentence).join(input.locale === 'en' ? ' ' : '')
  return (input.demo ? m.demo : '') + text
}
