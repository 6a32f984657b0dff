import Papa from 'papaparse'
import type { ImportProblem } from './problems'

/** One data row of an imported table with the line (CSV) or row number (sheet) a person sees it on. */
export interface RawRow {
  line: number
  cells: string[]
}

/** An imported table before its columns are understood: header, rows and structural problems. */
export interface RawTable {
  header: string[]
  rows: RawRow[]
  problems: ImportProblem[]
  /** Cells a sheet holds as numbers, as `line:column index` (XLSX only): 2024.1 there may be 2024.10 unformatted. */
  numeric?: Set<string>
  /** The delimiter used (CSV only). */
  delimiter?: string
}

/** Called now and then with the share of the input read so far (0–1). */
export type Progress = (fraction: number) => void

const DELIMITERS = [',', '\t', ';', '，']

/** The delimiter that splits the first line into the most fields outside quotes (comma when none does). */
function detectDelimiter(text: string): string {
  const end = text.indexOf('\n')
  const first = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '')
  let best = ','
  let most = 0
  for (const d of DELIMITERS) {
    const n = first.split(d).length - 1
    if (n > most) [best, most] = [d, n]
  }
  return best
}

/** Parses CSV/TSV text with a header row; ragged rows and broken quotes become located problems, not rows. */
export function parseDelimited(text: string, onProgress?: Progress): RawTable {
  // Papa takes the first line's break for the whole file: a file mixing \r\n and \n (rows pasted from another
  // file) would come out ragged. One kind of break keeps the line numbers: each \r\n, \r or \n ends one line.
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n')
  const delimiter = detectDelimiter(body)
  const table: RawTable = { header: [], rows: [], problems: [], delimiter }
  let cursor = 0
  let line = 1
  let nextReport = 0
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step(result) {
      const rowLine = line
      line += countNewlines(body, cursor, result.meta.cursor)
      cursor = result.meta.cursor
      if (onProgress && cursor >= nextReport) {
        onProgress(cursor / body.length)
        nextReport = cursor + (1 << 20)
      }
      const cells = result.data
      for (const e of result.errors) table.problems.push({ level: 'error', line: rowLine, code: 'csv', params: { detail: e.message } })
      if (result.errors.length > 0) return
      if (cells.every((c) => c.trim() === '')) return
      if (table.header.length === 0) {
        table.header = cells.map((c) => c.trim())
        return
      }
      if (cells.length !== table.header.length) {
        table.problems.push({ level: 'error', line: rowLine, code: 'ragged', params: { expected: table.header.length, found: cells.length } })
        return
      }
      table.rows.push({ line: rowLine, cells })
    },
  })
  return table
}

/** Line breaks in text[from, to): CRLF, LF, or a lone CR (old Mac files) each end one line. */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++
  }
  return count
}
