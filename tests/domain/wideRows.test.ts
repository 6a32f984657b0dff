import { describe, expect, it } from 'vitest'
import { obs } from '@/domain/synthesize'
import { sortWideRows, wideRows } from '@/domain/wideRows'

const series = (region: string, ...points: [string, number, ('=' | '>=')?][]) => ({ region, points: points.map(([p, v, q]) => ({ ...obs(region, p, v), qualifier: q ?? '=' })) })

describe(wideRows, () => {
  it('gives each place its first and last figure within the range and the change, absolute and relative', () => {
    const [row] = wideRows([series('371726', ['2024-12', 300], ['2024-06', 240], ['2025-01', 360])])
    expect([row.start?.period, row.end?.period, row.change, row.relative]).toEqual(['2024-06', '2025-01', 120, 0.5])
    expect(row.approximate).toBe(false)
  })

  it('has no change for a place with one figure, and no relative change from zero', () => {
    const [one, zero] = wideRows([series('371726', ['2025-01', 5]), series('371702', ['2024-01', 0], ['2025-01', 4])])
    expect([one.start?.value, one.end?.value, one.change, one.relative]).toEqual([5, 5, null, null])
    expect([zero.change, zero.relative]).toEqual([4, null])
  })

  it('marks a change from a 余 figure as approximate and leaves a cumulative interval out of it', () => {
    const [row] = wideRows([series('371726', ['2024-01', 100, '>='], ['2022/2025-01', 900], ['2025-01', 150])])
    expect([row.start?.period, row.end?.period, row.change, row.approximate]).toEqual(['2024-01', '2025-01', 50, true])
  })
})

describe(sortWideRows, () => {
  const rows = wideRows([series('371702', ['2024-01', 10], ['2025-01', 30]), series('371726', ['2024-01', 50], ['2025-01', 40]), series('371728', ['2025-01', 7])])
  const byCode = (code: string) => Number(code)

  it('sorts by the change either way, places without one last', () => {
    expect(sortWideRows(rows, 'change', 'desc', byCode).map((r) => r.region)).toEqual(['371702', '371726', '371728'])
    expect(sortWideRows(rows, 'change', 'asc', byCode).map((r) => r.region)).toEqual(['371726', '371702', '371728'])
  })

  it('sorts by the latest value and by place code', () => {
    expect(sortWideRows(rows, 'end', 'desc', byCode).map((r) => r.region)).toEqual(['371726', '371702', '371728'])
    expect(sortWideRows(rows, 'region', 'desc', byCode).map((r) => r.region)).toEqual(['371728', '371726', '371702'])
  })
})
