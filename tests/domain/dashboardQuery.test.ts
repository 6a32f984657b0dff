import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  EMPTY_QUERY,
  SORT_KEYS,
  VIEWS,
  parseDashboardQuery,
  readDashboardQuery,
  sanitizeQuery,
  toDashboardQuery,
  type DashboardQuery,
} from '@/domain/dashboardQuery'
import { figureKey, parseFigureKey } from '@/domain/figureKey'

describe(parseDashboardQuery, () => {
  it('reads metric, comma-separated regions and the period range', () => {
    expect(parseDashboardQuery('?view=compare&metric=assoc_party_coverage_rate&regions=371726,371702&from=2024&to=2025-01&data=demo')).toEqual({
      view: 'compare',
      data: 'demo',
      metric: 'assoc_party_coverage_rate',
      regions: ['371726', '371702'],
      from: '2024',
      to: '2025-01',
      at: null,
      measure: null,
      table: null,
      sort: null,
      source: null,
      figure: null,
      decal: null,
      lang: null,
      embed: false,
    })
  })

  it('gives the empty state for an empty or foreign query', () => {
    expect(parseDashboardQuery('')).toEqual(EMPTY_QUERY)
    expect(parseDashboardQuery('?utm_source=mail&regions=')).toEqual(EMPTY_QUERY)
  })

  it('drops repeated and blank region codes', () => {
    expect(parseDashboardQuery('?regions=371726,,371726, 371702').regions).toEqual(['371726', '371702'])
  })
})

describe(toDashboardQuery, () => {
  const states: DashboardQuery[] = [
    EMPTY_QUERY,
    { ...EMPTY_QUERY, metric: 'volunteer_activities' },
    { ...EMPTY_QUERY, view: 'map', metric: 'm', regions: ['371726'], from: '2022/2025-01', data: 'demo' },
    { ...EMPTY_QUERY, view: 'sources', regions: ['371700', '371726', '371702101'], from: '2024-Q4', to: '2025-01-03' },
    { ...EMPTY_QUERY, view: 'compare', metric: 'm', from: '2024-01', to: '2024-12', at: '2024-06' },
    { ...EMPTY_QUERY, view: 'trend', metric: 'm', from: '2024', measure: 'percent' },
    { ...EMPTY_QUERY, view: 'trend' },
    { ...EMPTY_QUERY, view: 'overview', metric: 'm' },
    { ...EMPTY_QUERY, view: 'table', table: 'wide', sort: { key: 'change', dir: 'desc' }, lang: 'en' },
    { ...EMPTY_QUERY, view: 'sources', figure: 'm~371726~2022/2025-01~demo', decal: true, embed: true },
    { ...EMPTY_QUERY, view: 'sources', source: 'heze-daily-2025-01' },
  ]

  it.each(states)('round-trips %j through the URL', (state) => {
    expect(parseDashboardQuery(toDashboardQuery(state))).toEqual(state)
  })

  it('writes the period picked on 地图 and 对比 as at=, after the range', () => {
    expect(toDashboardQuery({ ...EMPTY_QUERY, view: 'map', from: '2024-01', to: '2024-12', at: '2024-06' })).toBe('?view=map&from=2024-01&to=2024-12&at=2024-06')
  })

  it('reads the trend’s change switch as measure=, ignoring a value it does not know', () => {
    expect(parseDashboardQuery('?measure=change').measure).toBe('change')
    expect(parseDashboardQuery('?measure=ratio').measure).toBeNull()
  })

  it('keeps commas readable in shared links', () => {
    expect(toDashboardQuery({ ...EMPTY_QUERY, view: 'trend', metric: 'm', regions: ['371726', '371702'] })).toBe('?metric=m&regions=371726,371702')
  })

  it('writes the new keys after the old ones, in a fixed order, whatever order the state was built in', () => {
    const state: DashboardQuery = { ...EMPTY_QUERY, lang: 'en', embed: true, decal: true, figure: 'm~371726~2024~s', sort: { key: 'value', dir: 'desc' }, view: 'table', metric: 'm' }
    expect(toDashboardQuery(state)).toBe('?view=table&metric=m&sort=-value&figure=m~371726~2024~s&decal=1&lang=en&embed=1')
  })

  it('leaves out the defaults: Chinese, patterns off, the long table and its default sort, no embedding', () => {
    expect(toDashboardQuery({ ...EMPTY_QUERY, lang: 'zh', decal: false, embed: false, table: null, sort: null })).toBe('')
  })

  it('round-trips any state it can write (property)', () => {
    const token = fc.stringMatching(/^[a-z0-9_]{1,8}$/)
    const period = fc.constantFrom('2024', '2024-Q4', '2024-12', '2022/2025-01')
    const state = fc.record({
      view: fc.constantFrom(...VIEWS),
      metric: fc.option(token),
      regions: fc.uniqueArray(fc.stringMatching(/^37[0-9]{4}$/), { maxLength: 4 }),
      from: fc.option(period),
      to: fc.option(period),
      at: fc.option(period),
      measure: fc.constantFrom('change' as const, 'percent' as const, null),
      table: fc.constantFrom('wide' as const, null),
      sortKey: fc.option(fc.nat(4)),
      dir: fc.constantFrom('asc' as const, 'desc' as const),
      source: fc.option(token),
      figure: fc.option(fc.tuple(token, token, period, token).map(([metric, region, p, source]) => figureKey({ metric, region, period: p, source }))),
      data: fc.constantFrom('demo' as const, null),
      decal: fc.constantFrom(true, null),
      lang: fc.constantFrom('en' as const, null),
      embed: fc.boolean(),
    })
    fc.assert(
      fc.property(state, ({ sortKey, dir, ...rest }) => {
        const keys = SORT_KEYS[rest.table === 'wide' ? 'wide' : 'long']
        const q: DashboardQuery = { ...rest, sort: sortKey === null ? null : { key: keys[sortKey % keys.length], dir } }
        expect(parseDashboardQuery(toDashboardQuery(q))).toEqual(q)
      }),
    )
  })

  it('opens 总览 without a link, and the trend for a link naming a metric without a view, as links did before', () => {
    expect(parseDashboardQuery('').view).toBe('overview')
    expect(parseDashboardQuery('?regions=371726').view).toBe('overview')
    expect(parseDashboardQuery('?metric=m').view).toBe('trend')
    expect(toDashboardQuery(EMPTY_QUERY)).toBe('')
    expect(toDashboardQuery({ ...EMPTY_QUERY, view: 'trend' })).toBe('?view=trend')
    expect(toDashboardQuery({ ...EMPTY_QUERY, view: 'overview', metric: 'm' })).toBe('?view=overview&metric=m')
  })

  it('falls back to the view a link implies for an unknown view name', () => {
    expect(parseDashboardQuery('?view=pie').view).toBe('overview')
    expect(parseDashboardQuery('?view=pie&metric=m').view).toBe('trend')
  })
})

describe(readDashboardQuery, () => {
  it('reads a link’s own language and print patterns, Chinese and off included, so they win over this machine’s memory', () => {
    expect(parseDashboardQuery('?lang=zh&decal=0')).toMatchObject({ lang: 'zh', decal: false })
    expect(parseDashboardQuery('?lang=en&decal=1')).toMatchObject({ lang: 'en', decal: true })
    expect(parseDashboardQuery('')).toMatchObject({ lang: null, decal: null })
  })

  it('reads the sort against the columns of the table’s form', () => {
    expect(parseDashboardQuery('?table=wide&sort=-relative').sort).toEqual({ key: 'relative', dir: 'desc' })
    expect(parseDashboardQuery('?sort=source').sort).toEqual({ key: 'source', dir: 'asc' })
    expect(readDashboardQuery('?sort=relative')).toMatchObject({ query: { sort: null }, unknown: ['sort=relative'] })
  })

  it('names each value of a known key it does not understand, and reads the default instead', () => {
    const { query, unknown } = readDashboardQuery('?lang=fr&table=pivot&sort=colour&decal=yes&embed=true&figure=just-one-part')
    expect(query).toEqual(EMPTY_QUERY)
    expect(unknown).toEqual(['table=pivot', 'sort=colour', 'figure=just-one-part', 'decal=yes', 'lang=fr', 'embed=true'])
  })
})

describe(parseFigureKey, () => {
  it('reads back the four parts of a figure key, an interval period included', () => {
    const figure = { metric: 'assoc_party_coverage_rate', region: '371726', period: '2022/2025-01', source: 'demo' }
    expect(parseFigureKey(figureKey(figure))).toEqual(figure)
    expect(parseFigureKey('m~371726~~demo')).toBeNull()
  })
})

describe(sanitizeQuery, () => {
  const known = { metric: (id: string) => id === 'm', region: (code: string) => code === '371726', source: (id: string) => id === 's' }

  it('drops unknown metrics, regions and malformed periods and names each one', () => {
    const { query, dropped } = sanitizeQuery({ ...EMPTY_QUERY, metric: 'nope', regions: ['371726', '371799'], from: '2024-13', to: '2025', at: 'june' }, known)
    expect(query).toEqual({ ...EMPTY_QUERY, metric: null, regions: ['371726'], from: null, to: '2025' })
    expect(dropped).toEqual(['metric=nope', 'regions=371799', 'from=2024-13', 'at=june'])
  })

  it('drops a source the data does not hold, naming it', () => {
    const { query, dropped } = sanitizeQuery({ ...EMPTY_QUERY, view: 'sources', source: 'gone' }, known)
    expect(query.source).toBeNull()
    expect(dropped).toEqual(['source=gone'])
  })

  it('leaves a known query untouched', () => {
    const state = { ...EMPTY_QUERY, metric: 'm', regions: ['371726'], from: '2024' }
    expect(sanitizeQuery(state, known)).toEqual({ query: state, dropped: [] })
  })
})
