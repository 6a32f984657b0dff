import { describe, expect, it } from 'vitest'
import { fromColumns, Interner, toColumns, transferablesOf } from '@/domain/columnar'
import { obs, synthesizeObservations } from '@/domain/synthesize'

describe(Interner, () => {
  it('numbers distinct strings in order of first appearance and gives a repeat its first code', () => {
    const interner = new Interner()
    expect(['371726', '371702', '371726'].map((s) => interner.code(s))).toEqual([0, 1, 0])
    expect(interner.values).toEqual(['371726', '371702'])
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
