import { QUALIFIERS, type Metric, type Observation, type Region, type Source } from '@/domain/types'
import type { ObservationColumns } from '@/domain/columnar'
import type { RegionTree } from '@/domain/regions'
import { duplicateColumns, FIELDS, missingFields, REQUIRED_FIELDS, type ColumnMapping, type Field } from './columns'
import type { ImportProblem } from './problems'
import type { Progress, RawTable } from './table'
import { findMetric, normalizeCell, parseNumberCell, parsePeriodCell, parseQualifierCell, parseRegionCell, type Parsed, type ParsedNumber } from './values'

/** Plain data an import checks against (what a worker can receive): the dataset as it stands and the user's choices. */
export interface ImportData {
  regions: readonly Region[]
  metrics: readonly Metric[]
  sources: readonly Source[]
  /** Report texts by source id: a quote citing such a source must occur in it. */
  reports: Readonly<Record<string, string>>
  /**
   * The data's figures as columns: a worker receives typed arrays (a copy of memory) rather than a million objects
   * the page would have to make and serialize first.
   */
  existing: ObservationColumns
  /** The source of rows without a source cell: the file itself. */
  fileSource: Source
  /** Metrics the user agreed to create, keyed by the text the file names them with. */
  created?: Readonly<Record<string, Metric>>
}

/** What the row checks use: the import data with its regions as a tree. */
export type ImportContext = ImportData & { tree: RegionTree }

/** A metric name the data does not know, with what the rows say of it, so the user can create it. */
export interface UnknownMetric {
  text: string
  unit: string
  percent: boolean
  lines: number[]
}

/** The checked rows: accepted observations (with their lines), located problems, and what would be created. */
export interface ImportResult {
  observations: Observation[]
  lines: number[]
  problems: ImportProblem[]
  unknownMetrics: UnknownMetric[]
  /** New sources the accepted rows cite. */
  sources: Source[]
  /** Created metrics the accepted rows use. */
  metrics: Metric[]
  rowCount: number
}

const MARKUP = /<\s*\/?\s*[a-z!]|\bon[a-z]+\s*=|javascript:/i
const key = (...parts: string[]) => parts.join('\u0000')

/** Checks every row; a row with any error is rejected whole, with one located problem per bad cell. */
export function validateRows(table: RawTable, mapping: ColumnMapping, ctx: ImportContext, onProgress?: Progress): ImportResult {
  const brokenLines = new Set(table.problems.filter((p) => p.level === 'error' && p.line !== undefined).map((p) => p.line))
  // A row broken in its structure (ragged, bad quotes) is still a row of the file, and a rejected one.
  const rowCount = new Set([...table.rows.map((r) => r.line), ...brokenLines]).size
  const result: ImportResult = { observations: [], lines: [], problems: [...table.problems], unknownMetrics: [], sources: [], metrics: [], rowCount }
  const missing = missingFields(mapping)
  // Two columns for one field: whichever were read, the other's figures would be lost without a word.
  const doubled = duplicateColumns(table.header).filter((d) => mapping[d.field] !== null && d.columns.includes(mapping[d.field]!))
  if (table.header.length === 0) result.problems.push({ level: 'error', code: 'noHeader', params: {} })
  else if (missing.length > 0) {
    result.problems.push({ level: 'error', line: 1, code: 'missingColumns', params: { fields: missing.join(', '), header: table.header.join(' | ') } })
  }
  for (const d of doubled) {
    const columns = d.columns.map((i) => `${table.header[i]}（${i + 1}）`).join('、')
    result.problems.push({ level: 'error', line: 1, column: table.header[d.columns[1]], code: 'duplicateColumn', params: { field: d.field, columns } })
  }
  if (table.header.length === 0 || missing.length > 0 || doubled.length > 0) return result
  if (table.rows.length === 0) result.problems.push({ level: 'error', line: 1, code: 'noRows', params: {} })

  const unknown = new Map<string, UnknownMetric>()
  const newSources: Source[] = []
  const check = rowChecker(table, mapping, ctx, result, unknown, newSources)
  table.rows.forEach((row, i) => {
    if (!brokenLines.has(row.line)) check(row.line, row.cells)
    if (onProgress && i % 50_000 === 0) onProgress(i / table.rows.length)
  })
  // Only what accepted rows use is created: a source or metric named by rejected rows alone is not.
  const used = new Set(result.observations.map((o) => o.source))
  const usedMetrics = new Set(result.observations.map((o) => o.metric))
  result.sources = newSources.filter((s) => used.has(s.id))
  result.metrics = Object.values(ctx.created ?? {}).filter((m, i, all) => usedMetrics.has(m.id) && all.indexOf(m) === i)
  result.unknownMetrics = [...unknown.values()]
  return result
}

function rowChecker(table: RawTable, mapping: ColumnMapping, ctx: ImportContext, result: ImportResult, unknown: Map<string, UnknownMetric>, newSources: Source[]) {
  const memo = <T>(fn: (s: string) => Parsed<T>) => {
    const cache = new Map<string, Parsed<T>>()
    return (s: string) => cache.get(s) ?? (cache.set(s, fn(s)), cache.get(s)!)
  }
  const region = memo((s) => parseRegionCell(s, ctx.tree))
  const period = memo(parsePeriodCell)
  const qualifier = memo(parseQualifierCell)
  // Sheets repeat values; keyed by value and unit, a number is parsed once.
  const numbers = new Map<string, Parsed<ParsedNumber>>()
  const numberOf = (text: string, unit: string) => {
    const k = key(text, unit)
    return numbers.get(k) ?? (numbers.set(k, parseNumberCell(text, unit)), numbers.get(k)!)
  }
  const metrics = new Map<string, Metric | undefined>()
  const metricOf = (s: string) => (metrics.has(s) ? metrics.get(s) : metrics.set(s, ctx.created?.[s] ?? findMetric(s, ctx.metrics)).get(s))
  const sourceOf = sourceResolver(ctx, newSources)
  // Figures by metric, region and period: the data's (no line) and this file's accepted rows (with their line).
  const byCell = new Map<string, { obs: Observation; line?: number }[]>()
  const existingAt = existingFigures(ctx.existing)
  const sourceTitle = (id: string) => [ctx.fileSource, ...ctx.sources, ...newSources].find((s) => s.id === id)?.title ?? id
  const index = FIELDS.map((f) => mapping[f])
  const headerOf = (f: Field) => table.header[mapping[f]!]
  const cellOf = (cells: string[], f: Field) => (mapping[f] === null ? '' : (cells[mapping[f]!] ?? ''))
  // Helpers take the row's problem list rather than closing over it: they are made once, not once per row.
  const error = (problems: ImportProblem[], line: number, f: Field, code: string, params: Record<string, string | number> = {}) =>
    problems.push({ level: 'error', line, column: headerOf(f), code, params })
  const take = <T>(problems: ImportProblem[], line: number, f: Field, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value
    error(problems, line, f, parsed.code, parsed.params)
    return undefined
  }
  // A row's problems are listed left to right, as a person reads the row.
  const flush = (problems: ImportProblem[]) => void result.problems.push(...problems.sort((a, b) => table.header.indexOf(a.column!) - table.header.indexOf(b.column!)))

  return (line: number, cells: string[]) => {
    const problems: ImportProblem[] = []
    for (let i = 0; i < FIELDS.length; i++) {
      if (index[i] === null) continue
      const text = (cells[index[i]!] ?? '').trim()
      if (text.length > 1 && text[0] === '=') error(problems, line, FIELDS[i], 'formula', { value: text })
      else if (MARKUP.test(text)) result.problems.push({ level: 'warning', line, column: headerOf(FIELDS[i]), code: 'markup', params: { value: text } })
      else if (text === '' && i < REQUIRED_FIELDS.length) error(problems, line, FIELDS[i], 'required')
    }
    if (problems.length > 0) return flush(problems)

    const metricText = cellOf(cells, 'metric').trim()
    const metric = metricOf(metricText)
    const unitText = normalizeCell(cellOf(cells, 'unit'))
    const valueText = cellOf(cells, 'value')
    const number = take(problems, line, 'value', numberOf(valueText, metric?.unit ?? unitText))
    if (!metric) {
      const entry = unknown.get(metricText) ?? { text: metricText, unit: unitText || (number?.percent ? '%' : ''), percent: !!number?.percent, lines: [] }
      entry.lines.push(line)
      unknown.set(metricText, entry)
      error(problems, line, 'metric', 'metricUnknown', { value: metricText })
    } else {
      if (unitText && unitText !== metric.unit) error(problems, line, 'unit', 'unit', { value: unitText, metric: metric.name, unit: metric.unit })
      if (number?.percent && metric.unit !== '%') error(problems, line, 'value', 'percentUnit', { value: valueText, metric: metric.name, unit: metric.unit })
    }
    const code = take(problems, line, 'region', region(cellOf(cells, 'region')))
    const periodText = cellOf(cells, 'period')
    // A number cell 2024.1 may be October with its zero lost (2024.10 as a number): ambiguous, so refused.
    const ambiguous = /^\d{4}\.\d$/.test(periodText.trim()) && table.numeric?.has(`${line}:${mapping.period}`)
    const iso = take(problems, line, 'period', ambiguous ? { ok: false, code: 'periodNumber', params: { value: periodText } } : period(periodText))
    const stated = take(problems, line, 'qualifier', qualifier(cellOf(cells, 'qualifier')))
    if (number?.qualifier && stated && number.qualifier !== stated) error(problems, line, 'qualifier', 'qualifierClash', { value: valueText, stated, implied: number.qualifier })
    const source = sourceOf(cellOf(cells, 'source').trim())
    const quote = cellOf(cells, 'quote').trim()
    const report = ctx.reports[source]
    if (report !== undefined && (!quote || !report.includes(quote))) error(problems, line, 'quote', quote ? 'quote' : 'quoteRequired', { value: quote, source: sourceTitle(source) })
    if (problems.length > 0 || !metric || !number || code === undefined || iso === undefined) return flush(problems)

    // Never a figure without a number: JSON would write NaN or Infinity as null.
    if (!Number.isFinite(number.value)) return flush([{ level: 'error', line, column: headerOf('value'), code: 'number', params: { value: valueText } }])
    const obs: Observation = { metric: metric.id, region: code, period: iso, value: number.value, qualifier: stated ?? number.qualifier ?? '=', source, quote }
    const cellKey = `${obs.metric}\u0000${obs.region}\u0000${obs.period}`
    let earlier = byCell.get(cellKey)
    if (!earlier) byCell.set(cellKey, (earlier = existingAt(obs.metric, obs.region, obs.period).map((o) => ({ obs: o }))))
    let same: { obs: Observation; line?: number } | undefined
    let clash: { obs: Observation; line?: number } | undefined
    for (const e of earlier) {
      if (e.obs.source === source) same ??= e
      else if (e.obs.value !== obs.value) clash ??= e
    }
    if (same?.line !== undefined) return void result.problems.push({ level: 'error', line, code: 'duplicate', params: { line: same.line } })
    if (same) return void result.problems.push({ level: 'error', line, code: 'exists', params: { source: sourceTitle(source) } })
    if (clash) result.problems.push({ level: 'warning', line, column: headerOf('value'), code: 'conflict', params: { value: clash.obs.value, source: sourceTitle(clash.obs.source) } })
    if (metric.unit === '%' && (obs.value < 0 || obs.value > 100)) result.problems.push({ level: 'warning', line, column: headerOf('value'), code: 'rateRange', params: { value: obs.value } })
    earlier.push({ obs, line })
    result.observations.push(obs)
    result.lines.push(line)
  }
}

/**
 * The data's figures of one metric, region and period, as objects made on demand: the rows are grouped by metric
 * and region in one pass over the codes, and only the cells a file names become objects.
 */
function existingFigures(cols: ObservationColumns): (metric: string, region: string, period: string) => Observation[] {
  const { strings } = cols
  const codeOf = new Map(strings.map((s, i) => [s, i]))
  let rowsByCell: Map<number, number[]> | undefined
  return (metric, region, period) => {
    const m = codeOf.get(metric)
    const r = codeOf.get(region)
    const p = codeOf.get(period)
    if (m === undefined || r === undefined || p === undefined) return []
    if (!rowsByCell) {
      rowsByCell = new Map()
      for (let i = 0; i < cols.metric.length; i++) {
        const key = cols.metric[i] * strings.length + cols.region[i]
        const rows = rowsByCell.get(key)
        if (rows) rows.push(i)
        else rowsByCell.set(key, [i])
      }
    }
    return (rowsByCell.get(m * strings.length + r) ?? [])
      .filter((i) => cols.period[i] === p)
      .map((i) => ({ metric, region, period, value: cols.value[i], qualifier: QUALIFIERS[cols.qualifier[i]], source: strings[cols.source[i]], quote: strings[cols.quote[i]] }))
  }
}

/** Maps a source cell to a source id: an existing id or title, else a new source titled by the cell. */
function sourceResolver(ctx: ImportContext, created: Source[]): (text: string) => string {
  const known = new Map<string, string>()
  for (const s of ctx.sources) known.set(s.id, s.id).set(s.title, s.id)
  known.set('', ctx.fileSource.id).set(ctx.fileSource.id, ctx.fileSource.id)
  created.push(ctx.fileSource)
  return (text) => {
    let id = known.get(text)
    if (id === undefined) {
      id = `${ctx.fileSource.id}-s${created.length}`
      known.set(text, id)
      created.push({ ...ctx.fileSource, id, title: text })
    }
    return id
  }
}
