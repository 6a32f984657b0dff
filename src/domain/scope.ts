import type { RegionTree } from './regions'

/**
 * Whether a writer whose regions are `scope` may write a figure of region `code`: it is one of them or lies below
 * one (鄄城县 includes its towns). `null` is everywhere (administrators); an empty scope is nowhere.
 */
export function inScope(tree: RegionTree, scope: readonly string[] | null, code: string): boolean {
  if (scope === null) return true
  return scope.some((s) => s === code || tree.isAncestor(s, code))
}
