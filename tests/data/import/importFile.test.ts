import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { importBytes, MAX_BYTES, toBatch } from '@/data/import/importFile'
import { createMetrics, draftFor } from '@/data/import/metrics'
import { packageTables, toCsvText } from '@/data/import/writeCsv'
import { mergeDataset } from '@/domain/merge'
import { ObservationIndex } from '@/domain/observationIndex'
import { validatePackage } from '@/data/validate'
import { encodeGbk } from './gbk'
import { importData, utf8 } from './builders'
import { DESCRIPTOR, fixturePackage } from '../../fixtures/package'

const HEADER = '指标,地区,时间,数值'
const run = (bytes: Uint8Array, data = importData()) => importBytes(bytes, 'test.csv', data)
const errors = (r: Awaited<ReturnType<typeof run>>) => r.result.problems.filter((p) => p.level === 'error')

describe(importBytes, () => {
  it('reads a GBK CSV saved by Excel on Chinese Windows without mojibake', async () => {
    const r = await run(encodeGbk(`${HEADER}\r\nactivities,鄄城,2024年12月,约1.2万\r\n`))
    expect(r.encoding).toBe('gb18030')
    expect(r.header).toEqual(['指标', '地区', '时间', '数值'])
    expect(r.result.observations).toEqual([expect.objectContaining({ region: '371726', period: '2024-12', value: 12000, qualifier: '~' })])
  })

  it('reads UTF-8 with a BOM and English headers', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Metric,Region,Period,Value,Qualifier', 'activities,371726,2024Q4,500,余')])
    const r = await run(bytes)
    expect(r.encoding).toBe('utf-8')
    expect(r.result.observations).toEqual([expect.objectContaining({ period: '2024-Q4', value: 500, qualifier: '>=' })])
  })

  it('reads semicolon- and tab-separated files', async () => {
    for (const d of [';', '\t']) {
      const r = await run(utf8(HEADER.replaceAll(',', d), ['activities', '鄄城', '2024', '7'].join(d)))
      expect(r.result.observations).toHaveLength(1)
    }
  })

  it('locates each bad cell by line and column and says what was expected', async () => {
    const r = await run(utf8(HEADER, 'activities,鄄城,2024,5', 'activities,鄄城,2024-13,6', 'activities,郓城,2023,x'))
    expect(errors(r)).toEqual([
      { level: 'error', line: 3, column: '时间', code: 'periodDate', params: { value: '2024-13' } },
      expect.objectContaining({ line: 4, column: '地区', code: 'region' }),
      { level: 'error', line: 4, column: '数值', code: 'number', params: { value: 'x' } },
    ])
    expect(r.result.observations).toHaveLength(1)
  })

  it('refuses an empty file, a binary file renamed .csv and a header without rows, each with a message', async () => {
    expect(errors(await run(new Uint8Array()))[0].code).toBe('empty')
    expect(errors(await run(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3])))[0].code).toBe('binary')
    expect(errors(await run(utf8(HEADER)))[0]).toMatchObject({ line: 1, code: 'noRows' })
  })

  it('refuses a file over the size limit before reading it', async () => {
    const huge = { length: MAX_BYTES + 1 } as Uint8Array
    expect(errors(await run(huge))[0]).toMatchObject({ code: 'tooBig', params: { max: MAX_BYTES / 1048576 } })
  })

  it('names the missing columns when the header is unknown, and takes a mapping chosen by the user', async () => {
    const bytes = utf8('项目名,县,年度,数', 'activities,鄄城,2024,5')
    const first = await run(bytes)
    expect(errors(first)[0]).toMatchObject({ line: 1, code: 'missingColumns', params: { fields: 'metric, region, period, value' } })
    const mapping = { ...first.mapping, metric: 0, region: 1, period: 2, value: 3 }
    expect((await importBytes(bytes, 'x.csv', importData(), { mapping })).result.observations).toHaveLength(1)
  })

  it('rejects ragged rows and formula cells, and keeps script text as plain text with a warning', async () => {
    const r = await run(utf8(HEADER + ',原文', 'activities,鄄城,2024', 'activities,鄄城,2023,=SUM(A1:A3),', 'activities,鄄城,2022,4,<script>alert(1)</script>'))
    expect(r.result.problems.map((p) => [p.line, p.code])).toEqual([[2, 'ragged'], [3, 'formula'], [4, 'markup']])
    expect(r.result.observations[0].quote).toBe('<script>alert(1)</script>')
  })

  it('rejects a repeated row and a row the data already has, and warns on a conflicting value', async () => {
    const data = importData()
    const r = await run(utf8(HEADER + ',来源', 'activities,鄄城,2023,5,', 'activities,鄄城,2023,5,', 'activities,鄄城,2022/2025-01,500,r1', 'activities,鄄城,2022/2025-01,600,'), data)
    expect(r.result.problems.map((p) => [p.line, p.level, p.code])).toEqual([
      [3, 'error', 'duplicate'],
      [4, 'error', 'quoteRequired'],
      [5, 'warning', 'conflict'],
    ])
  })

  it('finds the data’s figures in the index’s columns: an earlier import of the same file is refused, another value warned', async () => {
    const earlier = { metric: 'activities', region: '371726', period: '2023', value: 5, qualifier: '=' as const, source: 'import-1', quote: '' }
    const data = importData()
    const observations = [...validatePackage(fixturePackage()).dataset.observations, earlier]
    const existing = new ObservationIndex(observations).columns()
    const r = await run(utf8(HEADER, 'activities,鄄城,2023,5', 'activities,鄄城,2022/2025-01,600', 'activities,菏泽,2023,5'), { ...data, existing })
    expect(r.result.problems.map((p) => [p.line, p.level, p.code])).toEqual([
      [2, 'error', 'exists'],
      [3, 'warning', 'conflict'],
    ])
    expect(r.result.observations.map((o) => `${o.region} ${o.period}`)).toEqual(['371726 2022/2025-01', '371700 2023'])
  })

  it('holds rows of an unknown metric until the user creates it', async () => {
    const bytes = utf8(HEADER, '网格员人数,鄄城,2024,120', '网格员人数,曹县,2024,80')
    const data = importData()
    const first = await run(bytes, data)
    expect(first.result.unknownMetrics).toEqual([{ text: '网格员人数', unit: '', percent: false, lines: [2, 3] }])
    expect(first.result.observations).toEqual([])
    const created = createMetrics({ 网格员人数: { ...draftFor(first.result.unknownMetrics[0]), unit: '人' } }, data.metrics)
    const second = await run(bytes, { ...data, created })
    expect(errors(second)).toEqual([expect.objectContaining({ line: 3, code: 'region' })])
    expect(second.result.metrics).toEqual([expect.objectContaining({ id: 'user_metric_1', name: '网格员人数', unit: '人', kind: 'count' })])
  })

  it('reads the first sheet of an XLSX file, dates and formula results included', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('数据')
    sheet.addRow(['指标', '地区', '时间', '数值'])
    sheet.addRow(['activities', '鄄城县', new Date(Date.UTC(2024, 11, 31)), 42])
    sheet.addRow(['activities', '鄄城县', '2023', { formula: '40+1', result: 41 }])
    book.addWorksheet('说明')
    const bytes = new Uint8Array(await book.xlsx.writeBuffer())
    const r = await importBytes(bytes, 'book.xlsx', importData())
    expect(r.sheets).toEqual(['数据', '说明'])
    expect(r.result.observations.map((o) => [o.period, o.value])).toEqual([['2024-12-31', 42], ['2023', 41]])
    expect(r.result.problems).toEqual([expect.objectContaining({ level: 'warning', line: 3, code: 'formulaResult' })])
  })
})

describe(toBatch, () => {
  it('round-trips: the merged package written as CSV validates and holds the imported rows', async () => {
    const data = importData()
    const r = await run(utf8(HEADER + ',限定,来源', 'activities,鄄城,2024,"1,200",约,区民政局', 'coverage_rate,菏泽,2024-Q4,70.5,,'), data)
    const batch = toBatch(r, 'import-1', '2026-11-29T10:00:00Z')
    const merged = mergeDataset(validatePackage((await import('../../fixtures/package')).fixturePackage()).dataset, [batch])
    const tables = packageTables(merged)
    const again = validatePackage({ descriptor: DESCRIPTOR, tables, reports: { 'reports/r1.txt': merged.reports.r1 } })
    expect(again.messages.filter((m) => m.level === 'error')).toEqual([])
    expect(again.dataset.observations).toEqual(merged.observations)
  })

  it('exports observations as CSV and imports them back identical', async () => {
    const data = importData()
    const rows = [
      { metric: 'activities', region: '371726', period: '2024-12', value: 12.5, qualifier: '>=', source: 'import-1', quote: '' },
      { metric: 'with_org', region: '371700', period: '2022/2025-01', value: 3, qualifier: '~', source: 'import-1', quote: 'a "quoted", text' },
    ]
    const csv = toCsvText(['metric', 'region', 'period', 'value', 'qualifier', 'source', 'quote'], rows)
    const r = await run(utf8(csv.trimEnd()), data)
    expect(r.result.problems).toEqual([])
    expect(r.result.observations).toEqual(rows)
  })
})
