import type { RegionTree } from './regions'
import type { Region } from './types'

/** One visible line of the region tree filter. */
export interface RegionRow {
  region: Region
  depth: number
  /** Whether it has children the tree can show (counties and zones have towns). */
  expandable: boolean
  expanded: boolean
}

/** Levels the filter offers: the city, its counties and zones, their towns and streets. */
const SHOWN = new Set(['city', 'county', 'zone', 'town'])

/**
 * The tree flattened into visible rows, depth first and ordered by code (单县 stays after 曹县).
 * Without a query the `expanded` regions show their children; with one, only matches and their
 * ancestors show, expanded so every match is visible.
 */
export function regionRows(tree: RegionTree, query: string, expanded: ReadonlySet<string>): RegionRow[] {
  const roots = tree.all().filter((r) => r.parent === null || !tree.get(r.parent))
  const q = query.trim()
  let keep: Set<string> | null = null
  if (q) {
    keep = new Set()
    for (const match of tree.search(q)) {
      keep.add(match.code)
      for (const a of tree.ancestors(match.code)) keep.add(a.code)
    }
  }
  const rows: RegionRow[] = []
  const visit = (region: Region, depth: number) => {
    if (!SHOWN.has(region.level) || (keep && !keep.has(region.code))) return
    const children = tree.children(region.code).filter((c) => SHOWN.has(c.level))
    const open = keep ? children.some((c) => keep.has(c.code)) : expanded.has(region.code)
    rows.push({ region, depth, expandable: children.length > 0, expanded: open })
    if (open) for (const child of children) visit(child, depth + 1)
  }
  for (const root of roots) visit(root, 0)
  return rows
}
