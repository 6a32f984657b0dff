import type { Metric } from '../domain/types'
import { firstAtLeast } from './search'
import { PERSON_UNITS } from './units'

/** Metrics with the phrases (name and aliases) that reports use for them, and the name, all without quotation marks. */
export interface MetricIndex {
  entries: { metric: Metric; name: string; phrases: string[] }[]
  /** Each phrase by its first character, with the entries that use it: a clause is scanned once for all of them. */
  byFirst: Map<string, { phrase: string; entries: number[] }[]>
  /** How far from a number a phrase can stand and still score enough (`MIN_SCORE`): farther ones are not looked at. */
  reach: number
  /** The longest phrase's length. */
  longest: number
  /** Each entry's `unitFit` for a figure's unit, filled on first use. */
  fits: Map<string, Float64Array>
}

/** The score a metric needs to be chosen at all. */
const MIN_SCORE = 1.2

export function buildMetricIndex(metrics: Metric[]): MetricIndex {
  const entries = metrics.map((metric) => ({
    metric,
    name: unquoted(metric.name),
    phrases: [...new Set([metric.name, ...metric.aliases].map(unquoted).filter((p) => p.length >= 2))],
  }))
  const byPhrase = new Map<string, number[]>()
  entries.forEach((e, i) => e.phrases.forEach((p) => (byPhrase.get(p) ?? byPhrase.set(p, []).get(p)!).push(i)))
  const byFirst = new Map<string, { phrase: string; entries: number[] }[]>()
  for (const [phrase, users] of byPhrase) (byFirst.get(phrase[0]) ?? byFirst.set(phrase[0], []).get(phrase[0])!).push({ phrase, entries: users })
  const longest = [...byPhrase.keys()].reduce((max, p) => Math.max(max, p.length), 0)
  // A phrase of length L at distance d scores at most L / (1 + d/6), below MIN_SCORE once d > 6 (L / MIN_SCORE - 1).
  return { entries, byFirst, reach: Math.ceil(6 * (longest / MIN_SCORE - 1)) + 1, longest, fits: new Map() }
}

const QUOTE_MARKS = '“”‘’"「」『』'
const QUOTES = new RegExp(`[${QUOTE_MARKS}]`, 'g')

/** A phrase without its quotation marks: reports quote names (城市治理“合伙人”) that catalogues may not. */
const unquoted = (text: string) => text.replace(QUOTES, '')

/** How well a metric's unit fits a figure's unit: 1 same, less for a related unit, 0 never. */
function unitFit(metricUnit: string, unit: string): number {
  if (metricUnit === unit) return 1
  const rate = (u: string) => u === '%' || u === '‰' || u.includes('百分点')
  if (rate(metricUnit) || rate(unit)) return 0
  if (PERSON_UNITS.has(metricUnit) && PERSON_UNITS.has(unit)) return metricUnit === '人次' || unit === '人次' ? 0.6 : 0.9
  if (PERSON_UNITS.has(metricUnit) || PERSON_UNITS.has(unit)) return 0
  if (metricUnit === '个' || unit === '个') return 0.6
  return 0.3
}

/** Words that single out a kind within a noun (优秀志愿服务项目 are projects honoured, not all projects). */
const SINGLING_OUT = /(优秀|最美|先进|示范|模范|标杆|星级|五星|十佳|精品|僵尸型?)$/

/**
 * Whether a phrase found at `at` in the clause describes the figure whose number ends at `numEnd`:
 * - after the number, not as the noun of the next number (组建新就业群体联合党支部1个、社区社会组织联合会党总支1个:
 *   the second noun is the second figure's), and not past words about something else (`sharesWords`);
 * - not narrowed by a word before it that the metric's own name lacks (“僵尸型”协会商会31家 is not the number of
 *   all associations, 优秀志愿服务项目20个 not the number of all projects).
 */
function describes(context: string, at: number, phrase: string, numEnd: number, name: string): boolean {
  if (at >= numEnd) {
    if (/^[\d一二两三四五六七八九十百千万]/.test(context.slice(at + phrase.length, at + phrase.length + 1))) return false
    if (!sharesWords(context.slice(numEnd, at), name)) return false
  }
  // The words are a few characters long: the tail before the phrase decides, not the whole clause.
  const modifier = SINGLING_OUT.exec(context.slice(Math.max(0, at - SINGLING_OUT_TAIL), at))?.[1]
  return !modifier || name.includes(modifier.replace(/型$/, ''))
}

/** Longer than any word of SINGLING_OUT. */
const SINGLING_OUT_TAIL = 8

/**
 * Whether the words between a number and a phrase after it (what the number counts, and what that did) share a
 * two-character word with the metric's name: 6个村庄的关键地段安装、增设防护栏 counts villages, as 增设防护栏的村庄数
 * does; 12个城市社区成立物业服务企业联合党支部 counts communities, which 新就业群体联合党支部数 does not.
 */
function sharesWords(between: string, name: string): boolean {
  const words = between.replace(/[^\u4e00-\u9fff]/g, '')
  if (words.length < 2) return true
  for (let i = 0; i + 2 <= words.length; i++) if (name.includes(words.slice(i, i + 2))) return true
  return false
}

/** A clause made ready for classifying its figures: its text without quotation marks and every catalogue phrase in it. */
export interface ClausePhrases {
  context: string
  /** Per position of the clause, the matching position in `context`. */
  shift: Int32Array
  /** Phrases found, by position in `context`. */
  hits: { at: number; phrase: string; entries: number[] }[]
}

const QUOTE_CHARS = new Set(QUOTE_MARKS)

/** Finds every phrase of the index in the clause in one pass, so that each figure of the clause looks only near itself. */
export function findClausePhrases(clause: string, index: MetricIndex): ClausePhrases {
  const shift = new Int32Array(clause.length + 1)
  let context = clause
  if (QUOTES_IN.test(clause)) {
    context = ''
    for (let i = 0; i < clause.length; i++) {
      shift[i] = context.length
      if (!QUOTE_CHARS.has(clause[i])) context += clause[i]
    }
    shift[clause.length] = context.length
  } else for (let i = 0; i <= clause.length; i++) shift[i] = i
  const hits: ClausePhrases['hits'] = []
  for (let at = 0; at < context.length; at++) {
    const starting = index.byFirst.get(context[at])
    if (starting) for (const p of starting) if (context.startsWith(p.phrase, at)) hits.push({ at, phrase: p.phrase, entries: p.entries })
  }
  return { context, shift, hits }
}

const QUOTES_IN = new RegExp(`[${QUOTE_MARKS}]`)

/**
 * The metric whose phrases best describe the figure: `clause` is the figure's clause and [start, end) the number's
 * place in it; a phrase scores by its length and nearness. `phrases` may hold the clause's `findClausePhrases`.
 */
export function classifyMetric(
  clause: string,
  start: number,
  end: number,
  unit: string,
  index: MetricIndex,
  phrases: ClausePhrases = findClausePhrases(clause, index),
): Metric | null {
  // Phrases are matched with the clause's quotation marks left out, the number's place shifted to match.
  const { context, shift, hits } = phrases
  const [numStart, numEnd] = [shift[start], shift[end]]
  const fits = unitFits(unit, index)
  const scores = scratch.length >= index.entries.length ? scratch.fill(0) : (scratch = new Float64Array(index.entries.length))
  // Hits are sorted by position: start at the first one that can reach the number.
  const from = numStart - index.longest - index.reach
  const lo = firstAtLeast(hits.length, (i) => hits[i].at, from)
  for (let h = lo; h < hits.length && hits[h].at <= numEnd + index.reach; h++) {
    const { at, phrase, entries } = hits[h]
    const distance = at >= numEnd ? at - numEnd : Math.max(0, numStart - (at + phrase.length))
    for (const e of entries) {
      const fit = fits[e]
      if (fit === 0 || !describes(context, at, phrase, numEnd, index.entries[e].name)) continue
      scores[e] = Math.max(scores[e], (phrase.length * fit) / (1 + distance / 6))
    }
  }
  let best: Metric | null = null
  let bestScore = 0
  for (let e = 0; e < index.entries.length; e++) {
    if (scores[e] > bestScore) {
      bestScore = scores[e]
      best = index.entries[e].metric
    }
  }
  return bestScore >= MIN_SCORE ? best : null
}

/** Each metric's score for the figure being classified, reused from one figure to the next. */
let scratch = new Float64Array(0)

function unitFits(unit: string, index: MetricIndex): Float64Array {
  let fits = index.fits.get(unit)
  if (!fits) index.fits.set(unit, (fits = Float64Array.from(index.entries, (e) => unitFit(e.metric.unit, unit))))
  return fits
}

/** A change verb ending the phrase before a rate: (同比|较上年)(增长|下降)(了|达|到)?. */
const CHANGE = /(同比|较上年同期|较去年同期|较上年|较去年|比上年|比去年)?(增长|增加|提高|提升|上升|下降|减少|降低|回落)(了|达|达到)?$/
const LEADING_VERBS = /^(的|已|共|累计|今年|去年|全年|上半年|下半年|[一二三四]季度|年内|当年|近年来|[一二三四五六七八九十]+年来|同时|配齐|配备|划分为|划分|摸清|聘请|评选|表彰|依法|共计|先后|组织|开展|举办|指导|推动|培育|吸纳|吸收|选派|推荐|组建|覆盖|参与|实现|完成|建立|建成|设立|发展|有|为|达|是|在|对|将|把|使|让|其中|全市|全县|全区|全镇)+/
const TRAILING_VERBS = /(已达|达到|达|为|有|共|累计|共计|约|近|超过|突破|开展|完成|实现)+$/

/** A short name a reviewer could give a new metric, from the noun phrase around the figure. */
export function suggestName(nounAfter: string, nounBefore: string, unit: string): string {
  const isRate = unit === '%' || unit === '‰'
  const change = CHANGE.exec(nounBefore)
  if (change && (isRate || unit.endsWith('百分点'))) {
    // 信访总量同比下降15.3% → 信访总量同比降幅; 满意度较去年同期提高3.5个百分点 → 满意度同比升幅（百分点）.
    const subject = trimVerbs(nounBefore.slice(0, change.index), true).replace(/的$/, '')
    const name = `${subject}${change[1] ? '同比' : ''}${/下降|减少|降低|回落/.test(change[2]) ? '降幅' : '增幅'}`
    return unit.endsWith('百分点') ? `${name}（百分点）` : name
  }
  let noun = trimVerbs(nounAfter, false)
  if (!noun || isRate) noun = trimVerbs(nounBefore, true)
  noun = noun.slice(0, 16).replace(/的$/, '')
  if (!noun) return isRate ? '比率' : `数量（${unit}）`
  if (isRate || /(率|数|量|次数|人数|人次|户次|场次)$/.test(noun)) return noun
  return withUnit(noun, unit)
}

/**
 * The noun made a metric's name the way reports name one, by what is counted: 专职调解员人数, 排查矛盾纠纷起数,
 * 走访农户户次, 网格议事会场次, 网格数; an amount keeps its own word (投入资金, 电商销售额) or becomes 金额.
 */
function withUnit(noun: string, unit: string): string {
  if (/元$/.test(unit)) return /(资金|金额|销售额|损失|价值|投入|投资|经费|收入|贷款)$/.test(noun) ? noun : `${noun}金额`
  if (/^(小时|分钟|天)$/.test(unit)) return /时长$/.test(noun) ? noun : `${noun}时长`
  if (unit === '分') return noun
  if (unit === '名' || unit === '人' || unit === '位') return noun.endsWith('人') ? `${noun}数` : `${noun}人数`
  if (unit.endsWith('次')) return unit === '次' ? `${noun}次数` : `${noun}${unit}`
  if (/^(户|件|起|条|场|期|批)$/.test(unit)) return noun.endsWith(unit) ? `${noun}数` : `${noun}${unit}数`
  return `${noun}数`
}

/** Drops the verbs around a noun phrase, unless that would leave almost nothing (覆盖率 stays). */
function trimVerbs(phrase: string, before: boolean): string {
  const clean = phrase.replace(/[“”"《》]/g, '')
  let trimmed = before ? clean.replace(TRAILING_VERBS, '') : clean
  const lead = trimmed.replace(LEADING_VERBS, '')
  if (lead.length >= 3 || lead.length >= trimmed.length - 1) trimmed = lead
  return trimmed
}
