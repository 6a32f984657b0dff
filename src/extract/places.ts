import type { Region } from '../domain/types'
import { spanAt, type Article, type Segments, type Span } from './segments'

/** The gazetteer indexed for scanning: every name and short form by its first character. */
export interface Gazetteer {
  byCode: Map<string, Region>
  city: Region | undefined
  /** Names by the char code of their first character. */
  surfaces: Map<number, Surface[]>
}

interface Surface {
  text: string
  regions: Region[]
  /** A full name or a county-level short form; a town's short form (吴店) needs its full name nearby. */
  strong: boolean
}

/** A place named in the text, resolved to one region. */
export interface PlaceMention extends Span {
  region: Region
  /** 全市/该镇…: refers to a place rather than naming it. */
  anaphora: boolean
  /** Listed as one of several (安庄村、韩庄村等…): not the place that governs a figure. */
  member: boolean
}

/** The mentions of a text, sorted, with lookups by range and each article's lead place. */
export interface PlaceIndex {
  mentions: PlaceMention[]
  starts: Int32Array
  leads: Map<Article, Region | null>
}

const DEPTH: Record<Region['level'], number> = { city: 0, county: 1, zone: 1, town: 2, village: 3 }
const FULL_SUFFIX = /(市|区|县|镇|乡|街道|村|社区|开发区)$/
const ANAPHORA = /(全|我|本|该)(市|县|区|镇|乡|街道)/y
const ANAPHORA_START = new Set([...'全我本该'].map((c) => c.charCodeAt(0)))
const ANAPHORA_LEVEL: Record<string, Region['level'][]> = {
  市: ['city'], 县: ['county'], 区: ['county', 'zone'], 镇: ['town'], 乡: ['town'], 街道: ['town'],
}
/** Words that begin with a short place name but are not it (牡丹花, 黄河大集 is handled by strength). */
const NOT_PLACE_AFTER = /^(花|园|节|文化|产业|籽|油)/

export function buildGazetteer(regions: Region[]): Gazetteer {
  const surfaces = new Map<number, Surface[]>()
  const byText = new Map<string, Surface>()
  const add = (text: string, region: Region, strong: boolean) => {
    if (text.length < 2) return
    const existing = byText.get(text)
    if (existing) {
      if (!existing.regions.includes(region)) existing.regions.push(region)
      existing.strong ||= strong
      return
    }
    const surface = { text, regions: [region], strong }
    byText.set(text, surface)
    const list = surfaces.get(text.charCodeAt(0)) ?? []
    list.push(surface)
    surfaces.set(text.charCodeAt(0), list)
  }
  for (const r of regions) {
    // 虹桥社区, 刘庄村: the same village name recurs across towns, so it needs its town or county nearby.
    add(r.name, r, r.level !== 'village')
    for (const alias of r.aliases) add(alias, r, DEPTH[r.level] <= 1 || FULL_SUFFIX.test(alias))
  }
  for (const list of surfaces.values()) list.sort((a, b) => b.text.length - a.text.length)
  return {
    byCode: new Map(regions.map((r) => [r.code, r])),
    city: regions.find((r) => r.level === 'city'),
    surfaces,
  }
}

/** Every place named or referred to (全市, 该镇) in the text, resolved against its article. */
export function findPlaces(text: string, gaz: Gazetteer, seg: Segments): PlaceIndex {
  const raw: { start: number; end: number; surface: Surface }[] = []
  const anaphora: { start: number; end: number; word: string }[] = []
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    const a = ANAPHORA_START.has(ch) ? ((ANAPHORA.lastIndex = i), ANAPHORA.exec(text)) : null
    if (a && !(a[1] === '本' && text[i - 1] === '日')) {
      anaphora.push({ start: i, end: i + a[0].length, word: a[2] })
      i += a[0].length - 1
      continue
    }
    const list = gaz.surfaces.get(ch)
    if (!list) continue
    const surface = list.find((s) => text.startsWith(s.text, i))
    if (!surface) continue
    const end = i + surface.text.length
    if (!surface.strong && NOT_PLACE_AFTER.test(text.slice(end, end + 2))) continue
    raw.push({ start: i, end, surface })
    i = end - 1
  }
  const mentions: PlaceMention[] = []
  let r0 = 0
  let a0 = 0
  for (const article of seg.articles) {
    while (r0 < raw.length && raw[r0].start < article.start) r0++
    let r1 = r0
    while (r1 < raw.length && raw[r1].start < article.end) r1++
    const inArticle = raw.slice(r0, r1)
    const firstOfArticle = mentions.length
    const strongRegions = new Set(inArticle.filter((m) => m.surface.strong).flatMap((m) => m.surface.regions))
    const counties = new Set(inArticle.flatMap((m) => m.surface.regions.filter((r) => DEPTH[r.level] === 1).map((r) => r.code)))
    for (const m of inArticle) {
      const candidates = m.surface.strong ? m.surface.regions : m.surface.regions.filter((r) => strongRegions.has(r) || namedAbove(r, strongRegions, gaz))
      if (candidates.length === 0) continue
      const townNamed = (r: Region) => r.level === 'village' && strongRegions.has(gaz.byCode.get(r.parent ?? '')!)
      const region = candidates.find(townNamed) ?? candidates.find((r) => counties.has(ancestorAt(r, ['county', 'zone'], gaz)?.code ?? '')) ?? candidates[0]
      mentions.push({ start: m.start, end: m.end, region, anaphora: false, member: false })
    }
    const named = mentions.slice(firstOfArticle)
    while (a0 < anaphora.length && anaphora[a0].start < article.start) a0++
    for (; a0 < anaphora.length && anaphora[a0].start < article.end; a0++) {
      const a = anaphora[a0]
      const region = resolveAnaphora(a.word, a.start, named, gaz)
      if (region) mentions.push({ start: a.start, end: a.end, region, anaphora: true, member: false })
    }
  }
  mentions.sort((a, b) => a.start - b.start)
  const starts = new Set(mentions.map((m) => m.start))
  for (const m of mentions) m.member = isListMember(text, m, starts)
  const index: PlaceIndex = { mentions, starts: Int32Array.from(mentions.map((m) => m.start)), leads: new Map() }
  for (const article of seg.articles) index.leads.set(article, leadRegion(article, index, gaz))
  return index
}

/** Mentions starting in [from, to). */
export function mentionsIn(index: PlaceIndex, from: number, to: number): PlaceMention[] {
  let lo = 0
  let hi = index.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (index.starts[mid] < from) lo = mid + 1
    else hi = mid
  }
  const out: PlaceMention[] = []
  for (let i = lo; i < index.starts.length && index.starts[i] < to; i++) out.push(index.mentions[i])
  return out
}

function resolveAnaphora(word: string, pos: number, named: PlaceMention[], gaz: Gazetteer): Region | undefined {
  const levels = ANAPHORA_LEVEL[word]
  if (levels[0] === 'city') return gaz.city
  let found: Region | undefined
  for (const m of named) {
    if (m.start >= pos) break
    const r = ancestorAt(m.region, levels, gaz)
    if (r) found = r
  }
  return found
}

/** A village whose town or county the article names by its full name or a county's short form. */
function namedAbove(region: Region, named: Set<Region>, gaz: Gazetteer): boolean {
  if (region.level !== 'village') return false
  for (let r = region.parent ? gaz.byCode.get(region.parent) : undefined; r && r.level !== 'city'; r = r.parent ? gaz.byCode.get(r.parent) : undefined) {
    if (named.has(r)) return true
  }
  return false
}

function ancestorAt(region: Region, levels: Region['level'][], gaz: Gazetteer): Region | undefined {
  let r: Region | undefined = region
  while (r && !levels.includes(r.level)) r = r.parent ? gaz.byCode.get(r.parent) : undefined
  return r
}

/** How far back in its paragraph a figure looks for the place that governs it, in characters. */
const PARAGRAPH_LOOKBACK = 2000

/**
 * The place that governs a figure at pos: the most specific place of its clause, else the nearest
 * before it in its sentence and paragraph, else its article's lead (dateline), else the page's lead.
 */
export function attributePlace(pos: number, index: PlaceIndex, seg: Segments): Region | null {
  const clause = spanAt(seg.clauses, pos)
  const sentence = spanAt(seg.sentences, pos)
  const paragraph = spanAt(seg.paragraphs, pos)
  const article = spanAt(seg.articles, pos)
  const within = (s: Span | undefined, from: number, to: number) =>
    s ? mentionsIn(index, Math.max(s.start, from), Math.min(s.end, to)).filter((m) => !m.member && m.end <= Math.min(s.end, to)) : []
  // Scopes from narrow to wide, each listed only when the narrower ones name no place. The paragraph is searched
  // back at most PARAGRAPH_LOOKBACK characters: a long one would make each figure's work grow with the text.
  const scopes = [
    () => within(clause, 0, pos),
    () => within(clause, pos, Infinity).filter((m) => !m.anaphora),
    () => within(sentence, 0, pos),
    () => lastSentenceWith(within(paragraph, pos - PARAGRAPH_LOOKBACK, pos), seg),
  ]
  for (const scope of scopes) {
    const found = scope()
    if (found.length) return deepest(found)
  }
  // A subhead on its own line may open a pseudo-article: the nearest earlier dateline still governs.
  const at = article ? seg.articles.indexOf(article) : -1
  for (let i = at; i >= 0; i--) {
    const r = index.leads.get(seg.articles[i])
    if (r) return r
  }
  for (const a of seg.articles) {
    const r = index.leads.get(a)
    if (r) return r
  }
  return null
}

/** 安庄村、韩庄村等6个村庄 or 牡丹区和定陶区: places listed as members are not the governing place. */
function isListMember(text: string, m: PlaceMention, starts: Set<number>): boolean {
  const next = text[m.end]
  if (next === '、' || next === '等' || text[m.start - 1] === '、') return true
  if (next === '和' || next === '与' || next === '及') return starts.has(m.end + 1)
  return false
}

function lastSentenceWith(found: PlaceMention[], seg: Segments): PlaceMention[] {
  if (!found.length) return found
  const last = spanAt(seg.sentences, found[found.length - 1].start)
  return last ? found.filter((m) => m.start >= last.start) : found
}

/** The deepest place; among equals, the last one named. */
function deepest(found: PlaceMention[]): Region {
  let best = found[0]
  for (const m of found) if (DEPTH[m.region.level] >= DEPTH[best.region.level]) best = m
  return best.region
}

/** The place an article's headline and dateline name: one town if they agree on it, else their county. */
function leadRegion(article: Article, index: PlaceIndex, gaz: Gazetteer): Region | null {
  const inLead = mentionsIn(index, article.lead.start, article.lead.end)
  const found = inLead.filter((m) => !m.anaphora)
  const anaphoric = inLead.filter((m) => m.anaphora)
  if (!found.length) return anaphoric[0]?.region ?? null
  // A reduce, not Math.max(...): a headline can name a place 100 000 times, past the argument limit.
  const maxDepth = found.reduce((max, m) => Math.max(max, DEPTH[m.region.level]), 0)
  const codes = [...new Set(found.filter((m) => DEPTH[m.region.level] === maxDepth).map((m) => m.region.code))]
  if (codes.length === 1) return gaz.byCode.get(codes[0]) ?? null
  const parents = [...new Set(codes.map((c) => gaz.byCode.get(c)?.parent ?? null))]
  return parents.length === 1 && parents[0] ? (gaz.byCode.get(parents[0]) ?? null) : (gaz.city ?? null)
}
