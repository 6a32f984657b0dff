import type { Region } from '../domain/types'
import { firstAtLeast } from './search'
import { spanAt, type Article, type Segments, type Span } from './segments'

/** The gazetteer indexed for scanning: every name and short form by its first character. */
export interface Gazetteer {
  byCode: Map<string, Region>
  city: Region | undefined
  /**
   * Names by their first two characters (`pairKey`): with 5 000 village names, many share a first character (王, 刘),
   * and every name has at least two.
   */
  surfaces: Map<number, Surface[]>
  /** The first characters of names and of 全市/该镇…, for jumping from one to the next. */
  starts: RegExp
}

interface Surface {
  text: string
  regions: Region[]
  /** A full name or a county-level short form; a town's short form (吴店) needs its full name nearby. */
  strong: boolean
}

/** A place named in the text, resolved to one region. */
export interface PlaceMention extends Span {
  /** The region; for a place the gazetteer does not know (幸福里社区), one with an empty code and that name. */
  region: Region
  /** 全市/该镇…: refers to a place rather than naming it. */
  anaphora: boolean
  /** Listed as one of several (安庄村、韩庄村等…): not the place that governs a figure. */
  member: boolean
  /** 全市/菏泽市 stating whose figures follow (表彰全市…), not 在全市率先 or 位居全市: it governs over deeper places before it. */
  cityWide?: boolean
}

/** How a figure's place was found: in the text around it, or by falling back to its article's lead or the page's. */
export type PlaceSource = 'noun' | 'clause' | 'sentence' | 'paragraph' | 'lead' | 'page' | 'none'

/** The place that governs a figure and where it was found. */
export interface Attribution {
  region: Region | null
  via: PlaceSource
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

/** The first two UTF-16 units at i as one number. */
const pairKey = (text: string, i: number) => text.charCodeAt(i) * 0x10000 + (text.charCodeAt(i + 1) || 0)

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
    const key = pairKey(text, 0)
    const list = surfaces.get(key) ?? []
    list.push(surface)
    surfaces.set(key, list)
  }
  for (const r of regions) {
    // 虹桥社区, 刘庄村: the same village name recurs across towns, so it needs its town or county nearby.
    add(r.name, r, r.level !== 'village')
    for (const alias of r.aliases) add(alias, r, DEPTH[r.level] <= 1 || FULL_SUFFIX.test(alias))
  }
  for (const list of surfaces.values()) list.sort((a, b) => b.text.length - a.text.length)
  const firstChars = new Set([...[...surfaces.keys()].map((key) => Math.floor(key / 0x10000)), ...ANAPHORA_START])
  const firsts = [...firstChars].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')
  return {
    byCode: new Map(regions.map((r) => [r.code, r])),
    city: regions.find((r) => r.level === 'city'),
    surfaces,
    starts: new RegExp(`[${firsts}]`, 'g'),
  }
}

/** Every place named or referred to (全市, 该镇) in the text, resolved against its article. */
export function findPlaces(text: string, gaz: Gazetteer, seg: Segments): PlaceIndex {
  const raw: { start: number; end: number; surface: Surface }[] = []
  const anaphora: { start: number; end: number; word: string }[] = []
  // Jumps from one character that may start a name to the next, rather than looking up every character.
  const next = gaz.starts
  next.lastIndex = 0
  for (let found = next.exec(text); found; found = next.exec(text)) {
    const i = found.index
    const ch = text.charCodeAt(i)
    const a = ANAPHORA_START.has(ch) ? ((ANAPHORA.lastIndex = i), ANAPHORA.exec(text)) : null
    if (a && !(a[1] === '本' && text[i - 1] === '日')) {
      anaphora.push({ start: i, end: i + a[0].length, word: a[2] })
      next.lastIndex = i + a[0].length
      continue
    }
    const list = gaz.surfaces.get(pairKey(text, i))
    if (!list) continue
    const surface = list.find((s) => text.startsWith(s.text, i))
    if (!surface) continue
    const end = i + surface.text.length
    if (!surface.strong && NOT_PLACE_AFTER.test(text.slice(end, end + 2))) continue
    raw.push({ start: i, end, surface })
    next.lastIndex = end
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
  mentions.push(...findUnknownPlaces(text, mentions))
  mentions.sort((a, b) => a.start - b.start)
  const starts = new Set(mentions.map((m) => m.start))
  for (const m of mentions) {
    m.member = isListMember(text, m, starts)
    if (m.region.level === 'city') m.cityWide = !CITY_NOT_GOVERNING_BEFORE.test(text[m.start - 1] ?? '') && !CITY_NOT_GOVERNING_AFTER.test(text.slice(m.end, m.end + 2))
  }
  const index: PlaceIndex = { mentions, starts: Int32Array.from(mentions.map((m) => m.start)), leads: new Map() }
  for (const article of seg.articles) index.leads.set(article, leadRegion(article, index, gaz))
  return index
}

/** 在全市, 居全市, 列全市: the city as a yardstick, not as whose figure it is. */
const CITY_NOT_GOVERNING_BEFORE = /[在居列于为]/
/** 全市率先, 全市第一, 全市前列: a ranking within the city. */
const CITY_NOT_GOVERNING_AFTER = /^(率先|第一|第二|第三|首个|首家|前列|领先|排名|范围)/

/**
 * Endings of place names the gazetteer may not hold: communities and villages, and zones and parks. A 村 followed by
 * 民, 级, 委… is a word about villages (村民, 村级), not the end of a name.
 */
const UNKNOWN_END = /(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|新区|工业园区|产业园区|产业园|工业园|社区|村(?![民级庄居委干务容落貌集两内里外中部]))/g
const ZONE_END = /(开发区|新区|园区|产业园|工业园)$/
/** Characters that a place name never holds: function words, measure words, digits and punctuation. */
const NOT_IN_NAME = /[^\u4e00-\u9fa5]|[的个了和与及在于到对为是把将等各全本该我每其此这那有以按从向由共近约多余]/
/** Name parts that make a common noun, not a name: 城市社区, 农村社区, 示范村, 幸福社区 as a slogan. */
const GENERIC_NAME = /^(城市|农村|城镇|城乡|乡村|新农|示范|试点|重点|所在|辖区|周边|基层|老旧|安置|搬迁|易地|移民|美丽|和谐|幸福|文明|红色|数字|智慧|平安|中心|新型|农业|行政|自然|贫困|脱贫|薄弱|集体|社会|城郊|城中|宜居|民主|法治|绿色|生态|文化|经济|高新|工业|产业|开发|进|入|深入|走进|社区|小区)$/
/** 美丽乡村, 新农村, 城中村: common nouns however they begin. */
const GENERIC_TAIL = /(乡|农|城中|城郊|新)$/
/** Words of an activity, not of a name: 志愿服务进社区, 党建引领社区. */
const NOT_NAME_WORDS = /服务|志愿|开展|活动|工作|党建|建设|治理|管理|组织|推进|打造|创建|引领|成立|设立|建立|聘请|培育|评选|命名|淘宝|进|入|走/
/** What may stand right before a community or village name that no known place introduces (not a comma: ，成立…村). */
const NAME_BOUNDARY = /[在于到、。；：！？\n\s（(“]/

/**
 * Places the gazetteer does not know, where the text shows they are names: a community or village right after a
 * known place (鄄城县古泉街道幸福里社区) or after 在/于/、 or a sentence break (在幸福里社区); a zone or park right after a
 * known place (曹县经济开发区). Each keeps its name, with the known place before it as its parent.
 */
function findUnknownPlaces(text: string, known: PlaceMention[]): PlaceMention[] {
  const byEnd = new Map<number, PlaceMention>()
  for (const m of known) if (!m.anaphora && m.region.code) byEnd.set(m.end, m)
  const sorted = [...known].sort((a, b) => a.start - b.start)
  const starts = sorted.map((m) => m.start)
  // A known place spanning [from, to): among the few that start at or before from, since places seldom nest.
  const covered = (from: number, to: number) => {
    // Positions are whole numbers: the first start after `from` is the first at least from + 1.
    const lo = firstAtLeast(starts.length, (i) => starts[i], from + 1)
    for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) if (sorted[i].end >= to) return true
    return false
  }
  const out: PlaceMention[] = []
  const ends = new RegExp(UNKNOWN_END.source, 'g')
  for (let e: RegExpExecArray | null; (e = ends.exec(text)); ) {
    const at = e.index
    const end = at + e[0].length
    if (covered(at, end)) continue
    const zone = ZONE_END.test(e[0])
    let from = at
    let anchor: PlaceMention | undefined
    while (from > 0 && at - from < 6 && !(anchor = byEnd.get(from)) && !NOT_IN_NAME.test(text[from - 1])) from--
    anchor ??= byEnd.get(from)
    const part = text.slice(from, at)
    if (GENERIC_NAME.test(part) || GENERIC_TAIL.test(part) || NOT_NAME_WORDS.test(part) || (!anchor && (zone || part.length < 2 || part.length > 4 || !(from === 0 || NAME_BOUNDARY.test(text[from - 1]))))) continue
    if (!zone && part.length < 1) continue
    const start = zone && anchor ? anchor.start : from
    const name = text.slice(start, end)
    const region: Region = { code: '', name, level: zone ? 'zone' : 'village', parent: anchor?.region.code ?? null, aliases: [] }
    out.push({ start, end, region, anaphora: false, member: false })
  }
  return out
}

/** Mentions starting in [from, to). */
export function mentionsIn(index: PlaceIndex, from: number, to: number): PlaceMention[] {
  const out: PlaceMention[] = []
  for (let i = firstAtLeast(index.starts.length, (j) => index.starts[j], from); i < index.starts.length && index.starts[i] < to; i++) out.push(index.mentions[i])
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
 * The place that governs a figure at pos, and where it was found: a place inside the noun it counts
 * ([nounFrom, nounTo): 17支|牡丹区直…队伍), else the most specific place of its clause, else the nearest before it
 * in its sentence and paragraph, else its article's lead (dateline), else the page's lead.
 */
export function attributePlace(pos: number, index: PlaceIndex, seg: Segments, nounFrom = pos, nounTo = pos): Attribution {
  const clause = spanAt(seg.clauses, pos)
  const sentence = spanAt(seg.sentences, pos)
  const paragraph = spanAt(seg.paragraphs, pos)
  const article = spanAt(seg.articles, pos)
  // The scopes in order; each is walked once, keeping its deepest place, with no list built per figure.
  let found: PlaceMention | undefined
  let via: PlaceSource = 'none'
  if (clause && nounTo > nounFrom && (found = deepestWithin(index, clause, nounFrom, nounTo, true))) via = 'noun'
  else if (clause && (found = deepestWithin(index, clause, 0, pos, false) ?? deepestWithin(index, clause, pos, Infinity, true))) via = 'clause'
  else if (sentence && (found = deepestWithin(index, sentence, 0, pos, false))) via = 'sentence'
  else if (paragraph && (found = deepestInLastSentence(index, paragraph, pos - PARAGRAPH_LOOKBACK, pos, seg))) via = 'paragraph'
  if (found) return { region: found.region, via }
  // A subhead on its own line may open a pseudo-article: the nearest earlier dateline still governs.
  const at = article ? seg.articles.indexOf(article) : -1
  for (let i = at; i >= 0; i--) {
    const r = index.leads.get(seg.articles[i])
    if (r) return { region: r, via: 'lead' }
  }
  for (const a of seg.articles) {
    const r = index.leads.get(a)
    if (r) return { region: r, via: 'page' }
  }
  return { region: null, via: 'none' }
}

/** Whether m is a place of span s within [from, to): starting and ending there, not listed as one of several. */
function counts(m: PlaceMention, s: Span, to: number, skipAnaphora: boolean): boolean {
  return !m.member && m.end <= Math.min(s.end, to) && !(skipAnaphora && m.anaphora)
}

/** The index of the first mention starting at or after `from`. */
function firstMention(index: PlaceIndex, from: number): number {
  return firstAtLeast(index.starts.length, (i) => index.starts[i], from)
}

/** The deepest of the mentions of span s within [from, to) that count (among equals, the last one named; a city-wide last one before all), or undefined. */
function deepestWithin(index: PlaceIndex, s: Span, from: number, to: number, skipAnaphora: boolean, start = Math.max(s.start, from)): PlaceMention | undefined {
  let best: PlaceMention | undefined
  let last: PlaceMention | undefined
  const end = Math.min(s.end, to)
  for (let i = firstMention(index, start); i < index.starts.length && index.starts[i] < end; i++) {
    const m = index.mentions[i]
    if (!counts(m, s, to, skipAnaphora)) continue
    last = m
    if (!best || DEPTH[m.region.level] >= DEPTH[best.region.level]) best = m
  }
  // 牡丹区召开大会，表彰全市…: a city-wide mention nearest the figure governs it over deeper places before it.
  return last?.cityWide ? last : best
}

/** Among the paragraph's mentions within [from, to) that count, the deepest of those in the sentence of the last one. */
function deepestInLastSentence(index: PlaceIndex, paragraph: Span, from: number, to: number, seg: Segments): PlaceMention | undefined {
  const start = Math.max(paragraph.start, from)
  const end = Math.min(paragraph.end, to)
  for (let i = firstMention(index, end) - 1; i >= 0 && index.starts[i] >= start; i--) {
    const m = index.mentions[i]
    if (!counts(m, paragraph, to, false)) continue
    const last = spanAt(seg.sentences, m.start)
    return deepestWithin(index, paragraph, from, to, false, last ? Math.max(start, last.start) : start)
  }
  return undefined
}

/** 安庄村、韩庄村等6个村庄 or 牡丹区和定陶区: places listed as members are not the governing place. */
function isListMember(text: string, m: PlaceMention, starts: Set<number>): boolean {
  const next = text[m.end]
  if (next === '、' || next === '等' || text[m.start - 1] === '、') return true
  if (next === '和' || next === '与' || next === '及') return starts.has(m.end + 1)
  return false
}

/** The place an article's headline and dateline name: one town if they agree on it, else their county. */
function leadRegion(article: Article, index: PlaceIndex, gaz: Gazetteer): Region | null {
  const inLead = mentionsIn(index, article.lead.start, article.lead.end)
  const found = inLead.filter((m) => !m.anaphora)
  const anaphoric = inLead.filter((m) => m.anaphora)
  if (!found.length) return anaphoric[0]?.region ?? null
  // A reduce, not Math.max(...): a headline can name a place 100 000 times, past the argument limit.
  const maxDepth = found.reduce((max, m) => Math.max(max, DEPTH[m.region.level]), 0)
  // By name as well as code: places the gazetteer does not know all have the empty code.
  const deepestFound = new Map(found.filter((m) => DEPTH[m.region.level] === maxDepth).map((m) => [`${m.region.code}:${m.region.name}`, m.region]))
  if (deepestFound.size === 1) return [...deepestFound.values()][0]
  const parents = [...new Set([...deepestFound.values()].map((r) => r.parent))]
  return parents.length === 1 && parents[0] ? (gaz.byCode.get(parents[0]) ?? null) : (gaz.city ?? null)
}
