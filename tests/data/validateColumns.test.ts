import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsvColumns } from '@/data/csv'
import { loadPackageColumns, loadPackage } from '@/data/load'
import { formatMessage } from '@/data/messages'
import { validatePackage, validatePackageColumns, type RawPackage } from '@/data/validate'
import { fsReader } from '@/cli/fsReader'
import { fromColumns, toColumns } from '@/domain/columnar'
import { QUALIFIERS } from '@/domain/types'
import { mulberry32, synthesizeObservations, synthesizeRegions, SYNTHETIC_METRICS, SYNTHETIC_SOURCE } from '@/domain/synthesize'
import type { Observation } from '@/domain/types'
import { DESCRIPTOR, fixturePackage, fixtureTables, toCsv, viewPackage } from '../fixtures/package'

const base = fixtureTables()
const obsWith = (patch: Record<string, string | number>) => [{ ...base.observations[0], ...patch }, base.observations[1]]
const HEADER = ['metric', 'region', 'period', 'value', 'qualifier', 'source', 'quote']

const fixtures: [string, RawPackage][] = [
  ['the fixture package', fixturePackage()],
  ['the view package', viewPackage([{ metric: 'activities', region: '371726', period: '2024-12', value: 7 }])],
  ['an unknown region', fixturePackage({ observations: obsWith({ region: '371799' }) })],
  ['a value that is not a number', fixturePackage({ observations: obsWith({ value: '六十六' }) })],
  ['a qualifier outside the enum', fixturePackage({ observations: obsWith({ qualifier: '余' }) })],
  ['a period that is not ISO 8601', fixturePackage({ observations: obsWith({ period: '2024-13' }) })],
  ['a quote the report lacks', fixturePackage({ observations: obsWith({ quote: '覆盖率已达70%' }) })],
  ['a duplicate row', fixturePackage({ observations: [...base.observations, base.observations[0]] })],
  ['a multi-line quote', fixturePackage({ report: '其中5个\n\n部门', observations: [{ ...base.observations[0], metric: 'with_org', quote: '5个\n\n部门' }, { ...base.observations[1], region: '371799' }] })],
  ['a ragged row', fixturePackage({ observations: `${HEADER.join(',')}\ncoverage_rate,371700\nactivities,371726,2024,5,=,r1,500余次\n` })],
  ['an unterminated quote', fixturePackage({ observations: `${HEADER.join(',')}\nactivities,371726,2024,5,=,r1,"500余次\n` })],
  ['a missing table', fixturePackage({ observations: null })],
  ['an empty table', fixturePackage({ observations: '' })],
]

describe(validatePackageColumns, () => {
  it.each(fixtures)('agrees with validatePackage on %s: rows, values, order and messages', (_, raw) => {
    const columnar = validatePackageColumns(raw)
    const { dataset, messages } = validatePackage(raw)
    expect(columnar.messages).toEqual(messages)
    expect(columnar.dataset).toEqual({ ...dataset, observations: [] })
    expect(fromColumns(columnar.columns)).toEqual(dataset.observations)
    // The codes follow toColumns' conventions (qualifier order, one string table), so the page can read either.
    expect(fromColumns(toColumns(dataset.observations))).toEqual(fromColumns(columnar.columns))
  })

  it.each(fixtures)('gives the same rows and messages for %s read as bytes as read as text', (_, raw) => {
    const encoder = new TextEncoder()
    const asBytes = Object.fromEntries(Object.entries(raw.tables).map(([path, text]) => [path, typeof text === 'string' ? encoder.encode(text) : text]))
    expect(validatePackageColumns({ ...raw, tables: asBytes })).toEqual(validatePackageColumns(raw))
  })

  it('keeps exactly the accepted rows of a synthetic package with bad rows mixed in, and locates every bad one', () => {
    const { raw, expected } = syntheticWithBadRows(11)
    const { columns, messages } = validatePackageColumns(raw)
    expect(messages.map(formatMessage)).toEqual(expected.messages)
    expect(fromColumns(columns)).toEqual(expected.observations)
    expect(validatePackage(raw).dataset.observations).toEqual(expected.observations)
  })

  it('locates the same rows when every cell is quoted and lines end in CRLF after a byte-order mark', () => {
    const { raw, expected } = syntheticWithBadRows(12, { quoteAll: true, eol: '\r\n', bom: true })
    const { columns, messages } = validatePackageColumns(raw)
    expect(messages.map(formatMessage)).toEqual(expected.messages)
    expect(fromColumns(columns)).toEqual(expected.observations)
  })

  it('stores each repeated metric, region, period and source once', () => {
    const { raw, expected } = syntheticWithBadRows(13)
    const { columns } = validatePackageColumns(raw)
    const distinct = new Set(expected.observations.flatMap((o) => [o.metric, o.region, o.period, o.source, o.quote]))
    expect(columns.value).toHaveLength(expected.observations.length)
    expect([...columns.strings].sort()).toEqual([...distinct].sort())
  })

  it('codes qualifiers in the order of QUALIFIERS', () => {
    const rows = QUALIFIERS.map((qualifier, i) => ({ ...base.observations[0], period: `202${i}`, qualifier }))
    expect([...validatePackageColumns(fixturePackage({ observations: rows })).columns.qualifier]).toEqual([0, 1, 2, 3])
  })
})

describe(parseCsvColumns, () => {
  const written = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 20 })).map(([x, d]) => x.toFixed(d)),
    fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
    fc.stringMatching(/^-?[0-9]{0,20}(\.[0-9]{0,25})?([eE][-+]?[0-9]{1,3})?$/),
  )
  const padded = fc.tuple(written, fc.constantFrom('', ' ', '  '), fc.constantFrom('', ' ')).map(([v, a, b]) => a + v + b)

  it('reads a number column as Number reads each cell, and keeps every other cell as text', () => {
    fc.assert(
      fc.property(fc.array(padded, { minLength: 1, maxLength: 20 }), (cells) => {
        // A second column, so that an empty cell is not a blank line (which is skipped).
        const table = parseCsvColumns(`i,v\n${cells.map((c, i) => `${i},${c}`).join('\n')}\n`, { numbers: ['v'] })
        const { codes, numbers, values } = table.columns[1]
        cells.forEach((cell, k) => {
          // 1e310 spells a number but reads as Infinity: a finite figure is expected, so it stays text.
          const isNumber = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(cell.trim()) && Number.isFinite(Number(cell))
          if (isNumber) expect(Object.is(numbers![k], Number(cell))).toBe(true)
          else expect(values[codes[k]]).toBe(cell)
        })
      }),
    )
  })

  it('reads cells that spell out the quoted cell above them as separate cells', () => {
    const table = parseCsvColumns('a,b,c\n"x,y",z,1\nx,y,1\n')
    expect(table.problems).toEqual([])
    expect([0, 1].map((k) => table.columns.map((c) => c.values[c.codes[k]]))).toEqual([
      ['x,y', 'z', '1'],
      ['x', 'y', '1'],
    ])
  })

  it('reads any Unicode cell back exactly, quoted or not', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 8 })
    const quoteIfNeeded = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        const kept = rows.filter(([a, b]) => a !== '' || b !== '')
        const table = parseCsvColumns(['a,b', ...kept.map((r) => r.map(quoteIfNeeded).join(','))].join('\n') + '\n')
        expect(kept.map((_, k) => table.columns.map((c) => c.values[c.codes[k]]))).toEqual(kept)
      }),
    )
  })
})

describe('parseCsvColumns on bytes', () => {
  const encoder = new TextEncoder()
  const same = (text: string) => {
    expect(parseCsvColumns(encoder.encode(text))).toEqual(parseCsvColumns(text))
  }

  it('reads any Unicode cells, quoted or not, as from the text', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 8 })
    const quoteIfNeeded = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        same(['a,b', ...rows.map((r) => r.map(quoteIfNeeded).join(','))].join('\n') + '\n')
      }),
    )
  })

  it('drops a byte-order mark, reads CRLF, and sends an irregular file to papaparse as the text is', () => {
    same('\uFEFFa,b\r\n1,鄄城\r\n')
    same('a,b\n1,"open\n')
    same('a,b\n1,x"y\n')
    same('a,b\r1,2\n')
  })

  it('reads bytes that are not UTF-8 as the decoded text, so two different bad bytes are one cell as there', () => {
    // GBK 鄄城 and another GBK pair: both decode to U+FFFD pairs; as text they are the same cell, so as bytes too.
    const file = new Uint8Array([...encoder.encode('a,b\n1,'), 0xf6, 0xb2, 0xb3, 0xc7, 10, ...encoder.encode('2,'), 0xf6, 0xb3, 0xb3, 0xc8, 10])
    const table = parseCsvColumns(file)
    expect(table).toEqual(parseCsvColumns(new TextDecoder().decode(file)))
    expect(table.columns[1].codes[0]).toBe(table.columns[1].codes[1])
  })
})

describe(loadPackageColumns, () => {
  it('loads the embedded package as loadPackage does, observations as columns', async () => {
    const read = fsReader('data')
    const [columnar, loaded] = await Promise.all([loadPackageColumns(read), loadPackage(read)])
    expect(columnar.messages).toEqual(loaded.messages)
    expect(fromColumns(columnar.columns)).toEqual(loaded.dataset.observations)
    expect(columnar.columns.value.length).toBeGreaterThan(0)
  })
})

/** Ways a row can go wrong, one inserted after a good row `g`; each knows its message and whether it is kept. */
const BAD_ROWS = ['region', 'value', 'period', 'duplicate', 'conflict', 'qualifier', 'empty', 'multiline', 'ragged', 'quote', 'percent'] as const
const REPORT = '合成报告：其中5个\n\n部门整合职能。'
const MULTILINE_QUOTE = '5个\n\n部门'

/**
 * A seeded synthetic package (2 counties × 4 metrics × 24 months) with a bad row after about one good row in
 * six, and what validation must give: the messages, in line order, and the accepted observations, in file order.
 */
function syntheticWithBadRows(seed: number, options: { quoteAll?: boolean; eol?: string; bom?: boolean } = {}) {
  const random = mulberry32(seed)
  const good = synthesizeObservations({ regions: 2, periods: 24, seed, start: '2023-01' })
  const unit = new Map(SYNTHETIC_METRICS.map((m) => [m.id, m.unit]))
  const cellText = (v: string | number) => {
    const s = String(v)
    return options.quoteAll || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const rowText = (o: Record<string, string | number>) => HEADER.map((h) => cellText(o[h])).join(',')
  const texts = [HEADER.join(',')]
  const messages: { line: number; text: string }[] = []
  const observations: Observation[] = []
  let line = 2
  let inserted = 0
  const write = (text: string) => {
    texts.push(text)
    const at = line
    line += 1 + (text.match(/\n/g)?.length ?? 0)
    return at
  }
  const error = (at: number, text: string) => messages.push({ line: at, text: `observations.csv:${at}: ${text}` })
  for (const g of good) {
    const gLine = write(rowText({ ...g }))
    observations.push(g)
    if (random() > 1 / 6) continue
    const kind = BAD_ROWS[inserted % BAD_ROWS.length]
    const i = inserted++
    if (kind === 'region') error(write(rowText({ ...g, region: '999999' })), 'region 999999 is not in regions.csv')
    if (kind === 'value') error(write(rowText({ ...g, value: 'n/a' })), 'value "n/a" is not a number')
    if (kind === 'period') error(write(rowText({ ...g, period: `x${i}` })), `period "x${i}" is not an ISO period (2024, 2024-Q4, 2024-12, 2024-12-31, 2022/2025-01)`)
    if (kind === 'duplicate') {
      const what = `metric ${g.metric}, region ${g.region}, period ${g.period}, source ${g.source}`
      error(write(rowText({ ...g })), `duplicate row: ${what} already at line ${gLine}`)
    }
    if (kind === 'conflict') {
      const row: Observation = { ...g, source: 'r2', value: g.value / 2, qualifier: g.qualifier === '=' ? '~' : '=' }
      const at = write(rowText({ ...row }))
      observations.push(row)
      const what = `${g.metric} ${g.region} ${g.period}`
      messages.push({ line: at, text: `observations.csv:${at}: conflict: ${what} is ${row.value} (source r2) here and ${g.value} (source ${g.source}) at line ${gLine}; both are kept` })
    }
    if (kind === 'qualifier') error(write(rowText({ ...g, qualifier: '余' })), 'qualifier "余" is not one of = >= ~ <=')
    if (kind === 'empty') error(write(rowText({ ...g, metric: '' })), 'metric is empty')
    if (kind === 'multiline') {
      const row: Observation = { ...g, source: 'r1', quote: MULTILINE_QUOTE }
      write(rowText({ ...row }))
      observations.push(row)
    }
    if (kind === 'ragged') error(write('a,b,c'), 'expected 7 fields, found 3')
    if (kind === 'quote') error(write(rowText({ ...g, source: 'r1', quote: '不在报告里' })), 'quote "不在报告里" does not occur in reports/r1.txt')
    if (kind === 'percent') {
      const row: Observation = { ...g, metric: 'party_coverage', period: `${2030 + i}-01`, value: 150 }
      const at = write(rowText({ ...row }))
      observations.push(row)
      messages.push({ line: at, text: `observations.csv:${at}: party_coverage 150% is outside 0–100` })
    }
  }
  expect(inserted).toBeGreaterThanOrEqual(2 * BAD_ROWS.length)
  expect(observations.some((o) => unit.get(o.metric) === '%')).toBe(true)

  const regions = synthesizeRegions(2).map((r) => ({ code: r.code, name: r.name, level: r.level, parent: r.parent ?? '', aliases: r.aliases.join('|') }))
  const metrics = SYNTHETIC_METRICS.map((m) => ({
    id: m.id,
    name: m.name,
    name_en: m.nameEn,
    unit: m.unit,
    kind: m.kind,
    temporal: m.temporal,
    aggregate: m.aggregate.kind === 'ratio' ? `ratio:${m.aggregate.numerator}/${m.aggregate.denominator}` : m.aggregate.kind,
    category: m.category,
    definition: '',
    aliases: '',
    target: m.target ?? '',
  }))
  const source = (id: string, file: string) => ({ id, title: id, publication: '', date: '2025-01', author: '', file, url: '', note: '' })
  const sources = [source(SYNTHETIC_SOURCE, ''), source('r1', 'reports/r1.txt'), source('r2', '')]
  const eol = options.eol ?? '\n'
  const raw: RawPackage = {
    descriptor: DESCRIPTOR,
    tables: {
      'regions.csv': toCsv(regions),
      'metrics.csv': toCsv(metrics),
      'sources.csv': toCsv(sources),
      'observations.csv': (options.bom ? '\ufeff' : '') + texts.join(eol) + eol,
    },
    reports: { 'reports/r1.txt': REPORT },
  }
  messages.sort((a, b) => a.line - b.line)
  return { raw, expected: { messages: messages.map((m) => m.text), observations } }
}
