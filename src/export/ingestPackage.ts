import type { Aggregate, Metric, Observation, Source, UserBatch } from '@/domain/types'

type Row = Record<string, string | number | null>

/** Column order of data/datapackage.json, so exported rows append to the package's files as they are. */
export const COLUMNS = {
  observations: ['metric', 'region', 'period', 'value', 'qualifier', 'source', 'quote'],
  sources: ['id', 'title', 'publication', 'date', 'author', 'file', 'url', 'note'],
  metrics: ['id', 'name', 'name_en', 'unit', 'kind', 'temporal', 'aggregate', 'category', 'definition', 'aliases', 'target'],
} as const

/**
 * Columns a person types freely, whose leading = + - @ a spreadsheet would run as a formula. Codes, ids,
 * periods, numbers and the qualifier (=, >=, ~, <= by schema) are left alone: escaping them would change them.
 */
const FREE_TEXT = new Set(['quote', 'title', 'publication', 'author', 'url', 'note', 'name', 'name_en', 'unit', 'category', 'definition', 'aliases'])

/** One CSV cell: a free-text cell starting with = + - @ gets a leading ', then quoting where needed. */
export function csvCell(value: string | number | null, column: string): string {
  let s = value === null ? '' : String(value)
  if (FREE_TEXT.has(column) && /^[=+\-@]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** CSV text with a header row, in the given column order. */
export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? '', c)).join(','))].join('\n') + '\n'
}

function aggregateText(a: Aggregate): string {
  return a.kind === 'ratio' ? `ratio:${a.numerator}/${a.denominator}` : a.kind
}

const metricRow = (m: Metric): Row => ({
  id: m.id, name: m.name, name_en: m.nameEn, unit: m.unit, kind: m.kind, temporal: m.temporal,
  aggregate: aggregateText(m.aggregate), category: m.category, definition: m.definition, aliases: m.aliases.join('|'), target: m.target,
})

const observationRow = (o: Observation): Row => ({ ...o })
const sourceRow = (s: Source): Row => ({ ...s })

/**
 * The package files of the user's reviewed reports: observations.csv, sources.csv, metrics.csv (only the
 * metrics the user created) and reports/<source id>.txt with each original text, ready to merge into data/.
 */
export function ingestPackageFiles(batches: readonly UserBatch[]): Record<string, string> {
  // Two reports may use the same created metric; the catalogue lists it once.
  const metrics = [...new Map(batches.flatMap((b) => b.metrics).map((m) => [m.id, m])).values()]
  const files: Record<string, string> = {
    'observations.csv': toCsv(COLUMNS.observations, batches.flatMap((b) => b.observations).map(observationRow)),
    'sources.csv': toCsv(COLUMNS.sources, batches.flatMap((b) => b.sources).map(sourceRow)),
    'metrics.csv': toCsv(COLUMNS.metrics, metrics.map(metricRow)),
  }
  for (const b of batches) {
    for (const s of b.sources) if (s.file && b.reports[s.id] !== undefined) files[s.file] = b.reports[s.id]
  }
  return files
}

/** The files as one ZIP; JSZip loads only when the user exports. */
export async function zipFiles(files: Record<string, string>): Promise<Blob> {
  const { default: JSZip } = await import('jszip')
  const zip = new JSZip()
  for (const [path, text] of Object.entries(files)) zip.file(path, text)
  return zip.generateAsync({ type: 'blob', mimeType: 'application/zip' })
}
