import type { SessionUser } from '@/data/api'
import type { RegionTree } from './regions'

/** The regions an account can be given: the city and its county-level units (towns are reached through their county). */
export function assignableRegions(tree: RegionTree): { code: string; name: string }[] {
  const cities = tree.all().filter((r) => r.level === 'city')
  return cities.flatMap((c) => [c, ...tree.countiesOf(c.code)]).map((r) => ({ code: r.code, name: r.name }))
}

/** An account's role and regions as an administrator edits them. */
export interface Assignment {
  role: SessionUser['role']
  regions: string[]
}

/**
 * The PATCH /api/users body for an edit: only what changed (regions compared as sets), or null when nothing did.
 * Only editors hold regions, so another role sends none and keeps none.
 */
export function assignmentChange(before: Assignment, after: Assignment): Partial<Assignment> | null {
  const regions = after.role === 'editor' ? [...new Set(after.regions)].sort() : []
  const change: Partial<Assignment> = {}
  if (after.role !== before.role) change.role = after.role
  if (regions.join() !== [...new Set(before.regions)].sort().join()) change.regions = regions
  return Object.keys(change).length ? change : null
}
