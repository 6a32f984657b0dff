import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** A fresh copy of the module: its "first chart drawn" state is per page load. */
const fresh = async () => {
  vi.resetModules()
  return import('@/composables/useFirstChart')
}

describe('afterFirstChart', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('waits for the first chart to be drawn, not for the fallback', async () => {
    const { afterFirstChart, chartDrawn } = await fresh()
    const done = vi.fn()
    void afterFirstChart(3000).then(done)
    await vi.advanceTimersByTimeAsync(1000)
    expect(done).not.toHaveBeenCalled()
    chartDrawn()
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toHaveBeenCalled()
  })

  it('gives up waiting after the fallback on a view without charts', async () => {
    const { afterFirstChart } = await fresh()
    const done = vi.fn()
    void afterFirstChart(3000).then(done)
    await vi.advanceTimersByTimeAsync(2999)
    expect(done).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toHaveBeenCalled()
  })

  it('answers at once for anyone asking after the first chart', async () => {
    const { afterFirstChart, chartDrawn } = await fresh()
    chartDrawn()
    const done = vi.fn()
    void afterFirstChart(3000).then(done)
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toHaveBeenCalled()
  })
})
