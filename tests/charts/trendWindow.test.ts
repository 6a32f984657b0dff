import { describe, expect, it } from 'vitest'
import { rangeToWindow, windowToRange } from '@/charts/trendWindow'
import { parsePeriod, periodTime } from '@/domain/period'

const months = ['2024-10', '2024-11', '2024-12', '2025-01']
const at = (p: string) => periodTime(parsePeriod(p)!)

describe(windowToRange, () => {
  it('reads the first and last period inside the window, leaving an end open where it takes in the first or last period', () => {
    expect(windowToRange(months, at('2024-11') - 1, at('2024-12') + 1)).toEqual({ from: '2024-11', to: '2024-12' })
    expect(windowToRange(months, at('2024-10') - 5e9, at('2024-12'))).toEqual({ from: null, to: '2024-12' })
    expect(windowToRange(months, at('2024-11'), at('2025-01') + 5e9)).toEqual({ from: '2024-11', to: null })
    expect(windowToRange(months, 0, at('2025-01'))).toEqual({ from: null, to: null })
  })

  it('keeps the period nearest the middle of a window between two periods', () => {
    expect(windowToRange(months, at('2024-11') + 1e8, at('2024-11') + 2e8)).toEqual({ from: '2024-11', to: '2024-11' })
  })

  it('round-trips a range through its window', () => {
    const w = rangeToWindow('2024-11', '2024-12')
    expect(windowToRange(months, w.start!, w.end!)).toEqual({ from: '2024-11', to: '2024-12' })
    expect(rangeToWindow(null, null)).toEqual({ start: undefined, end: undefined })
  })
})
