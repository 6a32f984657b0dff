/** A figure's stable name in a link: `metric~region~period~source`, e.g. `assoc_party_coverage_rate~371726~2024-12~demo`. */
export function figureKey(o: { metric: string; region: string; period: string; source: string }): string {
  return [o.metric, o.region, o.period, o.source].join('~')
}

/** The parts of a `figureKey`, or null when it does not have four non-empty parts. */
export function parseFigureKey(key: string): { metric: string; region: string; period: string; source: string } | null {
  const parts = key.split('~')
  if (parts.length !== 4 || parts.some((p) => p === '')) return null
  const [metric, region, period, source] = parts
  return { metric, region, period, source }
}
