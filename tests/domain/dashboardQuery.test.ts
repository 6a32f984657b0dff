import { describe, expect, it } from 'vitest'
import { EMPTY_QUERY, parseDashboardQuery, sanitizeQuery, toDashboardQuery, type DashboardQuery } from '@/domain/dashboardQuery'

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

describe(sanitizeQuery, () => {
  const known = { metric: (id: string) => id === 'm', region: (code: string) => code === '371726' }

  it('drops unknown metrics, regions and malformed periods and names each one', () => {
    const { query, dropped } = sanitizeQuery({ ...EMPTY_QUERY, metric: 'nope', regions: ['371726', '371799'], from: '2024-13', to: '2025', at: 'june' }, known)
    expect(query).toEqual({ ...EMPTY_QUERY, metric: null, regions: ['371726'], from: null, to: '2025' })
    expect(dropped).toEqual(['metric=nope', 'regions=371799', 'from=2024-13', 'at=june'])
  })

  it('leaves a known query untouched', () => {
    const state = { ...EMPTY_QUERY, metric: 'm', regions: ['371726'], from: '2024' }
    expect(sanitizeQuery(state, known)).toEqual({ query: state, dropped: [] })
  })
})
