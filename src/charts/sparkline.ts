/** A sparkline as SVG geometry: the line's path and where its last point sits. */
export interface Sparkline {
  /** SVG path data (`M x y L x y …`); '' when there are fewer than two values. */
  path: string
  last: { x: number; y: number } | null
}

/**
 * Lays `values` (oldest first) out in a `width` × `height` box with `pad` pixels kept free for the end dot.
 * A plain SVG path rather than an ECharts instance: an overview has dozens of cards, each needs only a line.
 */
export function buildSparkline(values: readonly number[], width: number, height: number, pad = 3): Sparkline {
  if (values.length === 0) return { path: '', last: null }
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  // A flat series sits in the middle rather than on an edge.
  const y = (v: number) => (hi === lo ? height / 2 : pad + (height - 2 * pad) * (1 - (v - lo) / (hi - lo)))
  const x = (i: number) => (values.length === 1 ? width - pad : pad + ((width - 2 * pad) * i) / (values.length - 1))
  const round = (n: number) => Math.round(n * 10) / 10
  const points = values.map((v, i) => `${round(x(i))} ${round(y(v))}`)
  return {
    path: values.length < 2 ? '' : `M ${points.join(' L ')}`,
    last: { x: round(x(values.length - 1)), y: round(y(values[values.length - 1])) },
  }
}
