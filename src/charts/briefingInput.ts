import { writeBriefing, type BriefingFigure, type BriefingInput, type BriefingPlace } from '@/domain/briefing'
import { compareRow, compareScope, type CompareRow } from '@/domain/compare'
import type { PeriodRange } from '@/domain/observationIndex'
import { regionPoints } from '@/domain/overview'
import type { Metric, Observation } from '@/domain/types'
import { metricName, type ChartData } from './trendInput'

/** Language and demo mark of a paragraph: the same for every view. */
export interface BriefingContext {
  locale: 'zh' | 'en'
  demo: boolean
}

const figureOf = (data: ChartData, o: Observation): BriefingFigure => ({ period: o.period, value: o.value, qualifier: o.qualifier, source: data.sourceById.get(o.source)?.title ?? o.source })

/** A region with its own figures of the metric (within `range`, when given). */
function placeOf(data: ChartData, metric: Metric, code: string, range?: PeriodRange, withCounty: 'zh' | 'en' | null = null): BriefingPlace {
  const [series] = data.index.series(metric.id, [code], range)
  const region = data.tree.get(code)
  // A town standing on its own in a paragraph is named with its county, as a briefing writes 牡丹区吴店镇
  // (in English after it: Wudian Town, Mudan District).
  const county = withCounty && region?.level !== 'county' && region?.parent ? data.tree.get(region.parent) : undefined
  const own = region?.name ?? code
  const name = !county || county.level === 'city' ? own : withCounty === 'en' ? `${own}, ${county.name}` : county.name + own
  return { name, figures: series.points.map((o) => figureOf(data, o)) }
}

/** 县区 when every place is a county-level unit, 镇街 when every one is a town, else 地区. */
function groupOf(data: ChartData, codes: readonly string[]): BriefingInput['group'] {
  const levels = new Set(codes.map((c) => data.tree.get(c)?.level))
  if ([...levels].every((l) => l === 'county' || l === 'zone')) return 'county'
  return [...levels].every((l) => l === 'town') ? 'town' : 'region'
}

function base(metric: Metric, ctx: BriefingContext): Pick<BriefingInput, 'metric' | 'demo' | 'locale'> {
  const { unit, kind, temporal, target } = metric
  const name = metricName(metric, ctx.locale)
  // An English name opens with a capital in the catalogue; inside a sentence it reads in lower case.
  const inSentence = ctx.locale === 'en' && /^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name
  return { metric: { name: inSentence, unit, kind, temporal, target }, demo: ctx.demo, locale: ctx.locale }
}

/** The trend's paragraph: the city's line leads (with its range) when the counties are drawn beside it. */
export function trendBriefing(data: ChartData, metric: Metric | undefined, codes: readonly string[], range: PeriodRange, ctx: BriefingContext): string {
  if (!metric) return ''
  // A selected county without figures of its own is drawn through its towns: they stand in for it here too.
  const drawn = codes.filter((c) => data.index.series(metric.id, [c], range)[0].points.length > 0 || !codes.some((d) => d !== c && data.tree.ancestors(d).some((a) => a.code === c)))
  const city = drawn.length > 1 ? drawn.find((c) => data.tree.get(c)?.level === 'city') : undefined
  const others = drawn.filter((c) => c !== city)
  if (others.length === 0) return ''
  return writeBriefing({
    ...base(metric, ctx),
    // Figures before the range still give the latest one its 环比 and 同比; the range is said from its start.
    places: others.map((c) => placeOf(data, metric, c, { to: range.to }, others.length === 1 ? ctx.locale : null)),
    subject: city ? placeOf(data, metric, city, { to: range.to }) : undefined,
    group: groupOf(data, others),
    range: { from: range.from },
  })
}

/**
 * A comparison's or the map's paragraph at `period`: each place with its own figures (for 环比 and 同比) and,
 * where its value was computed from the regions below, that value; `subject` leads (ranked when among `rows`).
 */
export function compareBriefing(data: ChartData, metric: Metric | undefined, rows: readonly CompareRow[], subject: string | null, period: string | null, ctx: BriefingContext): string {
  if (!metric || !period || rows.length === 0) return ''
  // The region leads only with a figure at the period, its own or computed from its parts.
  const subjectRow = subject ? (rows.find((r) => r.region === subject) ?? compareRow(data.index, data.tree, metric.id, subject, period)) : undefined
  const leads = subject !== null && subjectRow?.status !== 'missing'
  // A town compared alone, with no county leading, is named with its county, as on the trend.
  const alone = rows.length === 1 && !leads ? rows[0].region : null
  const place = (code: string, row?: CompareRow) => {
    const own = placeOf(data, metric, code, undefined, code === alone ? ctx.locale : null)
    if (row?.status !== 'computed') return own
    return { ...own, figures: [...own.figures, { period, value: row.value!, qualifier: row.qualifier, source: '', computed: true }] }
  }
  const lead = leads ? place(subject, subjectRow) : undefined
  return writeBriefing({ ...base(metric, ctx), places: rows.map((r) => place(r.region, r)), subject: lead, group: groupOf(data, rows.map((r) => r.region)), period })
}

/** The compare view's subject: the region whose parts it compares (the city, one county). */
export function compareSubject(data: ChartData, selected: readonly string[]): string | null {
  return compareScope(selected, data.tree).parent
}

/** The map's subject: the one county picked on it, else the city. */
export function mapSubject(data: ChartData, selected: readonly string[]): string | null {
  if (selected.length === 1) return selected[0]
  return data.tree.all().find((r) => r.level === 'city')?.code ?? null
}

/** An overview card's paragraph: the region's own figures, or those computed from its parts where it has none. */
export function cardBriefing(data: ChartData, metric: Metric, region: string, ctx: BriefingContext): string {
  const points = regionPoints(data.index, data.tree, metric, region)
  const figures = points.flatMap((p): BriefingFigure[] =>
    p.conflict ? p.conflict.map((o) => figureOf(data, o)) : [{ period: p.period, value: p.value, qualifier: p.qualifier, source: '', computed: p.computed }],
  )
  return writeBriefing({ ...base(metric, ctx), places: [{ name: data.tree.get(region)?.name ?? region, figures }], group: groupOf(data, [region]) })
}
