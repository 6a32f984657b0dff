import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importBytes, type ImportRun } from '@/data/import/importFile'
import { parsePeriod } from '@/domain/period'
import messages from '@/i18n/features/import'
import { encodeGbk } from './gbk'
import { importData } from './builders'

const data = importData()
const regionCodes = new Set(data.regions.map((r) => r.code))
const metricIds = new Set(data.metrics.map((m) => m.id))
const WHOLE_FILE = new Set(['empty', 'binary', 'tooBig', 'needsWorker', 'xlsx', 'noHeader', 'duplicateColumn'])

// Cells a person might type, right and wrong, plus arbitrary text.
const cell = fc.oneof(
  fc.constantFrom('activities', 'with_org', 'coverage_rate', '未知指标', '鄄城', '鄄城县', '371726', '菏泽', '郓城', '371799', '古泉街道'),
  fc.constantFrom('2024', '2024年12月', '2024.12', '2024/12/31', '2024Q4', '2024年第四季度', '2024-13', '2023-02-29', '去年'),
  fc.constantFrom('1,234', '66.1%', '1.2万', '约500', '500余', '-3', 'abc', '=SUM(A1:A3)', '=1+1', '', ' ', '1e5', '∞'),
  fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"', '""', '\u0000', '\ufeff', '，', '\t'),
  fc.string({ maxLength: 12 }),
)
const header = fc.oneof(
  fc.constant(['指标', '地区', '时间', '数值']),
  fc.shuffledSubarray(['指标', '地区', '时间', '数值', '单位', '限定', '来源', '原文', 'Metric', '备注'], { minLength: 0, maxLength: 8 }),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 6 }),
)
const csv = fc
  .record({
    header,
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 9 }), { maxLength: 12 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
  })
  .map(({ header, rows, delimiter, newline }) => [header, ...rows].map((r) => r.join(delimiter)).join(newline))

/** Checks the promises of an import: no crash, every problem has a text, every rejected row is located, accepted rows are valid. */
function checkRun(run: ImportRun): void {
  const { result } = run
  for (const p of result.problems) expect(messages.en.problem).toHaveProperty(p.code)
  const errors = result.problems.filter((p) => p.level === 'error')
  if (errors.some((p) => WHOLE_FILE.has(p.code))) return void expect(result.observations).toEqual([])
  for (const p of errors) expect(p.line).toBeGreaterThanOrEqual(1)
  const accepted = new Set(result.lines)
  // A structurally broken row counts as a rejected row too.
  const rejected = new Set(errors.filter((p) => p.code !== 'missingColumns' && p.code !== 'noRows' && p.code !== 'duplicateColumn').map((p) => p.line))
  for (const line of rejected) expect(accepted.has(line!)).toBe(false)
  if (!errors.some((p) => p.code === 'missingColumns')) expect(rejected.size).toBe(result.rowCount - result.observations.length)
  for (const o of result.observations) {
    expect(metricIds.has(o.metric) && regionCodes.has(o.region) && parsePeriod(o.period) !== null && Number.isFinite(o.value)).toBe(true)
  }
}

describe('importBytes on malformed input', () => {
  it('never throws on arbitrary bytes and locates or refuses the whole file (3,000 inputs)', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => checkRun(await importBytes(bytes, 'x.csv', data))), { numRuns: 3000 })
  })

  it('locates every rejected row of spreadsheet-like UTF-8 text (5,000 inputs)', async () => {
    await fc.assert(fc.asyncProperty(csv, async (text) => checkRun(await importBytes(new TextEncoder().encode(text), 'x.csv', data))), { numRuns: 5000 })
  })

  it('does the same for GBK-encoded text (2,000 inputs)', async () => {
    const gbkSafe = csv.filter((text) => [...text].every((c) => c.charCodeAt(0) < 0x80 || /[\u4e00-\u9fa5，。]/.test(c)))
    await fc.assert(fc.asyncProperty(gbkSafe, async (text) => checkRun(await importBytes(encodeGbk(text), 'x.csv', data))), { numRuns: 2000 })
  })
})
