import type { Metric, Source } from '@/domain/types'
import { toCsv } from './csv'
import type { ExportTexts } from './messages'
import { figureTable, type FigureRow } from './rows'

/** CSV of figure rows: UTF-8 with BOM, formulas escaped, qualifier and source columns included. */
export function figuresCsv(rows: readonly FigureRow[], texts: ExportTexts): string {
  const { header, cells } = figureTable(rows, texts)
  return toCsv(header, cells)
}

/** An XLSX workbook (exceljs, loaded on first use): the figures, and a 说明 sheet of metric definitions, units, sources. */
export async function figuresXlsx(rows: readonly FigureRow[], metrics: readonly Metric[], sources: readonly Source[], texts: ExportTexts): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const m = texts.export
  const c = m.column
  const book = new ExcelJS.Workbook()
  book.creator = texts.product
  const sheet = book.addWorksheet(m.sheetData, { views: [{ state: 'frozen', ySplit: 1 }] })
  const { header, cells } = figureTable(rows, texts)
  sheet.addRow(header).font = { bold: true }
  // exceljs writes strings as strings: a quote starting with = stays text, never a formula.
  for (const r of cells) sheet.addRow(r)
  sheet.columns.forEach((col, i) => (col.width = [16, 28, 10, 12, 12, 16, 10, 8, 6, 40, 10, 60][i] ?? 14))

  const notes = book.addWorksheet(m.sheetNotes)
  notes.addRow([m.notesMetrics]).font = { bold: true }
  notes.addRow([c.metricId, c.metric, c.unit, c.kind, c.definition]).font = { bold: true }
  const used = new Set(rows.map((r) => r.metricId))
  for (const metric of metrics.filter((x) => used.has(x.id))) {
    notes.addRow([metric.id, texts.locale === 'en' ? metric.nameEn : metric.name, metric.unit, metric.kind, metric.definition])
  }
  notes.addRow([])
  notes.addRow([m.notesSources]).font = { bold: true }
  notes.addRow([c.source, c.publication, c.sourceDate, c.url]).font = { bold: true }
  for (const s of sources) notes.addRow([s.title, s.publication, s.date, s.url])
  notes.columns.forEach((col, i) => (col.width = [30, 36, 12, 10, 60][i]))
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/** A ZIP of files (jszip, loaded on first use): all charts of a view at once. */
export async function zipFiles(files: readonly { name: string; data: Uint8Array | string }[]): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip')
  const zip = new JSZip()
  const seen = new Map<string, number>()
  for (const f of files) {
    // Two charts of one view may share a name; a ZIP must not silently keep only one of them.
    const n = seen.get(f.name) ?? 0
    seen.set(f.name, n + 1)
    zip.file(n === 0 ? f.name : f.name.replace(/(\.\w+)$/, `(${n + 1})$1`), f.data)
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
