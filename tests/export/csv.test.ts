import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from '@/export/csv'
import { figuresCsv } from '@/export/dataFiles'
import { exportTexts } from '@/export/messages'
import { shownRows } from '@/export/viewExport'
import { exportData, query } from './builders'

describe(csvCell, () => {
  it('escapes cells that a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1+2')).toBe("'+1+2")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
  })

  it('leaves plain numbers, negative ones included, as numbers', () => {
    expect(csvCell(-3.5)).toBe('-3.5')
    expect(csvCell('66.1')).toBe('66.1')
  })

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('5个\n部门')).toBe('"5个\n部门"')
  })
})

describe(toCsv, () => {
  it('starts with a UTF-8 BOM so Excel reads Chinese correctly', () => {
    const text = toCsv(['地区'], [['鄄城县']])
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    expect(text).toBe('\uFEFF地区\r\n鄄城县\r\n')
  })
})

describe(figuresCsv, () => {
  it('has qualifier, source and quote columns and escapes a formula-like quote', () => {
    const text = figuresCsv(shownRows(exportData(), query()), exportTexts('zh'))
    const [header, ...lines] = text.slice(1).trim().split('\r\n')
    expect(header).toBe('指标代码,指标,地区代码,地区,时间（ISO）,时间,数值,限定,单位,来源,来源日期,原文')
    expect(lines).toHaveLength(4)
    const bound = lines.find((l) => l.includes('58,'))!
    expect(bound).toContain('不少于')
    expect(bound).toContain('菏泽日报社会工作版')
    expect(bound).toContain("'=SUM(A1) 58%以上")
  })
})
