import { describe, expect, it } from 'vitest'
import { firstOccurrences, fromColumns, Interner, toColumns, transferablesOf } from '@/domain/columnar'
import { obs, synthesizeObservations } from '@/domain/synthesize'

describe(Interner, () => {
  it('numbers distinct strings in order of first appearance and gives a repeat its first code', () => {
    const interner = new Interner()
    expect(['371726', '371702', '371726'].map((s) => interner.code(s))).toEqual([0, 1, 0])
    expect(interner.values).toEqual(['371726', '371702'])
  })
})

describe(firstOccurrences, () => {
  const metric = ['a', 'a', 'b', 'a', 'b']
  const region = ['1', '2', '1', '1', '1']

  it('points each repeated key at its first row and marks first rows with -1', () => {
    expect([...firstOccurrences([metric, region], [0, 1, 2, 3, 4])]).toEqual([-1, -1, -1, 0, 2])
  })

  it('answers in positions of the listed rows, ignoring rows not listed', () => {
    expect([...firstOccurrences([metric, region], [1, 3, 4])]).toEqual([-1, -1, -1])
    expect([...firstOccurrences([metric, region], [4, 2])]).toEqual([-1, 0])
  })

  it('finds the same repeats when the key space is too sparse for a dense table', () => {
    // 300 distinct values in each of three columns: 27 million possible keys for 301 rows.
    const column = (seed: number) => Array.from({ length: 301 }, (_, i) => String((i * seed) % 300))
    const cols = [column(1), column(7), column(13)]
    const rows = Array.from({ length: 301 }, (_, i) => i)
    expect([...firstOccurrences(cols, rows)].filter((f) => f >= 0)).toEqual([0])
  })
})

describe(toColumns, () => {
  it('round-trips observations through typed columns, qualifiers and quotes included', () => {
    const observations = [
      obs('371726', '2022/2025-01', 500, { qualifier: '>=', quote: '500余次', source: 'r1' }),
      obs('371702', '2024-12', 66.1, { qualifier: '~' }),
      obs('371702', '2025', 3, { qualifier: '<=' }),
    ]
    expect(fromColumns(toColumns(observations))).toEqual(observations)
  })

  it('stores each repeated string once, so a million rows post a few thousand strings', () => {
    const observations = synthesizeObservations({ regions: 20, periods: 24, seed: 3 })
    const cols = toColumns(observations)
    expect(cols.strings.length).toBeLessThan(60)
    expect(fromColumns(cols)).toEqual(observations)
  })

  it('lists one transferable buffer per typed column', () => {
    expect(transferablesOf(toColumns([obs('371726', '2025', 1)]))).toHaveLength(7)
  })
})
