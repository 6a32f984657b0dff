import type { Region } from '../domain/types'
import { buildMetricIndex, classifyMetric, findClausePhrases, suggestName, type ClausePhrases, type MetricIndex } from './metrics'
import { readMeasures, type Measure } from './measures'
import { normaliseText, toOriginalRange } from './normalise'
import { scanNumbers } from './numbers'
import { matchUnit } from './units'
import { findPeriodExpressions, firstFrom, parseReportDate, resolvePeriod, type PeriodSource } from './periods'
import { attributePlace, buildGazetteer, findPlaces, mentionsIn, type Gazetteer, type PlaceIndex, type PlaceSource } from './places'
import { MAX_SPAN, segmentText, spanAt, type Segments, type Span } from './segments'
import type { ExtractContext, ExtractNote, ExtractResult, Figure } from './types'

export type { ExtractContext, ExtractNote, ExtractResult, Figure } from './types'

const gazetteers = new WeakMap<Region[], Gazetteer>()
const metricIndexes = new WeakMap<ExtractContext['metrics'], MetricIndex>()

/**
 * Candidate figures of a report, sorted by start: each with its value, unit, qualifier, the exact
 * quote and its offsets in the original text, the governing place and period, and a metric.
 */
export function extractFigures(text: string, ctx: ExtractContext): Figure[] {
  return extractReport(text, ctx).figures
}

/**
 * The figures of `extractFigures`, and a note for each run of text too long to read as one sentence: it is read in
 * pieces, so a figure whose words cross a cut may be missed or read short, and the user is told where.
 */
export function extractReport(text: string, ctx: ExtractContext): ExtractResult {
  const report = parseReportDate(ctx.date)
  const norm = normaliseText(text)
  const t = norm.text
  const seg = segmentText(t)
  const gaz = cached(gazetteers, ctx.regions, buildGazetteer)
  const index = cached(metricIndexes, ctx.metrics, buildMetricIndex)
  const places = findPlaces(t, gaz, seg)
  const exprs = findPeriodExpressions(t, report)
  const figures: Figure[] = []
  // The subject of the last 由X提升至… phrase, for the figure after its verb: (where that figure starts, subject).
  let change: { toAt: number; subject: number } | null = null
  // The clause of the last figure, read once for all the figures it holds.
  let read: { clause: Span; context: string; phrases: ClausePhrases } | null = null
  const measures = readMeasures(t, scanNumbers(t), seg, MAX_FIGURES + 1)
  for (const m of measures.slice(0, MAX_FIGURES)) {
    const clauseStart = spanAt(seg.clauses, m.numStart)?.start ?? 0
    // 由58%提升至92%: both figures are about the noun before 由; the first is of an earlier period, which the
    // text names (从去年底的71.3%) or leaves for the reviewer to set, never the report's own period.
    const from = changeFrom(t, m, clauseStart)
    const subject = from?.subject ?? (change && change.toAt === m.start ? change.subject : null)
    change = from ? { toAt: from.toAt, subject: from.subject } : null
    const subjectNoun = subject === null ? '' : nounBefore(t, subject, clauseStart)
    // A change's figures are quoted from that noun: 物业服务小区党组织覆盖率由58%提升至92%.
    const [qs, qe] = subject === null ? quoteSpan(t, m, seg) : [subject - subjectNoun.length, m.end]
    const [start, end] = toOriginalRange(norm, qs, qe)
    const { region, via: placeVia } = attributePlace(m.numStart, places, seg, m.end, m.end + nounAfter(t, m.end).length)
    const { period, via: periodVia } = resolvePeriod(t, m.numStart, exprs, seg, report)
    const clause = spanAt(seg.clauses, m.numStart) ?? { start: qs, end: qe }
    if (!read || read.clause !== clause) {
      const clauseText = t.slice(clause.start, clause.end)
      read = { clause, context: clauseText, phrases: findClausePhrases(clauseText, index) }
    }
    const { context } = read
    const metric = classifyMetric(context, m.numStart - clause.start, m.end - clause.start, m.unit, index, read.phrases)
    const unit = refineUnit(context, m)
    const figure: Figure = {
      value: m.value,
      ...(m.valueMax !== undefined ? { value_max: m.valueMax } : {}),
      unit,
      qualifier: m.qualifier,
      quote: text.slice(start, end),
      start,
      end,
      region: region?.name ?? null,
      // A place the gazetteer does not know keeps its name, with no code, for the reviewer to map or add.
      region_code: region?.code || null,
      period,
      metric: metric?.id ?? null,
      metric_name: metric?.name ?? '',
      confidence: confidence(m, metric !== null, unit),
    }
    const flags = doubts(region, placeVia, periodVia)
    if (flags.length) {
      figure.flags = flags as string[]
      figure.confidence = Math.max(0.05, Math.round((figure.confidence - 0.15 * flags.length) * 100) / 100)
    }
    // Whether an expression stands between 由/从 and the figure: ends grow with starts, so the first after 由 decides.
    const between = from ? exprs[firstFrom(exprs, from.marker)] : undefined
    if (from && !(between && between.end <= m.start)) {
      figure.period = ''
      figure.flags = [...(figure.flags ?? []).filter((f) => f !== PERIOD_FROM_REPORT_DATE), PERIOD_NOT_STATED]
      figure.confidence = Math.max(0.05, Math.round((figure.confidence - 0.3) * 100) / 100)
    }
    if (!metric) {
      const before = subject === null ? nounBefore(t, m.start, clause.start) : subjectNoun
      const beforeAt = (subject ?? m.start) - before.length
      figure.suggested_name = suggestName(
        subject === null ? withoutPlaces(nounAfter(t, m.end), m.end, places) : '',
        withoutPlaces(before, beforeAt, places),
        unit,
      )
      figure.metric_name = figure.suggested_name
    }
    figures.push(figure)
  }
  // Past the last figure read, nothing was read: the notes stop there, with one saying so.
  const stop = measures.length > MAX_FIGURES ? measures[MAX_FIGURES].start : t.length
  const notes: ExtractNote[] = seg.cuts.filter((cut) => cut.start < stop).map((cut) => {
    const [start, end] = toOriginalRange(norm, cut.start, cut.end)
    return { kind: 'long-sentence', start, end, length: end - start, max: MAX_SPAN }
  })
  if (stop < t.length) {
    const start = toOriginalRange(norm, stop, stop + 1)[0]
    notes.push({ kind: 'too-many-figures', start, end: text.length, length: text.length - start, max: MAX_FIGURES })
  }
  // Figures come in the order of their numbers, which is almost always that of their quotes: sort only if not.
  const sorted = figures.every((f, i) => i === 0 || figures[i - 1].start <= f.start)
  return { figures: sorted ? figures : figures.sort((a, b) => a.start - b.start), notes }
}

/**
 * The most figures read from one report. A newspaper page holds about a hundred and a year of a daily paper some
 * tens of thousands; text denser than that is a table or junk, and reading it would cost seconds per megabyte.
 */
export const MAX_FIGURES = 20_000

/** Why a figure's place or period is in doubt, in the words the review list shows. */
export const UNKNOWN_PLACE = '未识别地名：'
const PLACE_FROM_LEAD = '地点取自导语或版面，正文未写明'
const NO_PLACE = '正文未写明地点'
const PERIOD_FROM_REPORT_DATE = '时间取自发布日期，正文未写明'
const PERIOD_NOT_STATED = '起始数字的时间正文未写明'

/** The lists of doubts made so far, by their text: a report of 500 000 figures shares a handful, not one list each. */
const doubtLists = new Map<string, readonly string[]>()

/** The doubts about a figure's place and period: a place the gazetteer does not know, or either one found by a fallback. */
function doubts(region: Region | null, placeVia: PlaceSource, periodVia: PeriodSource): readonly string[] {
  const place = region && !region.code ? `${UNKNOWN_PLACE}${region.name}` : placeVia === 'lead' || placeVia === 'page' ? PLACE_FROM_LEAD : placeVia === 'none' ? NO_PLACE : ''
  const period = periodVia === 'report' ? PERIOD_FROM_REPORT_DATE : ''
  if (!place && !period) return NONE
  const key = `${place}\u0000${period}`
  let list = doubtLists.get(key)
  if (!list) {
    if (doubtLists.size > 10_000) doubtLists.clear()
    doubtLists.set(key, (list = Object.freeze([place, period].filter(Boolean))))
  }
  return list
}
const NONE: readonly string[] = Object.freeze([])

const FROM_MARKER = /(由|从)([^，。；：、\d]{0,6}的)?$/
const CHANGE_VERB = /^[^，。；：\d]{0,2}?(提升|提高|增加|增长|上升|下降|降低|减少|扩大|缩小)(至|到|为)/

/**
 * For the first figure of a change (由58%提升至92%, 从去年底的71.3%提高到86.2%): where 由/从 stands, where the
 * noun it is about ends (the 由), and where the second figure starts; null for any other figure.
 */
function changeFrom(t: string, m: Measure, clauseStart: number): { marker: number; subject: number; toAt: number } | null {
  const lead = Math.max(clauseStart, m.start - 10)
  const before = FROM_MARKER.exec(t.slice(lead, m.start))
  const verb = before && CHANGE_VERB.exec(t.slice(m.end, m.end + 8))
  if (!before || !verb) return null
  const marker = lead + before.index
  return { marker, subject: marker, toAt: m.end + verb[0].length }
}

function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, build: (key: K) => V): V {
  let value = cache.get(key)
  if (!value) cache.set(key, (value = build(key)))
  return value
}

/** 参与人次达20000余人 counts person-times although its classifier is 人. */
function refineUnit(context: string, m: Measure): string {
  return m.unit === '人' && context.includes('人次') ? '人次' : m.unit
}

/** Punctuation, brackets and white space: what ends a noun phrase, and what an aside or a quoted name holds none of. */
const BREAKS = '，。；！？、,;!?：:\\n（）()\\s'
const STOP = new RegExp(`[${BREAKS}\\d%‰]`)
/** STOP for every UTF-16 code unit, built on first use: the noun scans test each character, and a regex call per character was a tenth of the time. */
let stopTable: Uint8Array | null = null
function isStop(ch: number): boolean {
  if (!stopTable) {
    stopTable = new Uint8Array(65536)
    for (let c = 0; c < 65536; c++) stopTable[c] = STOP.test(String.fromCharCode(c)) ? 1 : 0
  }
  return stopTable[ch] === 1
}
const NOUN_LIMIT = 12

/**
 * The noun phrase after the unit (143家|市级行业协会商会), up to punctuation; a short aside in brackets or a short
 * quoted name stays with it (868个|村（社区）, 30名|“光荣在党50年”老党员), a longer one ends it.
 */
function nounAfter(t: string, from: number): string {
  let i = from
  while (i < t.length && i - from < NOUN_LIMIT) {
    if (CLOSING.has(t[i])) {
      const end = asideEnd(t, i)
      if (end < 0) break
      i = end
    } else if (isStop(t.charCodeAt(i))) break
    else i++
  }
  return t.slice(from, i)
}

/** The noun phrase before the number (党建示范点|16家), back to the clause start; asides as in `nounAfter` (党支部（党小组）|1520个). */
function nounBefore(t: string, to: number, clauseStart: number): string {
  let i = to
  while (i > clauseStart && to - i < NOUN_LIMIT) {
    if (OPENING.has(t[i - 1])) {
      const start = asideStart(t, i - 1, clauseStart)
      if (start < 0) break
      i = start
    } else if (isStop(t.charCodeAt(i - 1))) break
    else i--
  }
  // 1—10月刑事警情, 320名新就业群体: the tail of an earlier date or figure is not part of the noun.
  if (/\d/.test(t[i - 1] ?? '')) {
    const tail = /^([年月日号](底|末|份)?)/.exec(t.slice(i, to))
    i += tail ? tail[0].length : (matchUnit(t, i, false)?.end ?? i) - i
  }
  return t.slice(Math.min(i, to), to)
}

const ASIDE = new RegExp(`^[^${BREAKS}\\d%‰]{1,6}$`)
/** A quoted name may hold digits (“光荣在党50年”), a bracketed aside not (（2024年度）). */
const QUOTED = new RegExp(`^[^${BREAKS}“”]{1,8}$`)
const CLOSING = new Map([['（', '）'], ['(', ')'], ['“', '”']])
const OPENING = new Map([['）', '（'], [')', '('], ['”', '“']])

/** Past the mark closing the aside or quoted name that opens at `open`, if it is a few plain words (（社区）, (村), “五星级”); else -1. */
function asideEnd(t: string, open: number): number {
  const close = t.indexOf(CLOSING.get(t[open])!, open + 1)
  return close > 0 && (t[open] === '“' ? QUOTED : ASIDE).test(t.slice(open + 1, close)) ? close + 1 : -1
}

/** Where the aside or quoted name closing at `close` opens, if it is a few plain words after `from`; else -1. */
function asideStart(t: string, close: number, from: number): number {
  const open = t.lastIndexOf(OPENING.get(t[close])!, close - 1)
  return open >= from && (t[close] === '”' ? QUOTED : ASIDE).test(t.slice(open + 1, close)) ? open : -1
}

/** The phrase without the place names in it: 沙窝镇投入资金 → 投入资金. */
function withoutPlaces(phrase: string, at: number, places: PlaceIndex): string {
  let out = phrase
  for (const m of mentionsIn(places, at, at + phrase.length).reverse()) {
    out = out.slice(0, m.start - at) + out.slice(Math.min(phrase.length, m.end - at))
  }
  return out
}

/** The shortest span that states the figure: number and unit with the noun they count. */
function quoteSpan(t: string, m: Measure, seg: Segments): [number, number] {
  const clause = spanAt(seg.clauses, m.numStart)
  const after = nounAfter(t, m.end)
  const qualifier = /(不超过|超过|多达|不少于|至少|大约|约|将近|接近|近|突破|逾|超|上)$/.exec(t.slice(Math.max(0, m.start - 3), m.start))
  // A rate names what it measures before it (覆盖率达66.1%), whatever verb follows.
  const rate = m.unit === '%' || m.unit === '‰' || m.unit.endsWith('百分点')
  if (after && !rate && !/^[了的地得]?$/.test(after)) return [m.start - (qualifier ? qualifier[0].length : 0), m.end + after.length]
  const before = nounBefore(t, m.start, clause ? clause.start : 0)
  return [m.start - before.length, m.end]
}

function confidence(m: Measure, hasMetric: boolean, unit: string): number {
  let c = 0.55
  if (unit !== '个') c += 0.1
  if (unit === '%') c += 0.1
  if (hasMetric) c += 0.2
  if (m.chinese && m.value < 10) c -= 0.1
  if (m.speech) c -= 0.15
  if (m.valueMax !== undefined) c -= 0.05
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 100) / 100
}
