import Papa from 'papaparse'

/** A CSV data row keyed by header, with the file line it starts on (quoted fields may span lines). */
export interface CsvRow {
  line: number
  values: Record<string, string>
}

/** A CSV table: its header and rows, plus located structural problems (ragged rows, open quotes). */
export interface CsvTable {
  header: string[]
  rows: CsvRow[]
  problems: { line: number; message: string }[]
}

/** Parses UTF-8 CSV text with a header row, keeping each row's starting line for located messages. */
export function parseCsv(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const table: CsvTable = { header: [], rows: [], problems: [] }
  let cursor = 0
  let line = 1
  Papa.parse<string[]>(body, {
    delimiter: ',',
    skipEmptyLines: false,
    step(result) {
      const rowLine = line
      line += countNewlines(body, cursor, result.meta.cursor)
      cursor = result.meta.cursor
      const cells = result.data
      for (const error of result.errors) table.problems.push({ line: rowLine, message: error.message })
      if (cells.length === 1 && cells[0] === '') return
      if (table.header.length === 0) {
        table.header = cells.map((cell) => cell.trim())
        return
      }
      if (cells.length !== table.header.length) {
        table.problems.push({ line: rowLine, message: `expected ${table.header.length} fields, found ${cells.length}` })
        return
      }
      const values: Record<string, string> = {}
      table.header.forEach((name, i) => (values[name] = cells[i]))
      table.rows.push({ line: rowLine, values })
    },
  })
  return table
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++
  return count
}
