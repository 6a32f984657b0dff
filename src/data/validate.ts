import { parsePeriod } from '@/domain/period'
import { QUALIFIERS, type Aggregate, type Dataset, type Metric, type MetricKind, type Qualifier, type Region, type RegionLevel, type Source, type Temporal } from '@/domain/types'
import { fromColumns, Interner, toColumns, type ObservationColumns } from '@/domain/columnar'
import { cellText, parseCsvColumns, type CsvColumn, type CsvColumns, type CsvRow } from './csv'
import { sortMessages, type DataMessage } from './messages'
import { packagePathProblem } from './packagePath'
import { checkDescriptor, type DescriptorResource } from './descriptor'
import { asList, checkTable, clip, columnOf, firstEqualRows, numberFields, type CheckedRows } from './tableSchema'

/** The package's files as read from disk or the network; null where a file could not be read. */
export interface RawPackage {
  descriptor: string | null
  /** Each table's text, or its bytes (UTF-8; see `parseCsvColumns`). */
  tables: Record<string, string | Uint8Array | null>
  reports: Record<string, string | null>
  /** Why a file that is null above could not be read, where the reader knows (the server's answer, a broken download). */
  unreadable?: Record<string, string>
}

/** A validated dataset (only rows that passed) and every located message. */
export interface ValidatedPackage {
  dataset: Dataset
  messages: DataMessage[]
}

/** A validated package whose observations are columns (`dataset.observations` is empty): no object per row. */
export interface ColumnarPackage {
  dataset: Dataset
  /** Exactly the accepted observation rows, in file order. */
  columns: ObservationColumns
  messages: DataMessage[]
}

type Resource = DescriptorResource

const DESCRIPTOR = 'datapackage.json'
const REQUIRED = ['regions', 'metrics', 'sources', 'observations'] as const

/** Parses the descriptor and lists its resources, or explains why it cannot. */
export function parseDescriptor(text: string | null, messages: DataMessage[], why?: string): Resource[] {
  if (text === null) {
    messages.push({ level: 'error', file: DESCRIPTOR, message: cannotRead(why) })
    return []
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    messages.push({ level: 'error', file: DESCRIPTOR, message: `is not valid JSON (${(e as Error).message})` })
    return []
  }
  const checked = checkDescriptor(json)
  if (!checked.ok) {
    for (const problem of checked.problems) messages.push({ level: 'error', file: DESCRIPTOR, message: problem })
    return []
  }
  const resources = checked.resources.filter((r) => {
    const problem = packagePathProblem(r.path)
    if (problem) messages.push({ level: 'error', file: DESCRIPTOR, message: `resource ${r.name}: ${problem}; it is not read` })
    return problem === null
  })
  for (const name of REQUIRED) {
    const count = resources.filter((r) => r.name === name).length
    if (count === 0) messages.push({ level: 'error', file: DESCRIPTOR, message: `resource ${name} is missing` })
    // One table of each kind: a second would be read by nobody, its rows lost without a word.
    if (count > 1) messages.push({ level: 'error', file: DESCRIPTOR, message: `resource ${name} is listed ${count} times: a package has one; none of them is read` })
  }
  return resources.filter((r) => !REQUIRED.includes(r.name as (typeof REQUIRED)[number]) || resources.filter((o) => o.name === r.name).length === 1)
}

/** "cannot be read", with the reason when the reader gave one. */
const cannotRead = (why: string | undefined) => (why ? `cannot be read: ${why}` : 'cannot be read')

/** Validates a whole package: schemas, keys, periods, quotes against report texts, conflicts. */
export function validatePackage(raw: RawPackage): ValidatedPackage {
  const { dataset, columns, messages } = validatePackageColumns(raw)
  return { dataset: { ...dataset, observations: fromColumns(columns) }, messages }
}

/** Like `validatePackage`, with the accepted observations as columns: what the load worker posts to the page. */
export function validatePackageColumns(raw: RawPackage): ColumnarPackage {
  const messages: DataMessage[] = []
  const resources = parseDescriptor(raw.descriptor, messages, raw.unreadable?.[DESCRIPTOR])
  const rows = new Map<string, CheckedRows>()
  for (const resource of resources) {
    const file = raw.tables[resource.path] ?? null
    if (file === null) {
      messages.push({ level: 'error', file: resource.path, message: cannotRead(raw.unreadable?.[resource.path]) })
      rows.set(resource.name, { table: EMPTY_TABLE, rows: new Int32Array(0) })
      continue
    }
    // Observations are the large table: their values are read as numbers, without a string per cell.
    const options = resource.name === 'observations' ? { numbers: numberFields(resource.schema) } : {}
    rows.set(resource.name, checkTable(resource.path, parseCsvColumns(file, options), resource.schema, messages))
  }
  for (const resource of resources) checkForeignKeys(resource, resources, rows, messages)

  const fileOf = (name: string) => resources.find((r) => r.name === name)?.path ?? `${name}.csv`
  const recordsOf = (name: string) => toRecords(rows.get(name))
  const regions = withoutParentCycles(fileOf('regions'), recordsOf('regions'), messages).map(toRegion)
  const metrics = checkMetrics(fileOf('metrics'), recordsOf('metrics'), messages)
  const { sources, reports } = checkSources(fileOf('sources'), recordsOf('sources'), raw.reports, messages, raw.unreadable)
  const columns = checkObservations(fileOf('observations'), rows.get('observations'), metrics, sources, reports, messages)
  return { dataset: { regions, metrics, sources, observations: [], reports }, columns, messages: sortMessages(messages) }
}

const EMPTY_TABLE: CsvColumns = { header: [], columns: [], lines: new Int32Array(0), problems: [] }

/** Rows as records keyed by field: fine for the small tables (regions, metrics, sources). */
function toRecords(checked: CheckedRows | undefined): CsvRow[] {
  if (!checked) return []
  const { header, columns, lines } = checked.table
  return Array.from(checked.rows, (k) => ({ line: lines[k], values: Object.fromEntries(header.map((name, j) => [name, cellText(columns[j], k)])) }))
}

function checkForeignKeys(resource: Resource, all: Resource[], rows: Map<string, CheckedRows>, messages: DataMessage[]): void {
  const own = rows.get(resource.name)
  if (!own) return
  for (const fk of resource.schema.foreignKeys ?? []) {
    const target = fk.reference.resource === '' ? resource : all.find((r) => r.name === fk.reference.resource)
    if (!target) continue
    const fields = asList(fk.fields)
    const columns = fields.map((f) => columnOf(own.table, f))
    // A table without the key's columns has no rows left to check.
    if (own.rows.length === 0 || !columns.every((c) => c !== undefined)) continue
    const referenced = rows.get(target.name)
    const targetColumns = asList(fk.reference.fields).map((f) => referenced && columnOf(referenced.table, f))
    const keys = new Set(Array.from(referenced?.rows ?? [], (k) => targetColumns.map((c) => (c ? cellText(c, k) : '')).join('\u0000')))
    // Most rows repeat a few keys (a metric id, a region code): decide each distinct key once, by its cell codes.
    const { codes, cells } = keyCodes(columns)
    const textsOf = (key: number) => columns.map((c, i) => c.values[cells[key][i]].trim())
    const known = Uint8Array.from(cells, (_, key) => {
      const texts = textsOf(key)
      return texts.every((v) => v === '') || keys.has(texts.join('\u0000')) ? 1 : 0
    })
    const { kept, rejected } = splitRows(own.rows, codes, known)
    for (const k of rejected) {
      messages.push({ level: 'error', file: resource.path, line: own.table.lines[k], message: `${fields.join(', ')} ${textsOf(codes[k]).join(', ')} is not in ${target.path}` })
    }
    own.rows = kept
  }
}

/** Per row, one code for its cells in `columns` (text cells only) taken together, and per code those cells' codes. */
function keyCodes(columns: CsvColumn[]): { codes: Int32Array; cells: number[][] } {
  if (columns.length === 1) return { codes: columns[0].codes, cells: columns[0].values.map((_, c) => [c]) }
  const interner = new Interner()
  const codes = Int32Array.from(columns[0].codes, (_, k) => interner.code(columns.map((c) => c.codes[k]).join(',')))
  return { codes, cells: interner.values.map((key) => key.split(',').map(Number)) }
}

/** `rows` split by whether the code of each row is marked in `ok`; a small loop of its own, quick to compile. */
function splitRows(rows: Int32Array, codes: Int32Array, ok: Uint8Array): { kept: Int32Array; rejected: Int32Array } {
  const kept = new Int32Array(rows.length)
  const rejected: number[] = []
  let n = 0
  for (let r = 0; r < rows.length; r++) {
    const k = rows[r]
    if (ok[codes[k]] === 1) kept[n++] = k
    else rejected.push(k)
  }
  return { kept: kept.subarray(0, n), rejected: Int32Array.from(rejected) }
}

/** The region rows outside any parent cycle (A's parent B, B's parent A): each cycle is an error naming its rows. */
function withoutParentCycles(file: string, rows: CsvRow[], messages: DataMessage[]): CsvRow[] {
  const byCode = new Map(rows.map((row) => [row.values.code, row]))
  // 0 not seen, 1 on the chain being walked, 2 known to end at a root or outside the table.
  const state = new Map<string, number>()
  const inCycle = new Set<CsvRow>()
  for (const start of rows) {
    const chain: CsvRow[] = []
    let row: CsvRow | undefined = start
    while (row && !state.get(row.values.code)) {
      state.set(row.values.code, 1)
      chain.push(row)
      row = row.values.parent ? byCode.get(row.values.parent) : undefined
    }
    if (row && state.get(row.values.code) === 1) {
      const cycle = chain.slice(chain.indexOf(row))
      for (const r of cycle) inCycle.add(r)
      const lines = cycle.map((r) => r.line).sort((a, b) => a - b)
      const codes = [...cycle.map((r) => r.values.code), row.values.code].join(' → ')
      messages.push({ level: 'error', file, line: lines[0], message: `parent cycle ${codes} (lines ${lines.join(', ')}): these regions are not read` })
    }
    for (const r of chain) state.set(r.values.code, 2)
  }
  return rows.filter((row) => !inCycle.has(row))
}

function toRegion(row: CsvRow): Region {
  const v = row.values
  const region: Region = { code: v.code, name: v.name, level: v.level as RegionLevel, parent: v.parent || null, aliases: splitList(v.aliases) }
  return v.name_en ? { ...region, nameEn: v.name_en } : region
}

function checkMetrics(file: string, rows: CsvRow[], messages: DataMessage[]): Metric[] {
  const ids = new Set(rows.map((row) => row.values.id))
  return rows.flatMap((row) => {
    const v = row.values
    const aggregate = parseAggregate(v.aggregate)
    const error = (message: string) => messages.push({ level: 'error', file, line: row.line, message })
    if (aggregate.kind === 'ratio') {
      const unknown = [aggregate.numerator, aggregate.denominator].filter((id) => !ids.has(id))
      if (unknown.length > 0) return error(`aggregate refers to unknown metric ${unknown.join(', ')}`), []
    }
    if (v.kind === 'rate' && aggregate.kind === 'sum') return error('a rate cannot be summed across regions: use ratio:NUMERATOR/DENOMINATOR or none'), []
    const metric: Metric = {
      id: v.id,
      name: v.name,
      nameEn: v.name_en,
      unit: v.unit,
      kind: v.kind as MetricKind,
      temporal: v.temporal as Temporal,
      aggregate,
      category: v.category,
      definition: v.definition ?? '',
      aliases: splitList(v.aliases),
      target: v.target ? Number(v.target) : null,
    }
    return [metric]
  })
}

function parseAggregate(text: string): Aggregate {
  if (text === 'sum' || text === 'none') return { kind: text }
  const [numerator, denominator] = text.slice('ratio:'.length).split('/')
  return { kind: 'ratio', numerator, denominator }
}

function checkSources(file: string, rows: CsvRow[], texts: Record<string, string | null>, messages: DataMessage[], unreadable?: Record<string, string>) {
  const reports: Record<string, string> = {}
  const sources = rows.map((row): Source => {
    const v = row.values
    const problem = v.file ? packagePathProblem(v.file) : null
    if (problem) messages.push({ level: 'error', file, line: row.line, message: `report file: ${problem}; it is not read` })
    else if (v.file) {
      const text = texts[v.file] ?? null
      if (text === null) messages.push({ level: 'error', file, line: row.line, message: `report file ${v.file} ${cannotRead(unreadable?.[v.file])}` })
      else reports[v.id] = text
    }
    return { id: v.id, title: v.title, publication: v.publication ?? '', date: v.date, author: v.author ?? '', file: v.file ?? '', url: v.url ?? '', note: v.note ?? '' }
  })
  return { sources, reports }
}

/**
 * Checks the observation rows that passed their table's checks (periods, quotes, value ranges, conflicts) and
 * packs the accepted ones into columns, reading each distinct metric, period, source and quote once.
 */
function checkObservations(
  file: string,
  checked: CheckedRows | undefined,
  metrics: Metric[],
  sources: Source[],
  reports: Record<string, string>,
  messages: DataMessage[],
): ObservationColumns {
  const col = (name: string) => (checked ? columnOf(checked.table, name) : undefined)
  const [metric, region, period, value, qualifier, source] = ['metric', 'region', 'period', 'value', 'qualifier', 'source'].map(col)
  if (!checked || !metric || !region || !period || !value || !qualifier || !source) return toColumns([])
  const quote = col('quote') ?? { values: [''], codes: new Int32Array(checked.table.lines.length), numbers: null }
  const lines = checked.table.lines
  const metricById = new Map(metrics.map((m) => [m.id, m]))
  const fileBySource = new Map(sources.map((s) => [s.id, s.file]))
  // Decided per distinct cell, not per row: a metric is unknown (0), known (1) or a percentage (2); a period not yet
  // parsed (0), ISO (1) or not (-1).
  const metricState = metric.values.map((id) => (!metricById.has(id) ? 0 : metricById.get(id)!.unit === '%' ? 2 : 1))
  const periodOk = new Int8Array(period.values.length)
  const reportOf = source.values.map((id) => reports[id])
  const quoteIn = new Map<number, boolean>()
  const qualifierCode = qualifier.values.map((q) => QUALIFIERS.indexOf(q.trim() as Qualifier))

  const rows = checked.rows
  const kept = new Int32Array(rows.length)
  const values = new Float64Array(rows.length)
  const qualifiers = new Uint8Array(rows.length)
  let n = 0
  for (let r = 0; r < rows.length; r++) {
    const k = rows[r]
    const m = metric.codes[k]
    if (metricState[m] === 0) continue // its metric row was rejected, and says so
    const line = lines[k]
    const p = period.codes[k]
    if (periodOk[p] === 0) periodOk[p] = parsePeriod(period.values[p]) !== null ? 1 : -1
    if (periodOk[p] < 0) {
      messages.push({ level: 'error', file, line, message: `period "${clip(period.values[p])}" is not an ISO period (2024, 2024-Q4, 2024-12, 2024-12-31, 2022/2025-01)` })
      continue
    }
    const s = source.codes[k]
    const report = reportOf[s]
    if (report !== undefined) {
      const q = quote.codes[k]
      const text = quote.values[q]
      if (!text) {
        messages.push({ level: 'error', file, line, message: `quote is empty: source ${source.values[s]} ships its text, so the figure must quote it` })
        continue
      }
      const pair = q * source.values.length + s
      let found = quoteIn.get(pair)
      if (found === undefined) quoteIn.set(pair, (found = report.includes(text)))
      if (!found) {
        messages.push({ level: 'error', file, line, message: `quote "${clip(text)}" does not occur in ${fileBySource.get(source.values[s])}` })
        continue
      }
    }
    const v = value.codes[k] < 0 ? value.numbers![k] : Number(value.values[value.codes[k]])
    if (metricState[m] === 2 && (v < 0 || v > 100)) messages.push({ level: 'warning', file, line, message: `${metric.values[m]} ${v}% is outside 0–100` })
    kept[n] = k
    qualifiers[n] = qualifierCode[qualifier.codes[k]]
    values[n++] = v
  }
  const accepted: Accepted = { rows: kept.subarray(0, n), values: values.subarray(0, n), qualifiers: qualifiers.subarray(0, n) }
  reportConflicts(file, { metric, region, period, source }, accepted, lines, messages)
  return packColumns({ metric, region, period, source, quote }, accepted)
}

/** The accepted observation rows, with their values and qualifier codes (positions in `QUALIFIERS`). */
interface Accepted {
  rows: Int32Array
  values: Float64Array
  qualifiers: Uint8Array
}

type TextColumns<K extends string> = Record<K, CsvColumn>

/** The text of row `k`'s cell in a column without number cells. */
const textAt = (column: CsvColumn, k: number) => column.values[column.codes[k]]

/** Same metric, region and period with different values: warn on each later row, naming both sources. */
function reportConflicts(
  file: string,
  cols: TextColumns<'metric' | 'region' | 'period' | 'source'>,
  accepted: Accepted,
  lines: Int32Array,
  messages: DataMessage[],
): void {
  const { rows, values, qualifiers } = accepted
  const first = firstEqualRows([cols.metric, cols.region, cols.period], rows)
  for (let i = 0; i < rows.length; i++) {
    const e = first[i]
    if (e < 0 || (values[e] === values[i] && qualifiers[e] === qualifiers[i])) continue
    const k = rows[i]
    const what = `${textAt(cols.metric, k)} ${textAt(cols.region, k)} ${textAt(cols.period, k)}`
    messages.push({
      level: 'warning',
      file,
      line: lines[k],
      message: `conflict: ${what} is ${values[i]} (source ${textAt(cols.source, k)}) here and ${values[e]} (source ${textAt(cols.source, rows[e])}) at line ${lines[rows[e]]}; both are kept`,
    })
  }
}

/** The accepted rows as `ObservationColumns`, with only the strings they use. */
function packColumns(cols: TextColumns<'metric' | 'region' | 'period' | 'source' | 'quote'>, accepted: Accepted): ObservationColumns {
  const { rows, values, qualifiers } = accepted
  const strings = new Interner()
  const pack = ({ values: texts, codes }: CsvColumn) => {
    // The string code of each distinct cell, found on first use.
    const codeOf = new Int32Array(texts.length).fill(-1)
    const out = new Int32Array(rows.length)
    for (let i = 0; i < rows.length; i++) {
      const cell = codes[rows[i]]
      let code = codeOf[cell]
      if (code < 0) code = codeOf[cell] = strings.code(texts[cell])
      out[i] = code
    }
    return out
  }
  const metric = pack(cols.metric)
  const region = pack(cols.region)
  const period = pack(cols.period)
  const source = pack(cols.source)
  const quote = pack(cols.quote)
  return { strings: strings.values, metric, region, period, source, quote, qualifier: qualifiers.slice(), value: values.slice() }
}

function splitList(text: string | undefined): string[] {
  return (text ?? '').split('|').map((s) => s.trim()).filter(Boolean)
}

export { DESCRIPTOR }
