import { parsePeriod } from '@/domain/period'
import type { Aggregate, Dataset, Metric, MetricKind, Observation, Qualifier, Region, RegionLevel, Source, Temporal } from '@/domain/types'
import { parseCsv, type CsvRow } from './csv'
import { sortMessages, type DataMessage } from './messages'
import { asList, checkTable, clip, type TableSchema } from './tableSchema'

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
  const rows = new Map<string, CsvRow[]>()
  for (const resource of resources) {
    const text = raw.tables[resource.path] ?? null
    if (text === null) {
      messages.push({ level: 'error', file: resource.path, message: 'cannot be read' })
      rows.set(resource.name, [])
      continue
    }
    rows.set(resource.name, checkTable(resource.path, parseCsv(text), resource.schema, messages))
  }
  for (const resource of resources) checkForeignKeys(resource, resources, rows, messages)

  const fileOf = (name: string) => resources.find((r) => r.name === name)?.path ?? `${name}.csv`
  const regions = (rows.get('regions') ?? []).map(toRegion)
  const metrics = checkMetrics(fileOf('metrics'), rows.get('metrics') ?? [], messages)
  const { sources, reports } = checkSources(fileOf('sources'), rows.get('sources') ?? [], raw.reports, messages)
  const observations = checkObservations(fileOf('observations'), rows.get('observations') ?? [], metrics, sources, reports, messages)
  return { dataset: { regions, metrics, sources, observations, reports }, messages: sortMessages(messages) }
}

function checkForeignKeys(resource: Resource, all: Resource[], rows: Map<string, CsvRow[]>, messages: DataMessage[]): void {
  const own = rows.get(resource.name) ?? []
  for (const fk of resource.schema.foreignKeys ?? []) {
    const target = fk.reference.resource === '' ? resource : all.find((r) => r.name === fk.reference.resource)
    if (!target) continue
    const fields = asList(fk.fields)
    const targetFields = asList(fk.reference.fields)
    const keys = new Set((rows.get(target.name) ?? []).map((row) => targetFields.map((f) => row.values[f]).join('\u0000')))
    const kept = own.filter((row) => {
      const values = fields.map((f) => row.values[f].trim())
      if (values.every((v) => v === '')) return true
      if (keys.has(values.join('\u0000'))) return true
      messages.push({ level: 'error', file: resource.path, line: row.line, message: `${fields.join(', ')} ${values.join(', ')} is not in ${target.path}` })
      return false
    })
    rows.set(resource.name, kept)
    own.splice(0, own.length, ...kept)
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
  rows: CsvRow[],
  metrics: Metric[],
  sources: Source[],
  reports: Record<string, string>,
  messages: DataMessage[],
): Observation[] {
  const metricById = new Map(metrics.map((m) => [m.id, m]))
  const fileBySource = new Map(sources.map((s) => [s.id, s.file]))
  const kept: { obs: Observation; line: number }[] = []
  for (const row of rows) {
    const v = row.values
    const error = (message: string) => messages.push({ level: 'error', file, line: row.line, message })
    if (!metricById.has(v.metric)) continue // its metric row was rejected, and says so
    if (!parsePeriod(v.period)) {
      error(`period "${clip(v.period)}" is not an ISO period (2024, 2024-Q4, 2024-12, 2024-12-31, 2022/2025-01)`)
      continue
    }
    const report = reports[v.source]
    if (report !== undefined && !v.quote) {
      error(`quote is empty: source ${v.source} ships its text, so the figure must quote it`)
      continue
    }
    if (report !== undefined && !report.includes(v.quote)) {
      error(`quote "${clip(v.quote)}" does not occur in ${fileBySource.get(v.source)}`)
      continue
    }
    const obs: Observation = { metric: v.metric, region: v.region, period: v.period, value: Number(v.value), qualifier: v.qualifier as Qualifier, source: v.source, quote: v.quote ?? '' }
    if (metricById.get(v.metric)?.unit === '%' && (obs.value < 0 || obs.value > 100)) {
      messages.push({ level: 'warning', file, line: row.line, message: `${v.metric} ${obs.value}% is outside 0–100` })
    }
    kept.push({ obs, line: row.line })
  }
  reportConflicts(file, kept, messages)
  return kept.map((k) => k.obs)
}

/** Same metric, region and period with different values: warn on each later row, naming both sources. */
function reportConflicts(file: string, rows: { obs: Observation; line: number }[], messages: DataMessage[]): void {
  const first = new Map<string, { obs: Observation; line: number }>()
  for (const row of rows) {
    const { obs } = row
    const key = `${obs.metric}\u0000${obs.region}\u0000${obs.period}`
    const earlier = first.get(key)
    if (!earlier) {
      first.set(key, row)
      continue
    }
    if (earlier.obs.value === obs.value && earlier.obs.qualifier === obs.qualifier) continue
    messages.push({
      level: 'warning',
      file,
      line: row.line,
      message: `conflict: ${obs.metric} ${obs.region} ${obs.period} is ${obs.value} (source ${obs.source}) here and ${earlier.obs.value} (source ${earlier.obs.source}) at line ${earlier.line}; both are kept`,
    })
  }
}

function splitList(text: string | undefined): string[] {
  return (text ?? '').split('|').map((s) => s.trim()).filter(Boolean)
}

export { DESCRIPTOR }
