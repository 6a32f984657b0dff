import { refusalText, type RefusalCode, type RefusalParams } from '@/domain/refusal'
import { parsePeriod } from './period'
import { QUALIFIERS, type Metric, type Observation, type Source } from './types'

/** A batch of figures a writer sends to the shared record: one imported file or one reviewed report. */
export interface BatchInput {
  kind: 'import' | 'report'
  /** File name or report title, as the writer knows it. */
  name: string
  observations: Observation[]
  /** Sources the figures cite that the record may not have yet. */
  sources: Source[]
  /** Metrics created while importing or reviewing. */
  metrics: Metric[]
  /** Report texts by source id. */
  reports: Record<string, string>
}

/** What the record holds already, as far as a batch's checks need it. */
export interface Catalogue {
  regions: ReadonlySet<string>
  metrics: ReadonlySet<string>
  sources: ReadonlySet<string>
  /** The stored report text of a source, if it has one. */
  reportOf(sourceId: string): string | undefined
}

/**
 * A refusal located in the request body: `observations[3].period: …`. A figure's problem carries a code and its values
 * too, so the app says it in the reader's language (src/i18n/features/refusal.ts).
 */
export interface BatchProblem {
  path: string
  message: string
  code?: RefusalCode
  params?: RefusalParams
}

/** The checked batch: its problems, and where each figure's quote stands in its report (null: no report text). */
export interface CheckedBatch {
  problems: BatchProblem[]
  offsets: ([number, number] | null)[]
  /** The batch's sources and metrics the record does not have yet. */
  newSources: Source[]
  newMetrics: Metric[]
}

const METRIC_ID = /^[a-z][a-z0-9_]*$/
const DATE = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/
// A report file stays a plain relative .txt path: every segment starts with a letter or digit, so none is `..`.
const REPORT_FILE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*(\/[\p{L}\p{N}][\p{L}\p{N}._-]*)*\.txt$/u
const AGGREGATE = /^(sum|none|ratio:([a-z][a-z0-9_]*)\/([a-z][a-z0-9_]*))$/

/**
 * Checks a batch against the record as the package validator checks a package: known metric, region and source,
 * ISO period, finite value, known qualifier, a quote that occurs in its report. Any problem refuses the whole batch,
 * so the record never holds half of one.
 */
export function checkBatch(batch: BatchInput, record: Catalogue): CheckedBatch {
  const problems: BatchProblem[] = []
  const problem = (path: string, message: string) => problems.push({ path, message })
  const newMetrics = batch.metrics.filter((m) => !record.metrics.has(m.id))
  const metricIds = new Set([...record.metrics, ...newMetrics.map((m) => m.id)])
  newMetrics.forEach((m, i) => checkMetric(m, metricIds, (message) => problem(`metrics[${i}]`, message)))
  const newSources = batch.sources.filter((s) => !record.sources.has(s.id))
  const sourceIds = new Set([...record.sources, ...newSources.map((s) => s.id)])
  batch.sources.forEach((s, i) => {
    if (!s.id.trim()) problem(`sources[${i}].id`, 'is empty')
    if (!s.title.trim()) problem(`sources[${i}].title`, 'is empty')
    if (!DATE.test(s.date)) problem(`sources[${i}].date`, `"${s.date}" is not a date (2025, 2025-01, 2025-01-03)`)
    if (s.file && !REPORT_FILE.test(s.file)) problem(`sources[${i}].file`, `"${clip(s.file)}" is not a relative .txt path inside the package`)
  })
  const reportOf = (id: string) => record.reportOf(id) ?? (newSources.some((s) => s.id === id) ? batch.reports[id] : undefined)
  for (const id of Object.keys(batch.reports)) {
    if (!sourceIds.has(id)) problem(`reports.${id}`, 'names a source that is neither in the record nor in this batch')
    else if (record.reportOf(id) !== undefined && record.reportOf(id) !== batch.reports[id]) problem(`reports.${id}`, 'differs from the report text the record holds for this source')
  }

  const seen = new Map<string, number>()
  const offsets = batch.observations.map((o, i): [number, number] | null => {
    const at = (field: string, code: RefusalCode, params: RefusalParams = {}) =>
      problems.push({ path: `observations[${i}].${field}`, message: refusalText(code, params), code, params })
    if (!metricIds.has(o.metric)) at('metric', 'unknownMetric', { metric: o.metric })
    if (!record.regions.has(o.region)) at('region', 'unknownRegion', { region: o.region })
    if (parsePeriod(o.period) === null) at('period', 'badPeriod', { period: o.period })
    if (!Number.isFinite(o.value)) at('value', 'notFinite')
    if (!QUALIFIERS.includes(o.qualifier)) at('qualifier', 'badQualifier', { qualifier: o.qualifier, allowed: QUALIFIERS.join(' ') })
    if (!sourceIds.has(o.source)) at('source', 'unknownSource', { source: o.source })
    const key = [o.metric, o.region, o.period, o.source].join('\u0000')
    const first = seen.get(key)
    if (first !== undefined) at('period', 'repeats', { item: first + 1 })
    else seen.set(key, i)
    const report = reportOf(o.source)
    if (report === undefined) return null
    const start = o.quote ? report.indexOf(o.quote) : -1
    if (!o.quote) at('quote', 'quoteEmpty', { source: o.source })
    else if (start < 0) at('quote', 'quoteMissing', { quote: clip(o.quote), source: o.source })
    return start < 0 ? null : [start, start + o.quote.length]
  })
  return { problems, offsets, newSources, newMetrics }
}

function checkMetric(m: Metric, known: ReadonlySet<string>, problem: (message: string) => void): void {
  if (!METRIC_ID.test(m.id)) problem(`id "${m.id}" is not snake_case ASCII`)
  if (!m.name.trim()) problem('name is empty')
  if (!m.unit.trim()) problem('unit is empty')
  if (m.kind !== 'count' && m.kind !== 'rate') problem(`kind "${m.kind}" is neither count nor rate`)
  if (!['stock', 'flow', 'cumulative'].includes(m.temporal)) problem(`temporal "${m.temporal}" is not stock, flow or cumulative`)
  if (m.kind === 'rate' && m.aggregate.kind === 'sum') problem('a rate cannot be summed across regions')
  if (m.aggregate.kind === 'ratio' && !(known.has(m.aggregate.numerator) && known.has(m.aggregate.denominator))) problem('aggregate names an unknown metric')
  if (m.target !== null && !Number.isFinite(m.target)) problem('target is not a finite number')
  if (!AGGREGATE.test(aggregateText(m))) problem('aggregate is not sum, none or ratio:A/B')
}

/** The aggregate as metrics.csv writes it. */
export function aggregateText(m: Pick<Metric, 'aggregate'>): string {
  return m.aggregate.kind === 'ratio' ? `ratio:${m.aggregate.numerator}/${m.aggregate.denominator}` : m.aggregate.kind
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s)
