import { parseCsv } from '@/data/csv'
import { parseDescriptor, type RawPackage } from '@/data/validate'
import type { UserBatch } from '@/domain/types'
import { csvCell, packageRows } from './writeCsv'

const asText = (file: string | Uint8Array | null | undefined) => (file === null || file === undefined ? '' : typeof file === 'string' ? file : new TextDecoder().decode(file))

/**
 * The package with a batch's rows appended to its tables: every base file stays byte for byte (rows the validator
 * would reject and columns the writer does not know included), and new rows follow each table's own header.
 */
export function appendBatch(raw: RawPackage, batch: UserBatch): RawPackage {
  const resources = parseDescriptor(raw.descriptor, [])
  const added = packageRows({ regions: [], metrics: batch.metrics, sources: batch.sources, observations: batch.observations })
  const tables = { ...raw.tables }
  for (const [name, rows] of Object.entries(added)) {
    const path = resources.find((r) => r.name === name)?.path
    if (!path || rows.length === 0) continue
    tables[path] = appendRows(asText(tables[path]), rows)
  }
  const reports = { ...raw.reports }
  for (const source of batch.sources) if (source.file && batch.reports[source.id] !== undefined) reports[source.file] = batch.reports[source.id]
  return { descriptor: raw.descriptor, tables, reports }
}

/** The CSV text with rows added in the order of its header; a column the rows lack stays empty. */
function appendRows(text: string, rows: readonly Record<string, string | number | null | undefined>[]): string {
  const end = text.indexOf('\n')
  const header = parseCsv(end < 0 ? text : text.slice(0, end + 1)).header
  const newline = end > 0 && text[end - 1] === '\r' ? '\r\n' : '\n'
  const lines = rows.map((r) => header.map((h) => csvCell(r[h])).join(','))
  const base = text === '' || text.endsWith('\n') ? text : text + newline
  return base + lines.map((l) => l + newline).join('')
}
