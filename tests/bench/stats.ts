/** Small helpers shared by the benchmarks. */

/** Median and 95th percentile of a sample, in its unit. */
export function summarize(times: number[]): { median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { median: at(0.5), p95: at(0.95) }
}

/** Rounds to `digits` decimals, for tables and JSON. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
