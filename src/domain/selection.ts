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
  const expanding = selected.filter((s) => tree.get(s)?.level !== 'city')
  const inside = withData.filter((code) => expanding.some((s) => tree.isAncestor(s, code)))
  return [...new Set([...selected, ...inside])].sort()
}
