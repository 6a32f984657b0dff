import { parseCsv, withCsvFallback } from './csv'
import { parseDescriptor, validatePackage, validatePackageColumns, DESCRIPTOR, type ColumnarPackage, type RawPackage, type ValidatedPackage } from './validate'

/** Reads one package file by its path relative to the package root; null when it is missing or unreadable. */
export type ReadText = (path: string) => Promise<string | null>

/** Reads the descriptor, every table it lists, and the report texts that sources.csv names. */
export async function readPackage(read: ReadText): Promise<RawPackage> {
  const descriptor = await read(DESCRIPTOR)
  const resources = parseDescriptor(descriptor, [])
  const tables: Record<string, string | null> = {}
  await Promise.all(resources.map(async (r) => (tables[r.path] = await read(r.path))))
  const sourcesPath = resources.find((r) => r.name === 'sources')?.path
  const sourcesText = sourcesPath ? tables[sourcesPath] : null
  const files = sourcesText ? (await withCsvFallback(() => parseCsv(sourcesText))).rows.map((row) => row.values.file).filter(Boolean) : []
  const reports: Record<string, string | null> = {}
  await Promise.all(files.map(async (file) => (reports[file] = await read(file))))
  return { descriptor, tables, reports }
}

/** Reads and validates a package. Never throws for bad data: problems come back as located messages. */
export async function loadPackage(read: ReadText): Promise<ValidatedPackage> {
  const raw = await readPackage(read)
  return withCsvFallback(() => validatePackage(raw))
}

/** Like `loadPackage`, with the observations as columns (`validatePackageColumns`): no object per row. */
export async function loadPackageColumns(read: ReadText): Promise<ColumnarPackage> {
  const raw = await readPackage(read)
  return withCsvFallback(() => validatePackageColumns(raw))
}

/** Reads package files over HTTP from the page's own origin (no other origin is ever asked). */
export function fetchReader(baseUrl: string): ReadText {
  return async (path) => {
    try {
      const response = await fetch(new URL(path, baseUrl))
      return response.ok ? await response.text() : null
    } catch {
      return null
    }
  }
}
