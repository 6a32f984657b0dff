import type { CsvRow, CsvTable } from './csv'
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

/**
 * Checks one table against its schema: header, required fields, types, enums, patterns and primary key.
 * Returns the rows that passed; every rejected row leaves a located error.
 */
export function checkTable(file: string, table: CsvTable, schema: TableSchema, messages: DataMessage[]): CsvRow[] {
  const error = (line: number, message: string) => messages.push({ level: 'error', file, line, message })
  for (const p of table.problems) error(p.line, p.message)
  const missing = schema.fields.filter((f) => !table.header.includes(f.name)).map((f) => f.name)
  if (table.header.length === 0) {
    error(1, 'the file is empty: a header row is expected')
    return []
  }
  if (missing.length > 0) {
    error(1, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
    return []
  }
  for (const name of table.header) {
    if (!schema.fields.some((f) => f.name === name)) messages.push({ level: 'warning', file, line: 1, message: `unknown column ${name} is ignored` })
  }
  const patterns = new Map(schema.fields.map((f) => [f.name, f.constraints?.pattern ? new RegExp(`^(?:${f.constraints.pattern})$`) : null]))
  const keyFields = asList(schema.primaryKey)
  const seenKeys = new Map<string, number>()
  return table.rows.filter((row) => {
    const problems = schema.fields.flatMap((field) => checkField(field, row.values[field.name], patterns.get(field.name) ?? null))
    for (const problem of problems) error(row.line, problem)
    if (problems.length > 0) return false
    if (keyFields.length === 0) return true
    const key = keyFields.map((f) => row.values[f]).join('\u0000')
    const first = seenKeys.get(key)
    if (first !== undefined) {
      error(row.line, `duplicate row: ${keyFields.map((f) => `${f} ${row.values[f]}`).join(', ')} already at line ${first}`)
      return false
    }
    seenKeys.set(key, row.line)
    return true
  })
}

function checkField(field: SchemaField, raw: string | undefined, pattern: RegExp | null): string[] {
  const value = (raw ?? '').trim()
  if (value === '') return field.constraints?.required ? [`${field.name} is empty`] : []
  if ((field.type === 'number' || field.type === 'integer') && !isNumber(value, field.type)) {
    return [`${field.name} "${clip(value)}" is not ${field.type === 'integer' ? 'an integer' : 'a number'}`]
  }
  const allowed = field.constraints?.enum
  if (allowed && !allowed.includes(value)) return [`${field.name} "${clip(value)}" is not one of ${allowed.join(' ')}`]
  if (pattern && !pattern.test(value)) return [`${field.name} "${clip(value)}" does not match ${field.constraints?.pattern}`]
  return []
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
