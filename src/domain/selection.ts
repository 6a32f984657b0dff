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
