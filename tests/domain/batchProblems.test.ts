import { describe, expect, it } from 'vitest'
import { batchOutcome } from '@/data/batchApi'
import { locateProblem } from '@/domain/batchProblems'

describe(locateProblem, () => {
  it.each([
    ['observations[3].quote', { list: 'observations', index: 3, field: 'quote' }],
    ['observations[0]', { list: 'observations', index: 0, field: '' }],
    ['metrics[12]', { list: 'metrics', index: 12, field: '' }],
    ['sources[1].date', { list: 'sources', index: 1, field: 'date' }],
    ['reports.r1', null],
    ['', null],
    ['observations[x].quote', null],
  ])('reads %j', (path, place) => {
    expect(locateProblem(path)).toEqual(place)
  })
})

describe(batchOutcome, () => {
  it.each([
    [{ ok: true, status: 201, body: { id: '7', count: 4 } }, { kind: 'saved', count: 4 }],
    [{ ok: false, status: 400, body: { error: 'refused', problems: [{ path: 'observations[0].quote', message: 'x' }] } }, { kind: 'refused', error: 'refused', problems: [{ path: 'observations[0].quote', message: 'x' }] }],
    [{ ok: false, status: 409, body: { error: 'already there' } }, { kind: 'duplicate', error: 'already there' }],
    [{ ok: false, status: 403, body: { error: 'not allowed' } }, { kind: 'denied', status: 403, error: 'not allowed' }],
    [
      { ok: false, status: 403, body: { error: 'outside', problems: [{ path: 'observations[3].region', message: '371722 单县 is outside your regions (鄄城县)' }] } },
      { kind: 'refused', outOfScope: true, error: 'outside', problems: [{ path: 'observations[3].region', message: '371722 单县 is outside your regions (鄄城县)' }] },
    ],
    [{ ok: false, status: 0, body: null }, { kind: 'failed', error: 'no answer from the server', code: 'noAnswer' }],
    [{ ok: false, status: 409, body: { error: 'dup', code: 'duplicateFigure', params: { key: 'k' } } }, { kind: 'duplicate', error: 'dup', code: 'duplicateFigure', params: { key: 'k' } }],
    [{ ok: false, status: 502, body: null }, { kind: 'failed', error: 'HTTP 502' }],
  ])('reads answer %#', (answer, outcome) => {
    expect(batchOutcome(answer)).toEqual(outcome)
  })
})
