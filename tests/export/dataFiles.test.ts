import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { figuresXlsx, zipFiles } from '@/export/dataFiles'
import { exportTexts } from '@/export/messages'
import { selectionObservations, shownRows, viewFileName } from '@/export/viewExport'
import { COVERAGE, SOURCE, exportData, obs, query, sampleObservations } from './builders'

describe(figuresXlsx, () => {
  it('writes a 数据 sheet with numbers and a 说明 sheet with definitions, units and sources', async () => {
    const bytes = await figuresXlsx(shownRows(exportData(), query()), [COVERAGE], [SOURCE], exportTexts('zh'))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(book.worksheets.map((s) => s.name)).toEqual(['数据', '说明'])
    const data = book.getWorksheet('数据')!
    expect(data.getRow(1).getCell(8).value).toBe('限定')
    expect(data.rowCount).toBe(5)
    expect(typeof data.getRow(2).getCell(7).value).toBe('number')
    const quote = data.getColumn(12).values.find((v) => String(v).startsWith('=SUM'))
    expect(quote).toBe('=SUM(A1) 58%以上')
    const notes = JSON.stringify(book.getWorksheet('说明')!.getSheetValues())
    expect(notes).toContain('建立党组织的协会商会占比')
    expect(notes).toContain('菏泽日报社会工作版')
  })
})

describe(zipFiles, () => {
  it('keeps every file, renaming a repeated name instead of overwriting it', async () => {
    const zip = await JSZip.loadAsync(await zipFiles([{ name: 'a.png', data: 'x' }, { name: 'a.png', data: 'y' }, { name: 'b.csv', data: 'z' }]))
    expect(Object.keys(zip.files).sort()).toEqual(['a(2).png', 'a.png', 'b.csv'])
  })
})

describe(selectionObservations, () => {
  it('holds every metric of the selected regions, where the shown data holds one', () => {
    const other = { ...COVERAGE, id: 'members', name: '党员数', unit: '人' }
    const data = exportData([...sampleObservations(), obs('371726', '2025', 12, { metric: 'members' })], [COVERAGE, other])
    expect(selectionObservations(data, query()).map((o) => o.metric)).toContain('members')
    expect(shownRows(data, query()).map((r) => r.metricId)).not.toContain('members')
    expect(viewFileName(data, query(), 'csv', true)).toBe('鄄城县+牡丹区_全部指标_2024-2025.csv')
  })
})
