import { cellText, isNumberText, type CsvColumn, type CsvColumns } from './csv'
import { compilePattern } from './descriptor'
import type { DataMessage } from './messages'

/** The part of a Frictionless Table Schema field that we check. */
export interface SchemaField {
  name: string
  type?: string
  constraints?: { required?: boolean; enum?: string[]; pattern?: string }
  /** The column may be left out of the file: it was added after packages without it were in use (regions' `name_en`). */
  optional?: boolean
}

/** The part of a Frictionless Table Schema that we check. */
export interface TableSchema {
  fields: SchemaField[]
  primaryKey?: string[] | string
  foreignKeys?: { fields: string[] | string; reference: { resource: string; fields: string[] | string } }[]
}

/** A parsed table and the data rows (indices into its columns) that passed their checks so far, in file order. */
export interface CheckedRows {
  table: CsvColumns
  rows: Int32Array
}

/** The column of field `name`, or undefined when the file has no such column. */
export function columnOf(table: CsvColumns, name: string): CsvColumn | undefined {
  const j = table.header.indexOf(name)
  return j < 0 ? undefined : table.columns[j]
}

/**
 * Number fields a parser may keep as numbers (see `CsvColumnsOptions`): those whose checks need no text, as they
 * have no enum or pattern and are in no key.
 */
export function numberFields(schema: TableSchema): string[] {
  const keyed = new Set([...asList(schema.primaryKey), ...(schema.foreignKeys ?? []).flatMap((fk) => asList(fk.fields))])
  return schema.fields.filter((f) => f.type === 'number' && !f.constraints?.enum && !f.constraints?.pattern && !keyed.has(f.name)).map((f) => f.name)
}

/**
 * Checks one table against its schema: header, required fields, types, enums, patterns and primary key.
 * Returns the rows that passed; every rejected row leaves a located error.
 */
export function checkTable(file: string, table: CsvColumns, schema: TableSchema, messages: DataMessage[]): CheckedRows {
  const error = (line: number, message: string) => messages.push({ level: 'error', file, line, message })
  for (const p of table.problems) error(p.line, p.message)
  const missing = schema.fields.filter((f) => !f.optional && !table.header.includes(f.name)).map((f) => f.name)
  if (table.header.length === 0) {
    error(1, 'the file is empty: a header row is expected')
    return { table, rows: new Int32Array(0) }
  }
  if (missing.length > 0) {
    error(1, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
    return { table, rows: new Int32Array(0) }
  }
  for (const name of table.header) {
    if (!schema.fields.some((f) => f.name === name)) messages.push({ level: 'warning', file, line: 1, message: `unknown column ${name} is ignored` })
  }
  // Field by field: messages are sorted by line later, and on one line they stay in field order.
  const rejected = new Uint8Array(table.lines.length)
  for (const field of schema.fields) {
    const column = columnOf(table, field.name)
    // An optional column the file leaves out has nothing to check.
    if (!column) continue
    const { codes, values } = column
    const pattern = field.constraints?.pattern ? compilePattern(field.constraints.pattern) : null
    // Each distinct cell is checked once; a number cell (code -1) is a number already.
    const problems = new Array<string | null | undefined>(values.length)
    for (let k = 0; k < codes.length; k++) {
      const code = codes[k]
      if (code < 0) continue
      let problem = problems[code]
      if (problem === undefined) problem = problems[code] = checkField(field, values[code], pattern)
      if (problem !== null) {
        error(table.lines[k], problem)
        rejected[k] = 1
      }
    }
  }
  const passed = new Int32Array(rejected.length)
  let n = 0
  for (let k = 0; k < rejected.length; k++) if (rejected[k] === 0) passed[n++] = k
  return { table, rows: withoutDuplicates(table, passed.subarray(0, n), asList(schema.primaryKey), error) }
}

function withoutDuplicates(table: CsvColumns, rows: Int32Array, keyFields: string[], error: (line: number, message: string) => void): Int32Array {
  if (keyFields.length === 0) return rows
  const columns = keyFields.map((f) => columnOf(table, f)!)
  const first = firstEqualRows(columns, rows)
  const kept = new Int32Array(rows.length)
  let n = 0
  for (let i = 0; i < rows.length; i++) {
    const k = rows[i]
    if (first[i] < 0) kept[n++] = k
    else error(table.lines[k], `duplicate row: ${keyFields.map((f, c) => `${f} ${cellText(columns[c], k)}`).join(', ')} already at line ${table.lines[rows[first[i]]]}`)
  }
  return kept.subarray(0, n)
}

/**
 * For each listed row, the position (in `rows`) of the first earlier row with the same cells in every column, or
 * -1: duplicates and conflicts found from cell codes, without a key string per row. Columns hold no number cells.
 */
export function firstEqualRows(columns: readonly CsvColumn[], rows: Int32Array): Int32Array {
  const n = rows.length
  const first = new Int32Array(n).fill(-1)
  const space = columns.reduce((a, c) => a * Math.max(1, c.values.length), 1)
  if (space > Number.MAX_SAFE_INTEGER) {
    const seen = new Map<string, number>()
    for (let i = 0; i < n; i++) {
      const key = columns.map((c) => c.codes[rows[i]]).join(',')
      const at = seen.get(key)
      if (at === undefined) seen.set(key, i)
      else first[i] = at
    }
    return first
  }
  // One number per row: its cell codes as the digits of a mixed-radix number.
  const keys = new Float64Array(n)
  for (const { codes, values } of columns) {
    const radix = Math.max(1, values.length)
    for (let i = 0; i < n; i++) keys[i] = keys[i] * radix + codes[rows[i]]
  }
  // Keys numbered densely enough go into a typed array; sparse key spaces use a map.
  const seen = space <= Math.max(4 * n, 65_536) ? new Int32Array(space).fill(-1) : null
  const seenMap = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const key = keys[i]
    const at = seen ? seen[key] : (seenMap.get(key) ?? -1)
    if (at >= 0) first[i] = at
    else if (seen) seen[key] = i
    else seenMap.set(key, i)
  }
  return first
}

function checkField(field: SchemaField, raw: string | undefined, pattern: { test: (value: string) => boolean } | null): string | null {
  const value = (raw ?? '').trim()
  if (value === '') return field.constraints?.required ? `${field.name} is empty` : null
  if ((field.type === 'number' || field.type === 'integer') && !isNumber(value, field.type)) {
    return `${field.name} "${clip(value)}" is not ${field.type === 'integer' ? 'an integer' : 'a number'}`
  }
  const allowed = field.constraints?.enum
  if (allowed && !allowed.includes(value)) return `${field.name} "${clip(value)}" is not one of ${allowed.join(' ')}`
  if (pattern && !pattern.test(value)) return `${field.name} "${clip(value)}" does not match ${field.constraints?.pattern}`
  return null
}

function isNumber(value: string, type: string): boolean {
  return isNumberText(value) && (type === 'number' || Number.isInteger(Number(value)))
}

/** Frictionless allows a single field name or a list wherever fields are named. */
export function asList(fields: string[] | string | undefined): string[] {
  if (fields === undefined) return []
  return typeof fields === 'string' ? [fields] : fields
}

/** Shortens a cell quoted in a message, so a pasted paragraph does not flood the banner. */
export function clip(value: string, max = 40): string {
  return value.length > max ? value.slice(0, max) + '…' : value
}
