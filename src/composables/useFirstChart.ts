let markDrawn: () => void = () => {}
const drawn = new Promise<void>((resolve) => (markDrawn = resolve))

/** Called by a chart when ECharts has finished drawing it; only the first call matters. */
export function chartDrawn(): void {
  markDrawn()
}

/**
 * Resolves once the first chart is drawn, or after `fallbackMs` (a view without charts): when to fetch what the
 * first screen does not need, so it never competes with the first chart.
 */
export function afterFirstChart(fallbackMs = 3000): Promise<void> {
  return Promise.race([drawn, new Promise<void>((resolve) => setTimeout(resolve, fallbackMs))])
}
