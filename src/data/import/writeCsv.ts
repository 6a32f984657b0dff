import type { Dataset, Metric } from '@/domain/types'

/** One CSV cell: quoted when it holds a delimiter, quote, line break or edge spaces. */
export function csvCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** A CSV text (header row, LF line ends) from rows keyed by header. */
export function toCsvText(header: readonly string[], rows: readonly Record<string, string | number | null | undefined>[]): string {
  return [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\n') + '\n'
}

const aggregateText = (m: Metric) => (m.aggregate.kind === 'ratio' ? `ratio:${m.aggregate.numerator}/${m.aggregate.denominator}` : m.aggregate.kind)

type Row = Record<string, string | number | null | undefined>

/** The rows of the four tables, keyed by column name, by resource name. */
export function packageRows(data: Pick<Dataset, 'regions' | 'metrics' | 'sources' | 'observations'>): Record<'regions' | 'metrics' | 'sources' | 'observations', Row[]> {
  return {
    regions: data.regions.map((r) => ({ ...r, name_en: r.nameEn ?? '', aliases: r.aliases.join('|') })),
    metrics: data.metrics.map((m) => ({ ...m, name_en: m.nameEn, aggregate: aggregateText(m), aliases: m.aliases.join('|') })),
    sources: data.sources.map((s) => ({ ...s })),
    observations: data.observations.map((o) => ({ ...o })),
  }
}

/** The four tables of a data package, as CSV text by file name, in the columns datapackage.json declares. */
export function packageTables(data: Dataset): Record<string, string> {
  const rows = packageRows(data)
  return {
    'regions.csv': toCsvText(['code', 'name', 'name_en', 'level', 'parent', 'aliases'], rows.regions),
    'metrics.csv': toCsvText(['id', 'name', 'name_en', 'unit', 'kind', 'temporal', 'aggregate', 'category', 'definition', 'aliases', 'target'], rows.metrics),
    'sources.csv': toCsvText(['id', 'title', 'publication', 'date', 'author', 'file', 'url', 'note'], rows.sources),
    'observations.csv': toCsvText(['metric', 'region', 'period', 'value', 'qualifier', 'source', 'quote'], rows.observations),
  }
}
