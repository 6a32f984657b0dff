import type { CellValue, Workbook } from 'exceljs'
import { assertSafeArchive } from '../archive'
import type { RawTable } from './table'

/** A workbook's sheet names, in order, the first one a person sees, and a reader for one of them. */
export interface OpenedWorkbook {
  sheets: string[]
  /** The first visible sheet: Excel opens on it, and a hidden first sheet often holds old or helper data. */
  firstVisible: string
  read(sheet?: string): RawTable
}

/** Opens XLSX bytes with exceljs, loaded on first use so the dashboard does not carry it. */
export async function openXlsx(bytes: Uint8Array): Promise<OpenedWorkbook> {
  await assertSafeArchive(bytes)
  const { default: ExcelJS } = await import('exceljs')
  const workbook: Workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  const sheets = workbook.worksheets.map((w) => w.name)
  // A ZIP that is no workbook (or a workbook without sheets) opens empty: say so rather than name a sheet "undefined".
  if (sheets.length === 0) throw new Error('it holds no worksheet')
  const firstVisible = workbook.worksheets.find((w) => w.state === 'visible' || w.state === undefined)?.name ?? sheets[0]
  return { sheets, firstVisible, read: (sheet) => readSheet(workbook, sheet ?? firstVisible) }
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
      const cell = row.getCell(c)
      const text = cellText(cell.value, cell.numFmt ?? '', (code, value) => table.problems.push({ level: code === 'formulaResult' ? 'warning' : 'error', line, column: header, code, params: { value } }))
      cells.push(text)
      if (typeof cell.value === 'number' && table.header.length > 0) (table.numeric ??= new Set()).add(`${line}:${c - 1}`)
    }
    if (cells.every((c) => c.trim() === '')) return
    if (table.header.length === 0) table.header = trimEnd(cells).map((c) => c.trim())
    else table.rows.push({ line, cells: cells.slice(0, table.header.length) })
  })
  return table
}

/** A cell as the text a person sees; a formula yields its cached result (with a warning), or nothing (an error). */
function cellText(value: CellValue, numFmt: string, report: (code: string, value: string) => void): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return dateText(value, numFmt)
  if (typeof value === 'number') return numberText(value, numFmt)
  if (typeof value !== 'object') return String(value)
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = `=${'formula' in value ? value.formula : value.sharedFormula}`
    const result = value.result
    if (result === undefined || (typeof result === 'object' && !(result instanceof Date))) {
      report('formula', formula)
      return formula
    }
    report('formulaResult', formula)
    return cellText(result, numFmt, report)
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

/** A date as precise as its format shows it: `yyyy-mm` is the month 2024-10, not its first day. */
export function dateText(date: Date, numFmt: string): string {
  const iso = date.toISOString()
  // Quoted literals ("年"), bracketed colours and locales, and escaped characters are not date parts.
  const parts = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase()
  if (parts.includes('d') || !parts.includes('y')) return iso.slice(0, 10)
  return parts.includes('m') ? iso.slice(0, 7) : iso.slice(0, 4)
}

/** A number with the decimals its format shows: 2024.1 formatted `0.00` is 2024.10, as the sheet shows it. */
export function numberText(value: number, numFmt: string): string {
  const decimals = /^[#,0]*\.(0+)(?:;|$)/.exec(numFmt)?.[1].length
  return decimals === undefined || decimals > 20 ? String(value) : value.toFixed(decimals)
}
