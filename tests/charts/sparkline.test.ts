import { describe, expect, it } from 'vitest'
import { buildSparkline } from '@/charts/sparkline'

describe(buildSparkline, () => {
  it('draws the highest value at the top and the lowest at the bottom, left to right', () => {
    const { path, last } = buildSparkline([1, 3, 2], 100, 20, 0)
    expect(path).toBe('M 0 20 L 50 0 L 100 10')
    expect(last).toEqual({ x: 100, y: 10 })
  })

  it('draws a flat series across the middle', () => {
    expect(buildSparkline([5, 5], 100, 20, 0).path).toBe('M 0 10 L 100 10')
  })

  it('draws only the end dot for a single figure, and nothing for none', () => {
    expect(buildSparkline([7], 100, 20)).toEqual({ path: '', last: { x: 97, y: 10 } })
    expect(buildSparkline([], 100, 20)).toEqual({ path: '', last: null })
  })
})
