import type { RegionTree } from './regions'

/**
 * The regions a view shows for one metric: every region with figures when nothing is selected;
 * otherwise the selected regions plus those of their towns that have figures (a county includes its towns).
 */
export function shownRegions(selected: readonly string[], withData: readonly string[], tree: RegionTree): string[] {
  if (selected.length === 0) return [...withData].sort()
  const inside = withData.filter((code) => selected.some((s) => tree.isAncestor(s, code)))
  return [...new Set([...selected, ...inside])].sort()
}
