import type { SessionUser } from '@/data/api'
import type { RegionTree } from './regions'
import { inScope } from './scope'

type Who = Pick<SessionUser, 'role' | 'regions'> | null | undefined

/**
 * Whether this person may write (enter, correct, withdraw) a figure of region `code`: administrators anywhere,
 * editors in one of their regions or below one (鄄城县 includes its towns), viewers and the signed-out nowhere.
 * The server decides in the end; this only keeps the UI from offering what it would refuse.
 */
export function mayWrite(user: Who, tree: RegionTree, code: string): boolean {
  if (!user) return false
  if (user.role === 'admin') return true
  return user.role === 'editor' && inScope(tree, user.regions ?? [], code)
}

/** The names of an account's regions, in the order given; a code the record does not know stays a code. */
export function regionNames(tree: RegionTree, codes: readonly string[] | undefined): string[] {
  return (codes ?? []).map((c) => tree.get(c)?.name ?? c)
}
