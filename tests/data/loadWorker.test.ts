import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '@/data/csv'
import { unpack, type LoadReply } from '@/data/loadPackageAt'
import { validatePackage, validatePackageColumns } from '@/data/validate'
import { fromColumns } from '@/domain/columnar'
import { columnsOf, ObservationIndex, sortForIndex } from '@/domain/observationIndex'
import type { Observation } from '@/domain/types'
import { fixturePackage } from '../fixtures/package'

describe(unpack, () => {
  it('gives back the validated package, its observations as columns in index order', () => {
    const validated = validatePackage(fixturePackage())
    const loaded = validatePackageColumns(fixturePackage())
    const reply: LoadReply = { ok: true, ...loaded, columns: sortForIndex(loaded.columns) }
    const unpacked = unpack(reply)
    expect(unpacked.dataset).toEqual({ ...validated.dataset, observations: [] })
    expect(unpacked.messages).toEqual(validated.messages)
    const key = (o: Observation) => `${o.metric} ${o.region} ${o.period} ${o.source}`
    expect(fromColumns(columnsOf(unpacked.columns)).map(key).sort()).toEqual(validated.dataset.observations.map(key).sort())
    expect(new ObservationIndex(unpacked.columns).observations()).toEqual(new ObservationIndex(validated.dataset.observations).observations())
  })

  it('turns a failed load into an error the store can show', () => {
    expect(() => unpack({ ok: false, error: 'datapackage.json cannot be read' })).toThrow('datapackage.json cannot be read')
  })
})

// The worker's loader reads CSV with a scanner of its own; papaparse stays the reference for what a row is.
describe(parseCsv, () => {
  const cell = fc.oneof(fc.constantFrom('', '371726', '2024-12', '>=', '鄄城县', 'a,b', 'say "hi"', 'two\nlines', ' padded '), fc.string({ maxLength: 6 }))
  const quoteIfNeeded = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
    fc.tuple(fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean()),
  )

  it('reads the same rows as papaparse from any well-formed file, with or without quotes and CRLF', () => {
    fc.assert(
      fc.property(table, ([rows, eol, trailing]) => {
        const header = rows[0].map((_, i) => `f${i}`)
        const text = [header, ...rows].map((r) => r.map(quoteIfNeeded).join(',')).join(eol) + (trailing ? eol : '')
        const reference = Papa.parse<string[]>(text, { delimiter: ',' }).data.slice(1).filter((r) => !(r.length === 1 && r[0] === ''))
        const parsed = parseCsv(text)
        expect(parsed.problems).toEqual([])
        expect(parsed.rows.map((r) => header.map((h) => r.values[h]))).toEqual(reference)
      }),
    )
  })

  it('locates rows after a quoted cell that spans lines', () => {
    const text = 'a,b\n"one\ntwo",x\nthree,y\n'
    expect(parseCsv(text).rows.map((r) => r.line)).toEqual([2, 4])
  })

  it('keeps papaparse’s message for an unterminated quote', () => {
    expect(parseCsv('a,b\n"open,x\n').problems.map((p) => p.message)).toContain('Quoted field unterminated')
  })
})
