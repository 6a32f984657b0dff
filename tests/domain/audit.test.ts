import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS, auditDetail, auditQuery, isKnownAction, NO_AUDIT_FILTER } from '@/domain/audit'

describe('auditQuery', () => {
  it.each([
    ['no filter', {}, {}, ''],
    ['a person, trimmed', { user: ' clerk01 ' }, {}, 'user=clerk01'],
    ['an action and a region', { action: 'refused', region: '371726' }, {}, 'action=refused&region=371726'],
    ['whole days in China time', { from: '2026-12-01', to: '2026-12-03' }, {}, 'from=2026-12-01T00%3A00%3A00.000%2B08%3A00&to=2026-12-03T23%3A59%3A59.999%2B08%3A00'],
    ['a day that is not one is ignored', { from: '2026-12', to: 'yesterday' }, {}, ''],
    ['the CSV with every filter', { user: 'admin', action: 'import', region: '371722', from: '2026-01-01' }, { format: 'csv' as const }, 'user=admin&action=import&region=371722&from=2026-01-01T00%3A00%3A00.000%2B08%3A00&format=csv'],
    ['a limit', {}, { limit: 200 }, 'limit=200'],
  ])('%s', (_, filter, extra, expected) => {
    expect(auditQuery({ ...NO_AUDIT_FILTER, ...filter }, extra)).toBe(expected)
  })

  it('names days the server reads as the right instants', () => {
    const q = new URLSearchParams(auditQuery({ ...NO_AUDIT_FILTER, from: '2026-12-01', to: '2026-12-01' }))
    expect(new Date(q.get('from')!).toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(new Date(q.get('to')!).toISOString()).toBe('2026-12-01T15:59:59.999Z')
  })
})

describe('isKnownAction', () => {
  it.each([...AUDIT_ACTIONS.map((a) => [a, true] as const), ['restore', false] as const, ['', false] as const])('%s → %s', (action, known) => {
    expect(isKnownAction(action)).toBe(known)
  })
})

describe('auditDetail', () => {
  it.each([
    ['an import', { before: '', after: '{"name":"鄄城县.csv","count":3}' }, { name: '鄄城县.csv', rows: 3 }],
    ['a refused batch', { before: '', after: '{"name":"鄄城县.csv","rows":4}' }, { name: '鄄城县.csv', rows: 4 }],
    ['a correction', { before: '{"value":66.1,"region":"371726"}', after: '{"value":66.2,"region":"371726"}' }, { change: '66.1 → 66.2' }],
    ['a withdrawal keeps the value', { before: '{"value":5}', after: '{"value":5,"status":"withdrawn"}' }, { change: '5' }],
    ['an account made', { before: '', after: '{"username":"clerk02","role":"editor","regions":["371726"]}' }, { account: 'clerk02', role: 'editor' }],
    ['a login', { before: '', after: '' }, {}],
    ['text that is not JSON', { before: 'x', after: '[1' }, {}],
  ])('%s', (_, entry, expected) => {
    expect(auditDetail(entry)).toEqual(expected)
  })
})
