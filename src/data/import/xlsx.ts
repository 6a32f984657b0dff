import type { CellValue, Workbook } from 'exceljs'
import { assertSafeArchive } from '../archive'
import type { RawTable } from './table'

/** A workbook's sheet names, in order, and a reader for one of them. */
export interface OpenedWorkbook {
  sheets: string[]
  read(sheet?: string): RawTable
}

/** Opens XLSX bytes with exceljs, loaded on first use so the dashboard does not carry it. */
export async function openXlsx(bytes: Uint8Array): Promise<OpenedWorkbook> {
  assertSafeArchive(bytes)
  const { default: ExcelJS } = await import('exceljs')
  const workbook: Workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  const sheets = workbook.worksheets.map((w) => w.name)
  return { sheets, read: (sheet) => readSheet(workbook, sheet ?? sheets[0]) }
}

function readSheet(workbook: Workbook, name: string): RawTable {
  const table: RawTable = { header: [], rows: [], problems: [] }
  const sheet = workbook.getWorksheet(name)
  if (!sheet) {
    table.problems.push({ level: 'error', code: 'noSheet', params: { sheet: name, sheets: workbook.worksheets.map((w) => w.name).join('、') } })
    return table
  }
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = []
    for (let c = 1; c <= Math.max(row.cellCount, table.header.length); c++) {
      const header = table.header[c - 1] ?? ''
      cells.push(cellText(row.getCell(c).value, (code, value) => table.problems.push({ level: code === 'formulaResult' ? 'warning' : 'error', line, column: header, code, params: { value } })))
    }
    if (cells.every((c) => c.trim() === '')) return
    if (table.header.length === 0) table.header = trimEnd(cells).map((c) => c.trim())
    else table.rows.push({ line, cells: cells.slice(0, table.header.length) })
  })
  return table
}

/** A cell as the text a person sees; a formula yields its cached result (with a warning), or nothing (an error). */
function cellText(value: CellValue, report: (code: string, value: string) => void): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value !== 'object') return String(value)
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = `=${'formula' in value ? value.formula : value.sharedFormula}`
    const result = value.result
    if (result === undefined || (typeof result === 'object' && !(result instanceof Date))) {
      report('formula', formula)
      return formula
    }
    report('formulaResult', formula)
    return cellText(result, report)
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('text' in value) return String(value.text)
  if ('error' in value) {
    report('formula', String(value.error))
    return String(value.error)
  }
  return ''
}

function trimEnd(cells: string[]): string[] {
  let n = cells.length
  while (n > 0 && cells[n - 1].trim() === '') n--
  return cells.slice(0, n)
}
