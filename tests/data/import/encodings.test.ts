import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeBytes } from '@/data/import/decode'
import { importBytes } from '@/data/import/importFile'
import { encodeBig5, encodeGbk } from './gbk'
import { importData, utf8 } from './builders'

const run = (bytes: Uint8Array) => importBytes(bytes, 'test.csv', importData())
const utf16le = (text: string) => {
  const out = new Uint8Array(2 + text.length * 2)
  out.set([0xff, 0xfe])
  for (let i = 0; i < text.length; i++) out.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2)
  return out
}

describe(decodeBytes, () => {
  it('reads Excel’s 「Unicode 文本」: UTF-16LE with a BOM, tab-separated', async () => {
    const r = await run(utf16le('指标\t地区\t时间\t数值\r\nactivities\t鄄城\t2024年12月\t7\r\n'))
    expect(r.encoding).toBe('utf-16le')
    expect(r.result.observations).toEqual([expect.objectContaining({ region: '371726', period: '2024-12', value: 7 })])
  })

  it('reads a Big5 file as Big5, not as GB18030 mojibake, and says so', async () => {
    const r = await run(encodeBig5('指標,地區,時間,數值,備註\r\nactivities,鄄城,2024年12月,7,鄄城縣統計資料\r\n'))
    expect(r.encoding).toBe('big5')
    expect(r.header).toEqual(['指標', '地區', '時間', '數值', '備註'])
    expect(r.result.problems).toContainEqual(expect.objectContaining({ level: 'warning', code: 'big5' }))
  })

  it('keeps reading GBK as GB18030 without a doubt', async () => {
    const r = await run(encodeGbk('指标,地区,时间,数值,备注\r\nactivities,鄄城,2024年12月,7,鄄城县统计资料\r\n'))
    expect(r.encoding).toBe('gb18030')
    expect(r.result.problems.filter((p) => p.level === 'warning')).toEqual([])
  })

  it('never throws on random bytes, with or without a BOM (3,000 inputs)', () => {
    const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff])
    fc.assert(
      fc.property(bom, fc.uint8Array({ maxLength: 200 }), (b, body) => {
        const decoded = decodeBytes(Uint8Array.from([...b, ...body]))
        expect('text' in decoded || 'problem' in decoded).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })
})

describe('importBytes on rows of a broken structure', () => {
  it('reads a file mixing \\r\\n and \\n line ends, with the right line numbers', async () => {
    const r = await run(utf8('指标,地区,时间,数值\r\nactivities,鄄城,2024,5\nactivities,鄄城,2023,6\r\nactivities,鄄城,2022,x'))
    expect(r.result.observations).toHaveLength(2)
    expect(r.result.problems).toEqual([expect.objectContaining({ line: 4, code: 'number' })])
  })

  it('counts ragged rows as rows, rejected, each located', async () => {
    const r = await run(utf8('指标,地区,时间,数值', 'activities,鄄城,2024,5', 'activities,鄄城,2023', 'activities,鄄城,2022,6,7'))
    expect(r.result.rowCount).toBe(3)
    expect(r.result.observations).toHaveLength(1)
    expect(r.result.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'ragged'],
      [4, 'ragged'],
    ])
  })

  it('refuses two 数值 columns, naming both, rather than reading the first', async () => {
    const r = await run(utf8('指标,地区,时间,数值,数值', 'activities,鄄城,2024,5,6'))
    expect(r.result.observations).toEqual([])
    expect(r.result.problems).toEqual([expect.objectContaining({ level: 'error', line: 1, code: 'duplicateColumn', params: { field: 'value', columns: '数值（4）、数值（5）' } })])
  })
})
