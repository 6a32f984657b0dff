import { RegionTree } from '@/domain/regions'
import type { Source, UserBatch } from '@/domain/types'
import { matchColumns, type ColumnMapping } from './columns'
import { decodeBytes, isZip, looksBig5 } from './decode'
import { validateRows, type ImportData, type ImportResult } from './rows'
import { parseDelimited, type Progress, type RawTable } from './table'
import { openXlsx } from './xlsx'

export type { ImportData } from './rows'

/** How to read the file: a sheet of a workbook, a column mapping chosen by the user, a progress callback. */
export interface ImportOptions {
  sheet?: string
  mapping?: ColumnMapping
  onProgress?: Progress
}

/** One read of a file: its encoding or sheets, its header, the mapping used, and the checked rows. */
export interface ImportRun {
  fileName: string
  encoding?: string
  sheets: string[]
  sheet?: string
  header: string[]
  mapping: ColumnMapping
  result: ImportResult
}

/** Largest file read; beyond it the import refuses with a message instead of exhausting the tab's memory. */
export const MAX_BYTES = 200 * 1024 * 1024

/** The run of a file refused before reading, for its size: a message, no rows. */
export function tooBigRun(fileName: string, size: number): ImportRun {
  return refusedRun(fileName, 'tooBig', { size: Math.round(size / 1048576), max: MAX_BYTES / 1048576 })
}

/** A run refused before reading: one whole-file problem, no rows. */
export function refusedRun(fileName: string, code: string, params: Record<string, string | number>): ImportRun {
  const problem = { level: 'error' as const, code, params }
  const result: ImportResult = { observations: [], lines: [], problems: [problem], unknownMetrics: [], sources: [], metrics: [], rowCount: 0 }
  return { fileName, sheets: [], header: [], mapping: matchColumns([]), result }
}

/** Reads CSV (UTF-8 or GBK) or XLSX bytes and checks every row. Never throws for bad input: problems are located. */
export async function importBytes(bytes: Uint8Array, fileName: string, data: ImportData, options: ImportOptions = {}): Promise<ImportRun> {
  if (bytes.length > MAX_BYTES) return tooBigRun(fileName, bytes.length)
  const { table, encoding, sheets, sheet } = await readTable(bytes, options)
  const mapping = options.mapping ?? matchColumns(table.header)
  const ctx = { ...data, tree: new RegionTree(data.regions) }
  const result = validateRows(table, mapping, ctx, options.onProgress && ((f) => options.onProgress!(0.5 + f / 2)))
  return { fileName, encoding, sheets, sheet, header: table.header, mapping, result }
}

async function readTable(bytes: Uint8Array, options: ImportOptions): Promise<{ table: RawTable; encoding?: string; sheets: string[]; sheet?: string }> {
  const whole = (code: string) => ({ table: { header: [], rows: [], problems: [{ level: 'error' as const, code, params: {} }] }, sheets: [] })
  if (isZip(bytes)) {
    try {
      const book = await openXlsx(bytes)
      const sheet = options.sheet ?? book.firstVisible
      return { table: book.read(sheet), sheets: book.sheets, sheet }
    } catch (e) {
      const table: RawTable = { header: [], rows: [], problems: [{ level: 'error', code: 'xlsx', params: { detail: e instanceof Error ? e.message : String(e) } }] }
      return { table, sheets: [] }
    }
  }
  const decoded = decodeBytes(bytes)
  if ('problem' in decoded) return whole(decoded.problem)
  const onProgress = options.onProgress
  const table = parseDelimited(decoded.text, onProgress && ((f) => onProgress(f / 2)))
  // Big5 is read right but said: its traditional names may differ from the gazetteer's. Bytes that look like
  // neither Big5 nor common GBK may be mojibake: a person should see which encoding was guessed.
  if (decoded.encoding === 'big5') table.problems.unshift({ level: 'warning', code: 'big5', params: {} })
  else if (decoded.encoding === 'gb18030' && looksBig5(bytes)) table.problems.unshift({ level: 'warning', code: 'encodingDoubt', params: { encoding: 'GB18030' } })
  return { table, encoding: decoded.encoding, sheets: [] }
}

/** The source standing for an imported file: rows without a source cell cite it. */
export function fileSourceFor(fileName: string, batchId: string, createdAt: string): Source {
  return { id: batchId, title: fileName, publication: '', date: createdAt.slice(0, 10), author: '', file: '', url: '', note: 'imported' }
}

/** The batch that applying a checked import adds: its accepted rows, new sources and created metrics. */
export function toBatch(run: ImportRun, id: string, createdAt: string): UserBatch {
  const { observations, sources, metrics } = run.result
  return { id, kind: 'import', name: run.fileName, createdAt, observations, sources, metrics, reports: {} }
}
