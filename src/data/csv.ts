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

/**
 * A CSV table held by column: `columns[j][k]` is the cell of field `header[j]` in data row k, which starts on
 * file line `lines[k]`. A million rows make seven arrays, not a million objects; repeated cells share one string.
 */
export interface CsvColumns {
  header: string[]
  columns: string[][]
  lines: number[]
  problems: { line: number; message: string }[]
}

/** Parses UTF-8 CSV text with a header row, keeping each row's starting line for located messages. */
export function parseCsv(text: string): CsvTable {
  const { header, columns, lines, problems } = parseCsvColumns(text)
  const rows = lines.map((line, k): CsvRow => {
    const values: Record<string, string> = {}
    header.forEach((name, j) => (values[name] = columns[j][k]))
    return { line, values }
  })
  return { header, rows, problems }
}

/** Like `parseCsv`, by column: the form the validator reads large tables in. */
export function parseCsvColumns(text: string): CsvColumns {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  // Well-formed files (nearly all) take a fast scanner; anything odd goes to papaparse for its exact messages.
  return (body.includes('"') ? scanCsv(body) : scanPlain(body)) ?? parseWithPapa(body)
}

const QUOTE = 34
const COMMA = 44
const LF = 10
const CR = 13
/** Slots of the per-column table of shared cells; a column with more distinct cells stops sharing. */
const SLOTS = 4096

/** Collects rows into columns, sharing repeated cells so a million rows keep a few thousand strings. */
class ColumnBuilder {
  readonly table: CsvColumns = { header: [], columns: [], lines: [], problems: [] }
  /** Per column, earlier cells by a hash of their characters; null once the column proves mostly unique. */
  private shared: ((string | undefined)[] | null)[] = []
  private added: number[] = []
  private count = 0

  /** `expected` rows are allocated up front: growing seven million-slot arrays by doubling churns the heap. */
  constructor(private readonly expected = 0) {}

  add(line: number, cells: string[]): void {
    const t = this.table
    if (cells.length === 1 && cells[0] === '') return
    if (t.header.length === 0) {
      t.header = cells.map((cell) => cell.trim())
      t.columns = t.header.map(() => new Array<string>(this.expected))
      t.lines = new Array<number>(this.expected)
      this.shared = t.header.map(() => new Array<string | undefined>(SLOTS))
      this.added = t.header.map(() => 0)
      return
    }
    if (cells.length !== t.header.length) {
      t.problems.push({ line, message: `expected ${t.header.length} fields, found ${cells.length}` })
      return
    }
    const k = this.count++
    for (let j = 0; j < cells.length; j++) t.columns[j][k] = cells[j]
    t.lines[k] = line
  }

  /** The table, its arrays cut to the rows actually read. */
  finish(): CsvColumns {
    for (const column of this.table.columns) column.length = this.count
    this.table.lines.length = this.count
    return this.table
  }

  /** Like `cell`, trying the same column's cell of the row before first (sorted files repeat it). */
  cellAfter(j: number, body: string, from: number, to: number): string {
    const prev = this.count > 0 ? this.table.columns[j][this.count - 1] : undefined
    if (prev !== undefined && prev.length === to - from && body.startsWith(prev, from)) return prev
    if (!this.shared[j]) return own(body, from, to)
    let hash = 0
    for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + body.charCodeAt(i)) | 0
    return this.cell(j, body, from, to, hash)
  }

  /** The cell `body[from, to)` of column `j`, reusing an earlier equal string instead of slicing a new one. */
  cell(j: number, body: string, from: number, to: number, hash: number): string {
    const slots = this.shared[j]
    if (!slots) return own(body, from, to)
    const slot = hash & (SLOTS - 1)
    const known = slots[slot]
    if (known !== undefined && known.length === to - from && body.startsWith(known, from)) return known
    const cell = own(body, from, to)
    slots[slot] = cell
    if (++this.added[j] > SLOTS) this.shared[j] = null
    return cell
  }
}

/**
 * A file without quotes: rows end at `\n` (or `\r\n`), cells at commas, found with native `indexOf`.
 * Returns null on a bare `\r`, which papaparse may read as a line end.
 */
function scanPlain(body: string): CsvColumns | null {
  const out = new ColumnBuilder(countNewlines(body, 0, body.length) + 1)
  const n = body.length
  const cells: string[] = []
  let i = 0
  let line = 1
  // Found once and moved on only when passed: searching per row would rescan the rest of the file each time.
  let cr = body.indexOf('\r')
  while (i < n) {
    let nl = body.indexOf('\n', i)
    if (nl < 0) nl = n
    const end = nl > i && body.charCodeAt(nl - 1) === CR ? nl - 1 : nl
    if (cr >= 0 && cr < end) return null
    if (cr === end) cr = body.indexOf('\r', nl)
    cells.length = 0
    const width = out.table.header.length
    for (;;) {
      let comma = body.indexOf(',', i)
      if (comma < 0 || comma > end) comma = end
      const j = cells.length
      cells.push(j < width ? out.cellAfter(j, body, i, comma) : own(body, i, comma))
      i = comma + 1
      if (comma === end) break
    }
    out.add(line, cells)
    i = nl + 1
    line++
  }
  return out.finish()
}

/**
 * RFC 4180 with `\n` or `\r\n` line ends, in one pass over the text with no per-character callbacks.
 * Returns null at the first irregularity (a stray quote, an unterminated quote, a bare `\r`).
 */
function scanCsv(body: string): CsvColumns | null {
  const out = new ColumnBuilder()
  const n = body.length
  const cells: string[] = []
  let i = 0
  let line = 1
  while (i < n) {
    const rowLine = line
    cells.length = 0
    for (;;) {
      if (body.charCodeAt(i) === QUOTE) {
        let value = ''
        let from = ++i
        for (;;) {
          const q = body.indexOf('"', i)
          if (q < 0) return null
          line += countNewlines(body, i, q)
          if (body.charCodeAt(q + 1) === QUOTE) {
            value += own(body, from, q + 1)
            i = from = q + 2
            continue
          }
          value += own(body, from, q)
          i = q + 1
          break
        }
        cells.push(value)
      } else {
        let end = i
        let hash = 0
        while (end < n) {
          const c = body.charCodeAt(end)
          if (c === COMMA || c === LF) break
          if (c === QUOTE) return null
          if (c === CR && body.charCodeAt(end + 1) !== LF) return null
          hash = (Math.imul(hash, 31) + c) | 0
          end++
        }
        const cut = end > i && body.charCodeAt(end - 1) === CR ? end - 1 : end
        // The header row has no columns yet; a ragged row's extra cells have none either.
        const j = cells.length
        cells.push(out.table.header.length > j && cut === end ? out.cell(j, body, i, cut, hash) : own(body, i, cut))
        i = end
      }
      const c = body.charCodeAt(i)
      if (c === COMMA) {
        i++
        continue
      }
      if (c === CR && body.charCodeAt(i + 1) === LF) i++
      else if (i < n && c !== LF) return null
      break
    }
    out.add(rowLine, cells)
    if (i < n) {
      i++
      line++
    }
  }
  return out.finish()
}

function parseWithPapa(body: string): CsvColumns {
  const out = new ColumnBuilder()
  let cursor = 0
  let line = 1
  Papa.parse<string[]>(body, {
    delimiter: ',',
    skipEmptyLines: false,
    step(result) {
      const rowLine = line
      line += countNewlines(body, cursor, result.meta.cursor)
      cursor = result.meta.cursor
      for (const error of result.errors) out.table.problems.push({ line: rowLine, message: error.message })
      out.add(rowLine, result.data)
    },
  })
  return out.finish()
}

/**
 * `body.slice(from, to)` as a string of its own: V8 makes longer slices views into the whole file, so one
 * kept cell (a metric id, a quote) would keep the whole CSV text alive. Concatenating first forces a copy.
 */
function own(body: string, from: number, to: number): string {
  return to - from < 13 ? body.slice(from, to) : (' ' + body.slice(from, to)).slice(1)
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++
  return count
}
