import type { Figure } from '@/extract/types'
import { parsePeriod } from './period'
import type { RegionTree } from './regions'
import type { Metric, MetricKind, Observation, Qualifier, Source, Temporal, UserBatch } from './types'

/** Candidates at or above this extractor confidence are taken by "accept all high-confidence". */
export const HIGH_CONFIDENCE = 0.7

/** Where a candidate stands in review. */
export type ReviewStatus = 'pending' | 'accepted' | 'rejected'

/** One extracted figure as the reviewer edits it; `start`/`end`/`quote` keep pointing into the original text. */
export interface ReviewFigure {
  key: number
  start: number
  end: number
  quote: string
  unit: string
  confidence: number
  /** The extractor's metric name, or the name it suggests for a new metric. */
  suggestedName: string
  /** Metric id; '' until one is chosen or created. */
  metric: string
  /** Region code; '' until one is chosen. */
  region: string
  period: string
  value: number
  qualifier: Qualifier
  status: ReviewStatus
  /** The extractor's doubts (未识别地名：…, a place or period from a fallback); absent when it has none. */
  flags?: string[]
}

/** Why a reviewed figure cannot be accepted yet. */
export type ReviewProblem = 'metric' | 'region' | 'period' | 'value' | 'duplicate'

/** The report as the reviewer described it. */
export interface ReportInfo {
  title: string
  publication: string
  /** YYYY, YYYY-MM or YYYY-MM-DD, as sources.csv requires. */
  date: string
  /** The original text: quotes are exact substrings of it. */
  text: string
}

/** What a reviewer enters to create a metric the catalogue lacks. */
export interface NewMetricInput {
  name: string
  nameEn: string
  unit: string
  kind: MetricKind
  temporal: Temporal
  category: string
  /** The report's phrase for it, kept as an alias so the extractor finds it next time. */
  phrase: string
}

const REPORT_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/

/** True for a report date sources.csv accepts and the extractor can read: 2025, 2025-01 or 2025-01-08. */
export function isReportDate(date: string): boolean {
  return REPORT_DATE.test(date) && parsePeriod(date) !== null
}

/** Review rows for the extractor's figures; a figure whose place the gazetteer lacks starts without a region. */
export function toReview(figures: readonly Figure[], tree: RegionTree): ReviewFigure[] {
  return figures.map((f, key) => ({
    key,
    start: f.start,
    end: f.end,
    quote: f.quote,
    unit: f.unit,
    confidence: f.confidence,
    suggestedName: f.metric_name,
    metric: f.metric ?? '',
    region: f.region_code ?? (f.region ? (tree.findByName(f.region)[0]?.code ?? '') : ''),
    period: f.period,
    value: f.value,
    qualifier: f.qualifier,
    status: 'pending',
    ...(f.flags?.length ? { flags: f.flags } : {}),
  }))
}

/** Whether a candidate needs a closer look: the extractor doubted its place or period, or is not confident of it. */
export function isDoubtful(f: Pick<ReviewFigure, 'confidence' | 'flags'>): boolean {
  return (f.flags?.length ?? 0) > 0 || f.confidence < HIGH_CONFIDENCE
}

/** The order to review candidates in: the doubtful first, least confident first, then the rest as they stand in the text. */
export function reviewOrder<T extends Pick<ReviewFigure, 'confidence' | 'flags' | 'start'>>(figures: readonly T[]): T[] {
  return [...figures].sort((a, b) => Number(isDoubtful(b)) - Number(isDoubtful(a)) || (isDoubtful(a) ? a.confidence - b.confidence : 0) || a.start - b.start)
}

/** Marks as accepted, with the reviewer's values, the figures an earlier review of the same text saved as observations. */
export function restoreReview(figures: readonly ReviewFigure[], saved: readonly Observation[], text: string): ReviewFigure[] {
  const left = [...saved]
  return figures.map((f) => {
    const i = left.findIndex((o) => o.quote === safeQuote(text, f.start, f.end))
    if (i < 0) return f
    const [o] = left.splice(i, 1)
    return { ...f, metric: o.metric, region: o.region, period: o.period, value: o.value, qualifier: o.qualifier, status: 'accepted' }
  })
}

/** What stops this figure from joining the dataset, given the known metrics and the other accepted figures. */
export function reviewProblems(
  figure: ReviewFigure,
  known: { metric: (id: string) => boolean; tree: RegionTree },
  accepted: readonly ReviewFigure[],
): ReviewProblem[] {
  const problems: ReviewProblem[] = []
  if (!figure.metric || !known.metric(figure.metric)) problems.push('metric')
  if (!figure.region || !known.tree.get(figure.region)) problems.push('region')
  if (!parsePeriod(figure.period)) problems.push('period')
  if (!Number.isFinite(figure.value)) problems.push('value')
  // The package's key is metric × region × period × source: one report states each figure once.
  const sameKey = (o: ReviewFigure) => o.key !== figure.key && o.metric === figure.metric && o.region === figure.region && o.period === figure.period
  if (problems.length === 0 && accepted.some(sameKey)) problems.push('duplicate')
  return problems
}

/** FNV-1a, enough to tell two report texts apart in a source id. */
function shortHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** A stable source id for a report: the same text and date always give the same id, so re-reviewing replaces. */
export function reportSourceId(date: string, text: string): string {
  return `report-${date}-${shortHash(text)}`
}

/** An unused metric id: snake_case of the English name, else `custom_<n>`. */
export function metricIdFor(nameEn: string, taken: ReadonlySet<string>): string {
  const base = nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+|_+$/g, '').slice(0, 48).replace(/_+$/, '')
  if (!base) {
    let n = 1
    while (taken.has(`custom_${n}`)) n++
    return `custom_${n}`
  }
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`
  return id
}

/** A catalogue metric from the reviewer's input; counts sum across regions, rates never do. */
export function newMetric(input: NewMetricInput, taken: ReadonlySet<string>): Metric {
  return {
    id: metricIdFor(input.nameEn, taken),
    name: input.name.trim(),
    nameEn: input.nameEn.trim(),
    unit: input.unit.trim(),
    kind: input.kind,
    temporal: input.temporal,
    aggregate: { kind: input.kind === 'rate' ? 'none' : 'sum' },
    category: input.category.trim(),
    definition: '',
    aliases: input.phrase.trim() ? [input.phrase.trim()] : [],
    target: null,
  }
}

const FORMULA_START = /^[=+\-@]/

/**
 * The figure's quote, widened to the left past a leading = + - @ so the CSV export need not escape it
 * (an escaped quote would no longer occur in the report text).
 */
export function safeQuote(text: string, start: number, end: number): string {
  let from = start
  while (from > 0 && FORMULA_START.test(text.slice(from, end))) from--
  return text.slice(from, end)
}

/** The batch a reviewed report adds: its source, its original text, the accepted figures and the metrics they use. */
export function buildReportBatch(report: ReportInfo, accepted: readonly ReviewFigure[], created: readonly Metric[], createdAt: string): UserBatch {
  const id = reportSourceId(report.date, report.text)
  const source: Source = {
    id,
    // sources.csv requires a title; a cleared one falls back to the text's first line.
    title: report.title.trim() || titleFromText(report.text),
    publication: report.publication.trim(),
    date: report.date,
    author: '',
    file: `reports/${id}.txt`,
    url: '',
    note: '',
  }
  const observations: Observation[] = accepted.map((f) => ({
    metric: f.metric,
    region: f.region,
    period: f.period,
    value: f.value,
    qualifier: f.qualifier,
    source: id,
    quote: safeQuote(report.text, f.start, f.end),
  }))
  const used = new Set(observations.map((o) => o.metric))
  return {
    id,
    kind: 'report',
    name: source.title,
    createdAt,
    observations,
    sources: [source],
    metrics: created.filter((m) => used.has(m.id)),
    reports: { [id]: report.text },
  }
}

/** A title from the report's first non-empty line, for when the reviewer gives none. */
export function titleFromText(text: string, max = 40): string {
  const line = text.split('\n').map((l) => l.trim()).find(Boolean) ?? ''
  return line.length > max ? `${line.slice(0, max)}…` : line
}
