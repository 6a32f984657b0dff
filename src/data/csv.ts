import type Papa from 'papaparse'
import { typedLike } from '@/domain/columnar'

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
 * One column of a table held by column: each distinct cell once, and per data row a code into them. A column
 * read as numbers keeps plain numbers in `numbers` with code -1, and its other cells (empty, not a number) as text.
 */
export interface CsvColumn {
  /** The distinct cells, in order of first appearance. */
  values: string[]
  /** Per data row, the position of its cell in `values`, or -1 where `numbers` holds it. */
  codes: Int32Array
  /** Per data row, the cell as a number where its code is -1; only in columns read as numbers. */
  numbers: Float64Array | null
}

/**
 * A CSV table held by column: data row k has cell `columns[j]` (see `CsvColumn`) of field `header[j]` and starts
 * on file line `lines[k]`. A million rows make a few typed arrays and a table of distinct cells, not a million strings.
 */
export interface CsvColumns {
  header: string[]
  columns: CsvColumn[]
  lines: Int32Array
  problems: { line: number; message: string }[]
}

/** Options of `parseCsvColumns`. */
export interface CsvColumnsOptions {
  /** Fields whose plain-number cells (see `isNumberText`) are kept as numbers instead of text. */
  numbers?: readonly string[]
}

let papa: typeof Papa | null = null

/** A file only papaparse reads (see `loadCsvFallback`) came before papaparse was loaded. */
export class CsvFallbackMissing extends Error {
  constructor() {
    super('this CSV file needs papaparse, which is not loaded yet (loadCsvFallback)')
  }
}

/**
 * Loads papaparse, which reads the rare files the fast scanner declines (a stray or open quote, a bare `\r`) and gives
 * their exact messages. It is its own chunk, so the load worker does not download it for well-formed packages.
 */
export async function loadCsvFallback(): Promise<void> {
  papa ??= (await import('papaparse')).default
}

/** Runs `work`, parsing synchronously; if a file needed papaparse before it was loaded, loads it and runs `work` again. */
export async function withCsvFallback<T>(work: () => T): Promise<T> {
  try {
    return work()
  } catch (e) {
    if (!(e instanceof CsvFallbackMissing)) throw e
    await loadCsvFallback()
    return work()
  }
}

/**
 * Parses UTF-8 CSV text with a header row, keeping each row's starting line for located messages. An irregular file
 * needs papaparse loaded first (`withCsvFallback`), or this throws `CsvFallbackMissing`.
 */
export function parseCsv(text: string): CsvTable {
  const { header, columns, lines, problems } = parseCsvColumns(text)
  const rows = Array.from(lines, (line, k): CsvRow => {
    const values: Record<string, string> = {}
    header.forEach((name, j) => (values[name] = cellText(columns[j], k)))
    return { line, values }
  })
  return { header, rows, problems }
}

/**
 * Like `parseCsv`, by column: the form the validator reads large tables in. Given the file's bytes rather than its
 * text, a well-formed UTF-8 file is scanned without ever being one string, so it may be longer than a JavaScript
 * string can be (~512 M characters); an irregular one, or bytes that are not UTF-8, are decoded and read as text.
 */
export function parseCsvColumns(input: string | Uint8Array, options: CsvColumnsOptions = {}): CsvColumns {
  if (typeof input !== 'string') {
    const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input
    const scanned = scanCsv(bytes, options)
    // Bytes that are not UTF-8 decode to U+FFFD, so different ones would read as the same cell under different codes.
    if (scanned && !hasReplacement(scanned)) return scanned
    let text: string
    try {
      text = DECODER.decode(bytes)
    } catch {
      return { header: [], columns: [], lines: new Int32Array(0), problems: [{ line: 1, message: 'too large to read as text; it has a stray or open quote, a bare CR or bytes that are not UTF-8: fix those, or split the file' }] }
    }
    return parseCsvColumns(text, options)
  }
  const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  // Well-formed files (nearly all) take a fast scanner; anything odd goes to papaparse for its exact messages.
  return scanCsv(new TextEncoder().encode(body), options) ?? parseWithPapa(body, options)
}

function hasReplacement(table: CsvColumns): boolean {
  return table.header.some((cell) => cell.includes('\uFFFD')) || table.columns.some((column) => column.values.some((cell) => cell.includes('\uFFFD')))
}

/** The text of data row `k`'s cell in `column` (a number cell as JavaScript writes the number). */
export function cellText(column: CsvColumn, k: number): string {
  const code = column.codes[k]
  return code < 0 ? String(column.numbers![k]) : column.values[code]
}

/** Whether trimmed text is a number as a schema's `number` field takes it: a sign, decimals and an exponent allowed. */
export function isNumberText(value: string): boolean {
  // 1e309 reads as Infinity: a figure must be a finite number.
  return /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value) && Number.isFinite(Number(value))
}

const QUOTE = 34
const COMMA = 44
const LF = 10
const CR = 13
const MINUS = 45
const DOT = 46
const ZERO = 48
/** 1 for the bytes that end or break an unquoted cell: comma, line feed, carriage return, quote. */
const SPECIAL = new Uint8Array(256).map((_, c) => Number(c === COMMA || c === LF || c === CR || c === QUOTE))
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i)

/**
 * A column being read: its distinct cells, found by hash in an open-addressing table. Cells read from the file's
 * UTF-8 bytes are compared as bytes and decoded once, when first seen; cells given as strings go through a map.
 */
class ColumnState {
  readonly values: string[] = []
  /**
   * Per code, where its latest cell lies in the bytes (start, length; length -1 for a string cell) and its hash.
   * The latest, not the first: comparing with bytes read moments ago stays in the CPU's cache.
   */
  private starts = new Int32Array(64)
  private lengths = new Int32Array(64)
  private hashes = new Int32Array(64)
  /** Code + 1 per slot; 0 is free. */
  private slots = new Int32Array(128)
  private byText: Map<string, number> | null = null
  /** The code of the unquoted cell last read from bytes, which the next row's cell may repeat; -1 if none. */
  last = -1
  codes: Int32Array
  numbers: Float64Array | null

  constructor(capacity: number, asNumbers: boolean) {
    this.codes = new Int32Array(capacity)
    this.numbers = asNumbers ? new Float64Array(capacity) : null
  }

  /** The code of the cell `bytes[from, to)`, adding it when new. */
  internBytes(bytes: Uint8Array, from: number, to: number): number {
    const length = to - from
    const hash = hashOf(bytes, from, to)
    const slots = this.slots
    const mask = slots.length - 1
    let slot = mix(hash) & mask
    for (let entry = slots[slot]; entry !== 0; entry = slots[slot]) {
      const code = entry - 1
      if (this.hashes[code] === hash && this.lengths[code] === length && sameBytes(bytes, this.starts[code], from, length)) {
        this.starts[code] = from
        return (this.last = code)
      }
      slot = (slot + 1) & mask
    }
    const code = this.add(DECODER.decode(bytes.subarray(from, to)))
    this.starts[code] = from
    this.lengths[code] = length
    this.hashes[code] = hash
    slots[slot] = code + 1
    if (2 * this.values.length > slots.length) this.rehash()
    return (this.last = code)
  }

  /**
   * Where the cell starting at `bytes[from]` ends when it repeats this column's last cell read from bytes and a
   * delimiter (or the end) follows; -1 otherwise. Sorted files repeat most cells, and this reads each byte once.
   */
  repeatEnd(bytes: Uint8Array, from: number): number {
    const last = this.last
    if (last < 0) return -1
    const start = this.starts[last]
    const end = from + this.lengths[last]
    if (end > bytes.length) return -1
    for (let a = start, b = from; b < end; a++, b++) if (bytes[a] !== bytes[b]) return -1
    if (end < bytes.length && SPECIAL[bytes[end]] === 0) return -1
    this.starts[last] = from
    return end
  }

  /** The code of a cell given as a string, adding it when new. */
  internText(value: string): number {
    this.byText ??= new Map()
    let code = this.byText.get(value)
    if (code === undefined) {
      // Papaparse's cells are slices of the whole file: a copy keeps the text from being held alive.
      code = this.add(value.length < 13 ? value : (' ' + value).slice(1))
      this.lengths[code] = -1
      this.byText.set(value, code)
    }
    return code
  }

  private add(value: string): number {
    const code = this.values.length
    this.values.push(value)
    if (code === this.hashes.length) {
      this.starts = grown(this.starts, 2 * code)
      this.lengths = grown(this.lengths, 2 * code)
      this.hashes = grown(this.hashes, 2 * code)
    }
    return code
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    for (let code = 0; code < this.values.length; code++) {
      if (this.lengths[code] < 0) continue
      let slot = mix(this.hashes[code]) & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = code + 1
    }
    this.slots = slots
  }
}

const DECODER = new TextDecoder()

/** Collects cells into coded columns; a row is kept when it ends with as many cells as the header. */
class ColumnBuilder {
  private header: string[] = []
  private headerCells: string[] = []
  private columns: ColumnState[] = []
  private lines: Int32Array
  private problems: { line: number; message: string }[] = []
  private count = 0
  private firstEmpty = false

  constructor(
    private capacity: number,
    private readonly options: CsvColumnsOptions,
    private readonly bytes: Uint8Array = new Uint8Array(0),
  ) {
    this.lines = new Int32Array(capacity)
  }

  /** Cell `j` of the current row: the file's bytes `[from, to)`, inside quotes when `quoted`. */
  cell(j: number, from: number, to: number, quoted = false): void {
    if (j === 0) this.firstEmpty = from === to
    if (this.columns.length === 0) return void this.headerCells.push(DECODER.decode(this.bytes.subarray(from, to)))
    if (j >= this.columns.length) return // a ragged row, rejected at its end
    const column = this.columns[j]
    const k = this.count
    if (column.numbers !== null) {
      let number = plainNumber(this.bytes, from, to)
      if (number !== number) number = numberOf(DECODER.decode(this.bytes.subarray(from, to)))
      if (number === number) {
        column.numbers[k] = number
        column.codes[k] = -1
        return
      }
    }
    column.codes[k] = column.internBytes(this.bytes, from, to)
    // A quoted cell may hold commas and line ends: an unquoted one that starts like it is not a repeat of it.
    if (quoted) column.last = -1
  }

  /** Like `cell` for a cell that repeats its column's last one, when it does: where it ends, else -1. */
  repeated(j: number, from: number): number {
    if (j >= this.columns.length) return -1
    const column = this.columns[j]
    const end = column.repeatEnd(this.bytes, from)
    if (end >= 0) {
      if (j === 0) this.firstEmpty = end === from
      column.codes[this.count] = column.last
    }
    return end
  }

  /** Cell `j` of the current row as a string (a quoted cell with escaped quotes, or a cell papaparse read). */
  text(j: number, value: string): void {
    if (j === 0) this.firstEmpty = value === ''
    if (this.columns.length === 0) return void this.headerCells.push(value)
    if (j >= this.columns.length) return
    const column = this.columns[j]
    const number = column.numbers === null ? NaN : numberOf(value)
    if (number === number) {
      column.numbers![this.count] = number
      column.codes[this.count] = -1
    } else {
      column.codes[this.count] = column.internText(value)
    }
  }

  /** Ends the row of `cells` cells that started on `line`: it becomes the header, a data row or a problem. */
  endRow(line: number, cells: number): void {
    if (cells === 1 && this.firstEmpty) {
      this.headerCells.length = 0
      return
    }
    if (this.columns.length === 0) {
      this.header = this.headerCells.map((cell) => cell.trim())
      this.columns = this.header.map((name) => new ColumnState(this.capacity, this.options.numbers?.includes(name) ?? false))
      return
    }
    if (cells !== this.header.length) {
      this.problems.push({ line, message: `expected ${this.header.length} fields, found ${cells}` })
      return
    }
    this.lines[this.count++] = line
    if (this.count === this.capacity) this.grow()
  }

  /** A structural problem found by the reader (papaparse) on `line`. */
  problem(line: number, message: string): void {
    this.problems.push({ line, message })
  }

  /** The table, its arrays cut to the rows actually read. */
  finish(): CsvColumns {
    const n = this.count
    return {
      header: this.header,
      columns: this.columns.map((c) => ({ values: c.values, codes: c.codes.subarray(0, n), numbers: c.numbers?.subarray(0, n) ?? null })),
      lines: this.lines.subarray(0, n),
      problems: this.problems,
    }
  }

  private grow(): void {
    this.capacity *= 2
    this.lines = grown(this.lines, this.capacity)
    for (const c of this.columns) {
      c.codes = grown(c.codes, this.capacity)
      if (c.numbers) c.numbers = grown(c.numbers, this.capacity)
    }
  }
}

/**
 * RFC 4180 with `\n` or `\r\n` line ends, in one pass over the text's UTF-8 bytes with no per-character callbacks:
 * a repeated cell costs a comparison or a table look-up, not a new string.
 * Returns null at the first irregularity (a stray quote, an unterminated quote, a bare `\r`). Cells are decoded as
 * UTF-8 (bytes that are not become U+FFFD, which `parseCsvColumns` checks for).
 */
function scanCsv(bytes: Uint8Array, options: CsvColumnsOptions): CsvColumns | null {
  const n = bytes.length
  // Rows are about as long as the first line: a close first guess saves growing every array several times.
  const firstLine = bytes.indexOf(LF)
  const out = new ColumnBuilder(firstLine > 0 ? Math.ceil((1.25 * n) / firstLine) + 16 : 16, options, bytes)
  let i = 0
  let line = 1
  while (i < n) {
    const rowLine = line
    let j = 0
    for (;; j++) {
      if (bytes[i] === QUOTE) {
        const from = ++i
        // Only a cell with escaped quotes needs a string of its own; any other is a range of the bytes.
        let escaped: string | null = null
        let piece = from
        let to: number
        for (;;) {
          const q = bytes.indexOf(QUOTE, i)
          if (q < 0) return null
          line += countNewlines(bytes, i, q)
          if (q + 1 < n && bytes[q + 1] === QUOTE) {
            escaped = (escaped ?? '') + DECODER.decode(bytes.subarray(piece, q + 1))
            i = piece = q + 2
            continue
          }
          to = q
          i = q + 1
          break
        }
        if (escaped === null) out.cell(j, from, to, true)
        else out.text(j, escaped + DECODER.decode(bytes.subarray(piece, to)))
      } else {
        const from = i
        i = out.repeated(j, from)
        if (i < 0) {
          i = from
          // One table look-up per byte tells the ordinary ones from the four that end or break a cell.
          while (i < n && SPECIAL[bytes[i]] === 0) i++
          if (i < n && bytes[i] !== COMMA && bytes[i] !== LF) {
            if (bytes[i] !== CR || i + 1 === n || bytes[i + 1] !== LF) return null // a stray quote or a bare \r
          }
          out.cell(j, from, i)
        }
      }
      if (i >= n) break
      const c = bytes[i]
      if (c === COMMA) {
        i++
        continue
      }
      if (c === CR && i + 1 < n && bytes[i + 1] === LF) i++
      else if (c !== LF) return null
      break
    }
    out.endRow(rowLine, j + 1)
    if (i < n) {
      i++
      line++
    }
  }
  return out.finish()
}

function parseWithPapa(body: string, options: CsvColumnsOptions): CsvColumns {
  if (!papa) throw new CsvFallbackMissing()
  const out = new ColumnBuilder(16, options)
  let cursor = 0
  let line = 1
  papa.parse<string[]>(body, {
    delimiter: ',',
    skipEmptyLines: false,
    step(result) {
      const rowLine = line
      line += countNewlines(body, cursor, result.meta.cursor)
      cursor = result.meta.cursor
      for (const error of result.errors) out.problem(rowLine, error.message)
      result.data.forEach((cell, j) => out.text(j, cell))
      out.endRow(rowLine, result.data.length)
    },
  })
  return out.finish()
}

/**
 * The number written `bytes[from, to)` when it is a plain decimal that converts exactly (at most 2^53 as digits,
 * at most 22 decimals: one correctly rounded division, as `Number` gives); NaN otherwise, to be read the slow way.
 */
function plainNumber(bytes: Uint8Array, from: number, to: number): number {
  let i = from
  const negative = i < to && bytes[i] === MINUS
  if (negative) i++
  let digits = 0
  let mantissa = 0
  for (; i < to; i++, digits++) {
    const d = bytes[i] - ZERO
    if (d < 0 || d > 9) break
    mantissa = mantissa * 10 + d
  }
  let decimals = 0
  if (i < to && bytes[i] === DOT) {
    for (i++; i < to; i++, decimals++) {
      const d = bytes[i] - ZERO
      if (d < 0 || d > 9) break
      mantissa = mantissa * 10 + d
    }
  }
  if (i !== to || digits + decimals === 0 || mantissa > Number.MAX_SAFE_INTEGER || decimals > 22) return NaN
  const value = decimals === 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals]
  return negative ? -value : value
}

/** The cell as a number when its trimmed text is one (`isNumberText`), else NaN. */
function numberOf(text: string): number {
  return isNumberText(text.trim()) ? Number(text) : NaN
}

/** A cell's hash, which picks its slot in its column's table. */
function hashOf(bytes: Uint8Array, from: number, to: number): number {
  let hash = 0
  for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + bytes[i]) | 0
  return hash
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (bytes[a + i] !== bytes[b + i]) return false
  return true
}

/** Spreads a cell hash's bits into its low ones, which pick the slot. */
function mix(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b)
  return hash ^ (hash >>> 16)
}

function grown<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const out = typedLike(array, length)
  out.set(array)
  return out
}

function countNewlines(text: string | Uint8Array, from: number, to: number): number {
  let count = 0
  if (typeof text === 'string') {
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++
  } else {
    for (let i = from; i < to; i++) if (text[i] === LF) count++
  }
  return count
}
