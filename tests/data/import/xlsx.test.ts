import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { importBytes } from '@/data/import/importFile'
import { dateText, numberText } from '@/data/import/xlsx'
import { importData } from './builders'

const HEADER = ['指标', '地区', '时间', '数值']
const bytesOf = async (book: ExcelJS.Workbook) => new Uint8Array(await book.xlsx.writeBuffer())

describe('importBytes on XLSX', () => {
  it('says a ZIP holding no worksheet holds none, rather than naming a sheet "undefined"', async () => {
    const zip = new JSZip()
    zip.file('hello.txt', 'hello')
    const run = await importBytes(await zip.generateAsync({ type: 'uint8array' }), 'hello.xlsx', importData())
    const texts = run.result.problems.map((p) => JSON.stringify(p.params))
    expect(texts.some((t) => t.includes('it holds no worksheet'))).toBe(true)
    expect(texts.some((t) => t.includes('undefined'))).toBe(false)
  })

  it('reads the first visible sheet, not a hidden first one, and names it', async () => {
    const book = new ExcelJS.Workbook()
    const hidden = book.addWorksheet('旧数据', { state: 'hidden' })
    hidden.addRow(HEADER)
    hidden.addRow(['activities', '鄄城县', '2020', 1])
    const shown = book.addWorksheet('数据')
    shown.addRow(HEADER)
    shown.addRow(['activities', '鄄城县', '2024', 2])
    const r = await importBytes(await bytesOf(book), 'book.xlsx', importData())
    expect(r.sheet).toBe('数据')
    expect(r.result.observations.map((o) => [o.period, o.value])).toEqual([['2024', 2]])
  })

  it('reads a date formatted yyyy-mm as the month and 2024.10 formatted 0.00 as October; refuses an unformatted 2024.1', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('数据')
    sheet.addRow(HEADER)
    sheet.addRow(['activities', '鄄城县', new Date(Date.UTC(2024, 9, 1)), 1]).getCell(3).numFmt = 'yyyy-mm'
    sheet.addRow(['activities', '鄄城县', 2024.1, 2]).getCell(3).numFmt = '0.00'
    sheet.addRow(['activities', '鄄城县', 2023.1, 3])
    const r = await importBytes(await bytesOf(book), 'book.xlsx', importData())
    expect(r.result.observations.map((o) => [o.period, o.value])).toEqual([['2024-10', 1]])
    expect(r.result.problems).toEqual([
      expect.objectContaining({ line: 3, code: 'duplicate' }),
      expect.objectContaining({ line: 4, column: '时间', code: 'periodNumber' }),
    ])
  })
})

describe(dateText, () => {
  const day = new Date(Date.UTC(2024, 9, 1))
  it.each([
    ['yyyy-mm', '2024-10'],
    ['yyyy"年"m"月"', '2024-10'],
    ['yyyy', '2024'],
    ['yyyy-mm-dd', '2024-10-01'],
    ['[$-804]yyyy"年"m"月"d"日"', '2024-10-01'],
    ['', '2024-10-01'],
  ])('formats %s as %s', (fmt, text) => expect(dateText(day, fmt)).toBe(text))
})

describe(numberText, () => {
  it.each([
    [2024.1, '0.00', '2024.10'],
    [2024.1, 'General', '2024.1'],
    [1234.5, '#,##0.00', '1234.50'],
    [1e-7, '', '1e-7'],
  ])('shows %d formatted %s as %s', (value, fmt, text) => expect(numberText(value, fmt)).toBe(text))
})
