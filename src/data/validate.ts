import { parsePeriod } from '@/domain/period'
import type { Aggregate, Dataset, Metric, MetricKind, Observation, Qualifier, Region, RegionLevel, Source, Temporal } from '@/domain/types'
import { firstOccurrences } from '@/domain/columnar'
import { parseCsvColumns, type CsvColumns, type CsvRow } from './csv'
import { sortMessages, type DataMessage } from './messages'
import { asList, checkTable, clip, columnOf, type CheckedRows, type TableSchema } from './tableSchema'

/** The package's files as read from disk or the network; null where a file could not be read. */
export interface RawPackage {
  descriptor: string | null
  tables: Record<string, string | null>
  reports: Record<string, string | null>
}

/** A validated dataset (only rows that passed) and every located message. */
export interface ValidatedPackage {
  dataset: Dataset
  messages: DataMessage[]
}

interface Resource {
  name: string
  path: string
  schema: TableSchema
}

const DESCRIPTOR = 'datapackage.json'
const REQUIRED = ['regions', 'metrics', 'sources', 'observations'] as const

/** Parses the descriptor and lists its resources, or explains why it cannot. */
export function parseDescriptor(text: string | null, messages: DataMessage[]): Resource[] {
  if (text === null) {
    messages.push({ level: 'error', file: DESCRIPTOR, message: 'cannot be read' })
    return []
  }
  let json: { resources?: Resource[] }
  try {
    json = JSON.parse(text)
  } catch (e) {
    messages.push({ level: 'error', file: DESCRIPTOR, message: `is not valid JSON (${(e as Error).message})` })
    return []
  }
  const resources = Array.isArray(json.resources) ? json.resources.filter((r) => r && typeof r.path === 'string' && r.schema) : []
  for (const name of REQUIRED) {
    if (!resources.some((r) => r.name === name)) messages.push({ level: 'error', file: DESCRIPTOR, message: `resource ${name} is missing` })
  }
  return resources
}

/** Validates a whole package: schemas, keys, periods, quotes against report texts, conflicts. */
export function validatePackage(raw: RawPackage): ValidatedPackage {
  const messages: DataMessage[] = []
  const resources = parseDescriptor(raw.descriptor, messages)
  const rows = new Map<string, CheckedRows>()
  for (const resource of resources) {
    const text = raw.tables[resource.path] ?? null
    if (text === null) {
      messages.push({ level: 'error', file: resource.path, message: 'cannot be read' })
      rows.set(resource.name, { table: EMPTY_TABLE, rows: [] })
      continue
    }
    rows.set(resource.name, checkTable(resource.path, parseCsvColumns(text), resource.schema, messages))
  }
  for (const resource of resources) checkForeignKeys(resource, resources, rows, messages)

  const fileOf = (name: string) => resources.find((r) => r.name === name)?.path ?? `${name}.csv`
  const recordsOf = (name: string) => toRecords(rows.get(name))
  const regions = recordsOf('regions').map(toRegion)
  const metrics = checkMetrics(fileOf('metrics'), recordsOf('metrics'), messages)
  const { sources, reports } = checkSources(fileOf('sources'), recordsOf('sources'), raw.reports, messages)
  const observations = checkObservations(fileOf('observations'), rows.get('observations'), metrics, sources, reports, messages)
  return { dataset: { regions, metrics, sources, observations, reports }, messages: sortMessages(messages) }
}

const EMPTY_TABLE: CsvColumns = { header: [], columns: [], lines: [], problems: [] }

/** Rows as records keyed by field: fine for the small tables (regions, metrics, sources). */
function toRecords(checked: CheckedRows | undefined): CsvRow[] {
  if (!checked) return []
  const { header, columns, lines } = checked.table
  return checked.rows.map((k) => ({ line: lines[k], values: Object.fromEntries(header.map((name, j) => [name, columns[j][k]])) }))
}

function checkForeignKeys(resource: Resource, all: Resource[], rows: Map<string, CheckedRows>, messages: DataMessage[]): void {
  const own = rows.get(resource.name)
  if (!own) return
  for (const fk of resource.schema.foreignKeys ?? []) {
    const target = fk.reference.resource === '' ? resource : all.find((r) => r.name === fk.reference.resource)
    if (!target) continue
    const fields = asList(fk.fields)
    const cells = fields.map((f) => columnOf(own.table, f) ?? [])
    const referenced = rows.get(target.name)
    const targetCells = asList(fk.reference.fields).map((f) => (referenced && columnOf(referenced.table, f)) || [])
    const keys = new Set((referenced?.rows ?? []).map((k) => targetCells.map((c) => c[k]).join('\u0000')))
    // Most rows repeat a few keys (a metric id, a region code): decide each distinct key once.
    const verdicts = new Map<string, boolean>()
    own.rows = own.rows.filter((k) => {
      const values = fields.length === 1 ? [cells[0][k]] : cells.map((c) => c[k])
      const joined = values.join('\u0000')
      let ok = verdicts.get(joined)
      if (ok === undefined) {
        const trimmed = values.map((v) => v.trim())
        ok = trimmed.every((v) => v === '') || keys.has(trimmed.join('\u0000'))
        verdicts.set(joined, ok)
      }
      if (!ok) messages.push({ level: 'error', file: resource.path, line: own.table.lines[k], message: `${fields.join(', ')} ${values.map((v) => v.trim()).join(', ')} is not in ${target.path}` })
      return ok
    })
  }
}

function toRegion(row: CsvRow): Region {
  const v = row.values
  return { code: v.code, name: v.name, level: v.level as RegionLevel, parent: v.parent || null, aliases: splitList(v.aliases) }
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

function checkSources(file: string, rows: CsvRow[], texts: Record<string, string | null>, messages: DataMessage[]) {
  const reports: Record<string, string> = {}
  const sources = rows.map((row): Source => {
    const v = row.values
    if (v.file) {
      const text = texts[v.file] ?? null
      if (text === null) messages.push({ level: 'error', file, line: row.line, message: `report file ${v.file} cannot be read` })
      else reports[v.id] = text
    }
    return { id: v.id, title: v.title, publication: v.publication ?? '', date: v.date, author: v.author ?? '', file: v.file ?? '', url: v.url ?? '', note: v.note ?? '' }
  })
  return { sources, reports }
}

function checkObservations(
  file: string,
  checked: CheckedRows | undefined,
  metrics: Metric[],
  sources: Source[],
  reports: Record<string, string>,
  messages: DataMessage[],
): Observation[] {
  if (!checked || checked.rows.length === 0) return []
  const { table } = checked
  const col = (name: string) => columnOf(table, name) ?? []
  const [metric, region, period, value, qualifier, source, quote] = ['metric', 'region', 'period', 'value', 'qualifier', 'source', 'quote'].map(col)
  const metricById = new Map(metrics.map((m) => [m.id, m]))
  const fileBySource = new Map(sources.map((s) => [s.id, s.file]))
  // Periods repeat across rows: parse each distinct text once.
  const periodOk = new Map<string, boolean>()
  const kept: number[] = []
  const out: Observation[] = []
  for (const k of checked.rows) {
    const m = metric[k]
    const p = period[k]
    const s = source[k]
    const q = quote[k] ?? ''
    const line = table.lines[k]
    if (!metricById.has(m)) continue // its metric row was rejected, and says so
    let ok = periodOk.get(p)
    if (ok === undefined) periodOk.set(p, (ok = parsePeriod(p) !== null))
    if (!ok) {
      messages.push({ level: 'error', file, line, message: `period "${clip(p)}" is not an ISO period (2024, 2024-Q4, 2024-12, 2024-12-31, 2022/2025-01)` })
      continue
    }
    const report = reports[s]
    if (report !== undefined && !q) {
      messages.push({ level: 'error', file, line, message: `quote is empty: source ${s} ships its text, so the figure must quote it` })
      continue
    }
    if (report !== undefined && !report.includes(q)) {
      messages.push({ level: 'error', file, line, message: `quote "${clip(q)}" does not occur in ${fileBySource.get(s)}` })
      continue
    }
    const obs: Observation = { metric: m, region: region[k], period: p, value: Number(value[k]), qualifier: qualifier[k] as Qualifier, source: s, quote: q }
    if (metricById.get(m)?.unit === '%' && (obs.value < 0 || obs.value > 100)) {
      messages.push({ level: 'warning', file, line, message: `${m} ${obs.value}% is outside 0–100` })
    }
    kept.push(k)
    out.push(obs)
  }
  reportConflicts(file, out, kept.map((k) => table.lines[k]), firstOccurrences([metric, region, period], kept), messages)
  return out
}

/** Same metric, region and period with different values: warn on each later row, naming both sources. */
function reportConflicts(file: string, observations: Observation[], lines: number[], first: Int32Array, messages: DataMessage[]): void {
  for (let i = 0; i < observations.length; i++) {
    const earlierAt = first[i]
    if (earlierAt < 0) continue
    const obs = observations[i]
    const earlier = observations[earlierAt]
    if (earlier.value === obs.value && earlier.qualifier === obs.qualifier) continue
    messages.push({
      level: 'warning',
      file,
      line: lines[i],
      message: `conflict: ${obs.metric} ${obs.region} ${obs.period} is ${obs.value} (source ${obs.source}) here and ${earlier.value} (source ${earlier.source}) at line ${lines[earlierAt]}; both are kept`,
    })
  }
}

function splitList(text: string | undefined): string[] {
  return (text ?? '').split('|').map((s) => s.trim()).filter(Boolean)
}

export { DESCRIPTOR }
