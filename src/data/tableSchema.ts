import { firstOccurrences } from '@/domain/columnar'
import type { CsvColumns } from './csv'
import type { DataMessage } from './messages'

/** The part of a Frictionless Table Schema field that we check. */
export interface SchemaField {
  name: string
  type?: string
  constraints?: { required?: boolean; enum?: string[]; pattern?: string }
}

/** The part of a Frictionless Table Schema that we check. */
export interface TableSchema {
  fields: SchemaField[]
  primaryKey?: string[] | string
  foreignKeys?: { fields: string[] | string; reference: { resource: string; fields: string[] | string } }[]
}

/** A parsed table and the data rows (indices into its columns) that passed their checks so far. */
export interface CheckedRows {
  table: CsvColumns
  rows: number[]
}

/** The cells of field `name`, or undefined when the file has no such column. */
export function columnOf(table: CsvColumns, name: string): string[] | undefined {
  const j = table.header.indexOf(name)
  return j < 0 ? undefined : table.columns[j]
}

/**
 * Checks one table against its schema: header, required fields, types, enums, patterns and primary key.
 * Returns the rows that passed; every rejected row leaves a located error.
 */
export function checkTable(file: string, table: CsvColumns, schema: TableSchema, messages: DataMessage[]): CheckedRows {
  const error = (line: number, message: string) => messages.push({ level: 'error', file, line, message })
  for (const p of table.problems) error(p.line, p.message)
  const missing = schema.fields.filter((f) => !table.header.includes(f.name)).map((f) => f.name)
  if (table.header.length === 0) {
    error(1, 'the file is empty: a header row is expected')
    return { table, rows: [] }
  }
  if (missing.length > 0) {
    error(1, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
    return { table, rows: [] }
  }
  for (const name of table.header) {
    if (!schema.fields.some((f) => f.name === name)) messages.push({ level: 'warning', file, line: 1, message: `unknown column ${name} is ignored` })
  }
  const checks = schema.fields.map((field) => ({ cells: columnOf(table, field.name)!, check: fieldChecker(field) }))
  const passed: number[] = []
  for (let k = 0; k < table.lines.length; k++) {
    let ok = true
    for (const { cells, check } of checks) {
      const problem = check(cells[k])
      if (problem !== null) {
        error(table.lines[k], problem)
        ok = false
      }
    }
    if (ok) passed.push(k)
  }
  return { table, rows: withoutDuplicates(table, passed, asList(schema.primaryKey), error) }
}

function withoutDuplicates(table: CsvColumns, rows: number[], keyFields: string[], error: (line: number, message: string) => void): number[] {
  if (keyFields.length === 0) return rows
  const columns = keyFields.map((f) => columnOf(table, f)!)
  const first = firstOccurrences(columns, rows)
  return rows.filter((k, i) => {
    if (first[i] < 0) return true
    error(table.lines[k], `duplicate row: ${keyFields.map((f, c) => `${f} ${columns[c][k]}`).join(', ')} already at line ${table.lines[rows[first[i]]]}`)
    return false
  })
}

/** The check of one field as a function of the raw cell; results are remembered for cells that repeat. */
function fieldChecker(field: SchemaField): (raw: string) => string | null {
  const pattern = field.constraints?.pattern ? new RegExp(`^(?:${field.constraints.pattern})$`) : null
  const known = new Map<string, string | null>()
  return (raw) => {
    let problem = known.get(raw)
    if (problem === undefined) {
      problem = checkField(field, raw, pattern)
      // Numbers and quotes rarely repeat: remember only a bounded number of cells.
      if (known.size < 4096) known.set(raw, problem)
    }
    return problem
  }
}

function checkField(field: SchemaField, raw: string | undefined, pattern: RegExp | null): string | null {
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
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value)) return false
  return type === 'number' || Number.isInteger(Number(value))
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
