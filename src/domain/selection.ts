import type { RegionTree } from './regions'

const TOP_LEVELS = new Set(['city', 'county', 'zone'])

/**
 * The regions a view shows for one metric. Nothing selected: the city and county-level units with figures
 * (towns only when no higher level has any, so a town-only metric still shows). Otherwise the selected
 * regions plus those of their towns that have figures (a county includes its towns; the city does not
 * bring in every town).
 */
export function shownRegions(selected: readonly string[], withData: readonly string[], tree: RegionTree): string[] {
  if (selected.length === 0) {
    const top = withData.filter((code) => TOP_LEVELS.has(tree.get(code)?.level ?? ''))
    return [...(top.length > 0 ? top : withData)].sort()
  }
  // One walk down each selected county, not an ancestor test per region with figures (a province has thousands).
  const inside = new Set(selected.filter((s) => tree.get(s)?.level !== 'city').flatMap((s) => tree.descendants(s).map((r) => r.code)))
  return [...new Set([...selected, ...withData.filter((code) => inside.has(code))])].sort()
}
