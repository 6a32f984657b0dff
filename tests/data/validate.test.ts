import { describe, expect, it } from 'vitest'
import { formatMessage } from '@/data/messages'
import { validatePackage } from '@/data/validate'
import { fixturePackage, fixtureTables, REPORT } from '../fixtures/package'

const base = fixtureTables()
const errorsOf = (pkg: ReturnType<typeof fixturePackage>) =>
  validatePackage(pkg).messages.filter((m) => m.level === 'error').map(formatMessage)
const obsWith = (patch: Record<string, string | number>) => [{ ...base.observations[0], ...patch }, base.observations[1]]

describe(validatePackage, () => {
  it('accepts a valid package and keeps every row', () => {
    const { dataset, messages } = validatePackage(fixturePackage())
    expect(messages).toEqual([])
    expect(dataset.observations).toHaveLength(2)
    expect(dataset.observations[1]).toMatchObject({ value: 500, qualifier: '>=', period: '2022/2025-01' })
    expect(dataset.metrics[0].aggregate).toEqual({ kind: 'ratio', numerator: 'with_org', denominator: 'total' })
    expect(dataset.reports.r1).toBe(REPORT)
  })

  it.each([
    ['an unknown region', { region: '371799' }, 'observations.csv:2: region 371799 is not in regions.csv'],
    ['an unknown metric', { metric: 'nope' }, 'observations.csv:2: metric nope is not in metrics.csv'],
    ['an unknown source', { source: 'r9' }, 'observations.csv:2: source r9 is not in sources.csv'],
    ['a value that is not a number', { value: '六十六' }, 'observations.csv:2: value "六十六" is not a number'],
    ['a qualifier outside the enum', { qualifier: '余' }, 'observations.csv:2: qualifier "余" is not one of = >= ~ <='],
    ['an empty required field', { metric: '' }, 'observations.csv:2: metric is empty'],
  ])('locates %s', (_, patch, message) => {
    expect(errorsOf(fixturePackage({ observations: obsWith(patch) }))).toEqual([message])
  })

  it('locates a period that is not ISO 8601', () => {
    expect(errorsOf(fixturePackage({ observations: obsWith({ period: '2024-13' }) }))).toEqual([
      'observations.csv:2: period "2024-13" is not an ISO period (2024, 2024-Q4, 2024-12, 2024-12-31, 2022/2025-01)',
    ])
  })

  it('locates a quote that the report text does not contain', () => {
    expect(errorsOf(fixturePackage({ observations: obsWith({ quote: '覆盖率已达70%' }) }))).toEqual([
      'observations.csv:2: quote "覆盖率已达70%" does not occur in reports/r1.txt',
    ])
  })

  it('requires a quote when the source ships its text', () => {
    expect(errorsOf(fixturePackage({ observations: obsWith({ quote: '' }) }))).toEqual([
      'observations.csv:2: quote is empty: source r1 ships its text, so the figure must quote it',
    ])
  })

  it('locates a duplicate row by its line and the line it repeats', () => {
    const rows = [...base.observations, base.observations[0]]
    expect(errorsOf(fixturePackage({ observations: rows }))).toEqual([
      'observations.csv:4: duplicate row: metric coverage_rate, region 371700, period 2025-01, source r1 already at line 2',
    ])
  })

  it('warns of a conflict, keeps both figures and names both sources', () => {
    const sources = [...base.sources, { ...base.sources[0], id: 'r2', file: '' }]
    const rows = [...base.observations, { ...base.observations[0], value: 70, source: 'r2', quote: '' }]
    const { dataset, messages } = validatePackage(fixturePackage({ sources, observations: rows }))
    expect(messages.map(formatMessage)).toEqual([
      'observations.csv:4: conflict: coverage_rate 371700 2025-01 is 70 (source r2) here and 66.1 (source r1) at line 2; both are kept',
    ])
    expect(messages[0].level).toBe('warning')
    expect(dataset.observations.filter((o) => o.metric === 'coverage_rate').map((o) => o.value)).toEqual([66.1, 70])
  })

  it('counts lines inside quoted multi-line cells', () => {
    const report = '其中5个\n\n部门整合职能。'
    const rows = [{ ...base.observations[0], quote: '5个\n\n部门整合', value: 5, metric: 'with_org' }, { ...base.observations[1], region: '371799' }]
    expect(errorsOf(fixturePackage({ report, observations: rows }))).toEqual(['observations.csv:5: region 371799 is not in regions.csv'])
  })

  it('locates a region whose parent does not exist', () => {
    const regions = [...base.regions, { code: '371799001', name: '某镇', level: 'town', parent: '371799', aliases: '' }]
    expect(errorsOf(fixturePackage({ regions }))).toEqual(['regions.csv:4: parent 371799 is not in regions.csv'])
  })

  it('refuses a rate that would be summed across regions', () => {
    const metrics = [{ ...base.metrics[0], aggregate: 'sum' }, ...base.metrics.slice(1)]
    expect(errorsOf(fixturePackage({ metrics }))).toEqual(['metrics.csv:2: a rate cannot be summed across regions: use ratio:NUMERATOR/DENOMINATOR or none'])
  })

  it('locates a ratio that names an unknown metric', () => {
    const metrics = [{ ...base.metrics[0], aggregate: 'ratio:with_org/nowhere' }, ...base.metrics.slice(1)]
    expect(errorsOf(fixturePackage({ metrics }))).toEqual(['metrics.csv:2: aggregate refers to unknown metric nowhere'])
  })

  it('reads regions’ English names from the optional name_en column, and a package without the column as before', () => {
    const withEn = 'code,name,name_en,level,parent,aliases\n371700,菏泽市,Heze City,city,,菏泽\n371726,鄄城县,,county,371700,鄄城\n'
    const read = validatePackage(fixturePackage({ regions: withEn }))
    expect(read.messages).toEqual([])
    expect(read.dataset.regions.map((r) => r.nameEn)).toEqual(['Heze City', undefined])
    const without = validatePackage(fixturePackage())
    expect(without.messages).toEqual([])
    expect(without.dataset.regions.every((r) => !('nameEn' in r))).toBe(true)
  })

  it('names missing columns on the header line', () => {
    const text = 'metric,region,period,value\ncoverage_rate,371700,2025-01,66.1\n'
    expect(errorsOf(fixturePackage({ observations: text }))).toEqual(['observations.csv:1: missing columns qualifier, source, quote'])
  })

  it('locates a ragged row and keeps the rows around it', () => {
    const text = 'metric,region,period,value,qualifier,source,quote\ncoverage_rate,371700,2025-01,66.1\nactivities,371726,2022/2025-01,500,>=,r1,500余次\n'
    const { dataset, messages } = validatePackage(fixturePackage({ observations: text }))
    expect(messages.map(formatMessage)).toEqual(['observations.csv:2: expected 7 fields, found 4'])
    expect(dataset.observations).toHaveLength(1)
  })

  it('reports an empty table file', () => {
    expect(errorsOf(fixturePackage({ observations: '' }))).toEqual(['observations.csv:1: the file is empty: a header row is expected'])
  })

  it('reports a report file that cannot be read on its source row', () => {
    const errors = errorsOf(fixturePackage({ report: null }))
    expect(errors).toEqual(['sources.csv:2: report file reports/r1.txt cannot be read'])
  })

  it('reports a missing table without losing the others', () => {
    const { dataset, messages } = validatePackage(fixturePackage({ observations: null }))
    expect(messages.map(formatMessage)).toEqual(['observations.csv: cannot be read'])
    expect(dataset.regions).toHaveLength(2)
  })

  it('reports a descriptor that is not JSON', () => {
    expect(errorsOf(fixturePackage({ descriptor: '{ "resources": [' }))[0]).toMatch(/^datapackage\.json: is not valid JSON/)
  })

  it('treats markup in cells as plain text', () => {
    const regions = [...base.regions, { code: '371702', name: '<script>alert(1)</script>', level: 'county', parent: '371700', aliases: '' }]
    const { dataset } = validatePackage(fixturePackage({ regions }))
    expect(dataset.regions[2].name).toBe('<script>alert(1)</script>')
  })
})

describe('validatePackage on hostile values', () => {
  it.each(['1e309', '-1e309'])('refuses %s, which would read as an infinite figure', (value) => {
    expect(errorsOf(fixturePackage({ observations: obsWith({ value }) }))).toEqual([`observations.csv:2: value "${value}" is not a number`])
  })

  it('refuses a parent cycle, naming its rows, and keeps the other regions', () => {
    const regions = [
      ...base.regions,
      { code: '371721', name: '曹县', level: 'county', parent: '371722', aliases: '' },
      { code: '371722', name: '单县', level: 'county', parent: '371721', aliases: '' },
    ]
    const { dataset, messages } = validatePackage(fixturePackage({ regions }))
    expect(messages.map(formatMessage)).toEqual(['regions.csv:4: parent cycle 371721 → 371722 → 371721 (lines 4, 5): these regions are not read'])
    expect(dataset.regions.map((r) => r.code)).toEqual(['371700', '371726'])
  })

  it('refuses a region that is its own parent', () => {
    const regions = [base.regions[0], { ...base.regions[1], parent: '371726' }]
    expect(errorsOf(fixturePackage({ regions }))).toEqual(['regions.csv:3: parent cycle 371726 → 371726 (lines 3): these regions are not read'])
  })
})
