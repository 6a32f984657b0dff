import type { RegionTree } from './regions'

const TOP_LEVELS = new Set(['city', 'county', 'zone'])

/**
 * The regions a view shows for one metric. Nothing selected: the city and county-level units with figures
 * (towns only when no higher level has any, so a town-only metric still shows). Otherwise the selected
 * regions, and for a selected county without figures of its own, those of its towns that have some (a county
 * includes its towns, without drowning its own line among dozens of theirs; the city never brings in towns).
 */
export function shownRegions(selected: readonly string[], withData: readonly string[], tree: RegionTree): string[] {
  if (selected.length === 0) {
    const top = withData.filter((code) => TOP_LEVELS.has(tree.get(code)?.level ?? ''))
    return [...(top.length > 0 ? top : withData)].sort()
  }
  // One walk down each selected county, not an ancestor test per region with figures (a province has thousands).
  const has = new Set(withData)
  const expanding = selected.filter((s) => tree.get(s)?.level !== 'city' && !has.has(s))
  const inside = new Set(expanding.flatMap((s) => tree.descendants(s).map((r) => r.code)))
  return [...new Set([...selected, ...withData.filter((code) => inside.has(code))])].sort()
}

/** At most this many lines when nothing is selected: past a dozen a line chart is a tangle and its legend a wall. */
export const DEFAULT_LINES = 12

/**
 * The regions a trend draws: `shownRegions`, except that with nothing selected and more than `limit` of them it
 * keeps the `limit` with the largest latest figure (ties by code), in code order, and says how many it left out.
 */
export function trendRegions(
  selected: readonly string[],
  withData: readonly string[],
  tree: RegionTree,
  latest: (code: string) => number | undefined,
  limit = DEFAULT_LINES,
): { codes: string[]; omitted: number } {
  const codes = shownRegions(selected, withData, tree)
  if (selected.length > 0 || codes.length <= limit) return { codes, omitted: 0 }
  const value = new Map(codes.map((code) => [code, latest(code) ?? -Infinity]))
  const kept = [...codes].sort((a, b) => value.get(b)! - value.get(a)! || (a < b ? -1 : 1)).slice(0, limit)
  return { codes: kept.sort(), omitted: codes.length - limit }
}
