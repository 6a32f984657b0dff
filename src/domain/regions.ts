import type { Region } from './types'

const byCode = (a: Region, b: Region) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

/** The regions named in a language: in English by `nameEn` where the package has one, else by their own name. */
export function namedIn(regions: readonly Region[], lang: 'zh' | 'en'): readonly Region[] {
  return lang === 'en' ? regions.map((r) => (r.nameEn ? { ...r, name: r.nameEn } : r)) : regions
}

/** The region hierarchy (city → counties and zones → towns → villages), every list ordered by code. */
export class RegionTree {
  private readonly regions = new Map<string, Region>()
  private readonly childLists = new Map<string, Region[]>()
  private readonly sorted: Region[]

  /** Throws on a duplicate code; a parent missing from the list simply ends the ancestor chain. */
  constructor(regions: readonly Region[]) {
    for (const region of regions) {
      if (this.regions.has(region.code)) throw new Error(`duplicate region code ${region.code}`)
      this.regions.set(region.code, region)
      if (region.parent === null) continue
      const siblings = this.childLists.get(region.parent)
      if (siblings) siblings.push(region)
      else this.childLists.set(region.parent, [region])
    }
    for (const list of this.childLists.values()) list.sort(byCode)
    this.sorted = [...regions].sort(byCode)
  }

  /** Every region, ordered by code. */
  all(): Region[] {
    return this.sorted.slice()
  }

  /** The region with this code, if any. */
  get(code: string): Region | undefined {
    return this.regions.get(code)
  }

  /** Direct children, ordered by code. */
  children(code: string): Region[] {
    return this.childLists.get(code)?.slice() ?? []
  }

  /** The codes with every region enclosing them: the places that have, themselves or below them, what `codes` have. */
  withAncestors(codes: Iterable<string>): Set<string> {
    const out = new Set<string>()
    for (const code of codes) {
      if (out.has(code)) continue
      out.add(code)
      for (const a of this.ancestors(code)) out.add(a.code)
    }
    return out
  }

  /** Enclosing regions, nearest first (a county's town → county → city). */
  ancestors(code: string): Region[] {
    const chain: Region[] = []
    const seen = new Set([code])
    let parent = this.regions.get(code)?.parent
    // `seen` stops a parent cycle in unvalidated data from looping forever.
    while (parent != null && !seen.has(parent)) {
      const region = this.regions.get(parent)
      if (!region) break
      chain.push(region)
      seen.add(parent)
      parent = region.parent
    }
    return chain
  }

  /** All regions below `code`, depth first, siblings ordered by code. */
  descendants(code: string): Region[] {
    const out: Region[] = []
    const seen = new Set([code])
    const visit = (parent: string) => {
      for (const child of this.childLists.get(parent) ?? []) {
        if (seen.has(child.code)) continue
        seen.add(child.code)
        out.push(child)
        visit(child.code)
      }
    }
    visit(code)
    return out
  }

  /**
   * County-level units (counties and functional zones) directly under a city, ordered by code, never by pinyin; a
   * zone inside a county (菏泽牡丹经济开发区 in 牡丹区) is not one.
   */
  countiesOf(cityCode: string): Region[] {
    return this.children(cityCode)
      .filter((r) => r.level === 'county' || r.level === 'zone')
      .sort(byCode)
  }

  /** True when `ancestor` strictly encloses `code`. */
  isAncestor(ancestor: string, code: string): boolean {
    return this.ancestors(code).some((r) => r.code === ancestor)
  }

  /** Regions whose name or an alias equals `text` exactly, ordered by code (several when a name is shared). */
  findByName(text: string): Region[] {
    return this.sorted.filter((r) => r.name === text || r.aliases.includes(text))
  }

  /** Regions whose name or an alias contains `query` (trimmed), ordered by code; an empty query matches all. */
  search(query: string): Region[] {
    const q = query.trim()
    return this.sorted.filter((r) => r.name.includes(q) || r.aliases.some((a) => a.includes(q)))
  }
}
