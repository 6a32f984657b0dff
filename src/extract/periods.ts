import { parseChineseNumber } from './numbers'
import { firstAtLeast } from './search'
import { spanAt, type Segments, type Span } from './segments'

/** The report's publication date, at the granularity it was given. */
export interface ReportDate {
  iso: string
  year: number
  month: number | null
}

/**
 * A time expression in the text: a point or span (2024年, 12月30日), a start (从2022年…起), now (目前), lately
 * (日前, 近日: when the report was written), or a year's list or total (2023年度).
 */
export interface PeriodExpr extends Span {
  kind: 'point' | 'start' | 'now' | 'lately' | 'annual'
  /** ISO period for points, the start's ISO period for starts, the report date for now. */
  period: string
}

export function parseReportDate(date: string): ReportDate {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date.trim())
  if (!m) throw new Error(`report date must be YYYY, YYYY-MM or YYYY-MM-DD, got "${date}"`)
  return { iso: date.trim(), year: Number(m[1]), month: m[2] ? Number(m[2]) : null }
}

const pad = (n: number) => String(n).padStart(2, '0')
const YEAR = '(\\d{4}|[二〇零一三四五六七八九]{4})年'
const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 }

interface Rule {
  re: RegExp
  make: (m: RegExpExecArray, r: ReportDate) => Omit<PeriodExpr, 'start' | 'end'> | null
}

function year(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (parseChineseNumber(s) ?? 0)
}

/** A month without a year belongs to the report's year, or the year before if it is later than the report. */
function inferYear(month: number, r: ReportDate): number {
  return r.month !== null && month > r.month ? r.year - 1 : r.year
}

const RULES: Rule[] = [
  { re: /(?:从|自)(\d{4})年[^。！？\n]{0,30}?(?:起|以来|开始)/y, make: (m) => ({ kind: 'start', period: m[1] }) },
  { re: /(\d{4})年(?:(\d{1,2})月)?以来/y, make: (m) => ({ kind: 'start', period: m[2] ? `${m[1]}-${pad(+m[2])}` : m[1] }) },
  { re: /(今年|去年|上年|前年)以来/y, make: (m, r) => ({ kind: 'start', period: String(r.year - relYear(m[1])) }) },
  // 日前, 近日: lately, as of the report; 日前为止 above is a now. Not the 日前 of 26日前 (before the 26th).
  { re: /(?<![\d一二三四五六七八九十])(日前|近日)(?!为止)/y, make: (_m, r) => ({ kind: 'lately', period: r.iso }) },
  {
    re: new RegExp(`${YEAR}度`, 'y'),
    make: (m) => {
      const y = year(m[1])
      return y >= 1949 && y <= 2100 ? { kind: 'annual', period: String(y) } : null
    },
  },
  { re: /(截至|截止|截至到)?(目前|日前为止|当前|现有|至今)/y, make: (_m, r) => ({ kind: 'now', period: r.iso }) },
  {
    re: new RegExp(`${YEAR}(?:-|—|至|到|~)${YEAR}`, 'y'),
    make: (m) => (year(m[1]) < year(m[2]) ? { kind: 'point', period: `${year(m[1])}/${year(m[2])}` } : null),
  },
  {
    re: new RegExp(`${YEAR}(\\d{1,2})月(\\d{1,2})[日号]`, 'y'),
    make: (m) => ({ kind: 'point', period: `${year(m[1])}-${pad(+m[2])}-${pad(+m[3])}` }),
  },
  {
    re: new RegExp(`${YEAR}(\\d{1,2})(?:-|—|至|到|~)(\\d{1,2})月`, 'y'),
    make: (m) => ({ kind: 'point', period: `${year(m[1])}-${pad(+m[2])}/${year(m[1])}-${pad(+m[3])}` }),
  },
  {
    re: new RegExp(`${YEAR}(\\d{1,2})月(份|底|末)?`, 'y'),
    make: (m) => ({ kind: 'point', period: m[3] === '底' || m[3] === '末' ? lastDay(year(m[1]), +m[2]) : `${year(m[1])}-${pad(+m[2])}` }),
  },
  { re: new RegExp(`${YEAR}(?:第)?([一二三四1-4])季度`, 'y'), make: (m) => ({ kind: 'point', period: `${year(m[1])}-Q${QUARTER[m[2]]}` }) },
  { re: new RegExp(`${YEAR}(上|下)半年`, 'y'), make: (m) => ({ kind: 'point', period: half(year(m[1]), m[2]) }) },
  { re: new RegExp(`${YEAR}前三季度`, 'y'), make: (m) => ({ kind: 'point', period: `${year(m[1])}-01/${year(m[1])}-09` }) },
  { re: new RegExp(`${YEAR}(?:底|末)`, 'y'), make: (m) => ({ kind: 'point', period: `${year(m[1])}-12-31` }) },
  {
    re: new RegExp(`${YEAR}(?!\\d)`, 'y'),
    make: (m) => {
      const y = year(m[1])
      return y >= 1949 && y <= 2100 ? { kind: 'point', period: String(y) } : null
    },
  },
  {
    re: /(今年|去年|上年|前年)(?:度)?(?:(上|下)半年|(?:第)?([一二三四])季度|前三季度|(\d{1,2})月|(?:底|末)|(\d{1,2})(?:-|—|至|到|~)(\d{1,2})月(?:份)?)?/y,
    make: (m, r) => {
      const y = r.year - relYear(m[1])
      if (m[5] && +m[5] < +m[6] && +m[6] <= 12) return { kind: 'point', period: `${y}-${pad(+m[5])}/${y}-${pad(+m[6])}` }
      if (m[2]) return { kind: 'point', period: half(y, m[2]) }
      if (m[3]) return { kind: 'point', period: `${y}-Q${QUARTER[m[3]]}` }
      if (m[4]) return { kind: 'point', period: `${y}-${pad(+m[4])}` }
      if (m[0].endsWith('前三季度')) return { kind: 'point', period: `${y}-01/${y}-09` }
      if (/[底末]$/.test(m[0])) return { kind: 'point', period: `${y}-12-31` }
      return { kind: 'point', period: String(y) }
    },
  },
  { re: /(上|下)半年/y, make: (m, r) => ({ kind: 'point', period: half(r.year, m[1]) }) },
  { re: /前三季度/y, make: (_m, r) => ({ kind: 'point', period: `${r.year}-01/${r.year}-09` }) },
  {
    re: /(\d{1,2})(?:-|—|至|到|~)(\d{1,2})月(?:份)?/y,
    make: (m, r) => (+m[2] <= 12 && +m[1] < +m[2] ? { kind: 'point', period: `${inferYear(+m[2], r)}-${pad(+m[1])}/${inferYear(+m[2], r)}-${pad(+m[2])}` } : null),
  },
  { re: /(?:第)?([一二三四])季度/y, make: (m, r) => ({ kind: 'point', period: `${r.year}-Q${QUARTER[m[1]]}` }) },
  {
    re: /(\d{1,2})月(\d{1,2})[日号]/y,
    make: (m, r) => (+m[1] >= 1 && +m[1] <= 12 ? { kind: 'point', period: `${inferYear(+m[1], r)}-${pad(+m[1])}-${pad(+m[2])}` } : null),
  },
  {
    re: /(\d{1,2})月(份|底|末)?/y,
    make: (m, r) => {
      const month = +m[1]
      if (month < 1 || month > 12) return null
      const y = inferYear(month, r)
      return { kind: 'point', period: m[2] === '底' || m[2] === '末' ? lastDay(y, month) : `${y}-${pad(month)}` }
    },
  },
]

function lastDay(y: number, month: number): string {
  return `${y}-${pad(month)}-${pad(new Date(Date.UTC(y, month, 0)).getUTCDate())}`
}

function relYear(word: string): number {
  return word === '今年' ? 0 : word === '去年' || word === '上年' ? 1 : 2
}

function half(y: number, which: string): string {
  return which === '上' ? `${y}-01/${y}-06` : `${y}-07/${y}-12`
}

const TRIGGER = /[\d二〇零一三四五六七八九今去前上下第从自目截现当至日近]/g
/** 较去年, 比上年同期, 同比: a base of comparison, not the figure's period. */
const COMPARISON = /(较|比|与|同比|较之)$/

const CHINESE_YEAR_DIGIT = /[二〇零一三四五六七八九]/
/** What may follow the digits that start a rule: 2024年, 12月, 1-10月, 3至5月. */
const AFTER_DIGITS = /[年月\-—至到~]/

/**
 * Whether any rule can match at i: a rule starting with digits needs at most four of them, then 年, 月 or a range
 * mark; one starting with a Chinese numeral needs four and 年 (二〇二四年) or one and 季度. Most digits in a report
 * are figures (500余次, 66.1%), and trying every rule on each of them was most of the work on a text dense in figures.
 */
function mayStartExpression(text: string, i: number): boolean {
  const c = text[i]
  if (c >= '0' && c <= '9') {
    let j = i + 1
    while (j < text.length && j - i <= 4 && text[j] >= '0' && text[j] <= '9') j++
    return j - i <= 4 && AFTER_DIGITS.test(text[j] ?? '')
  }
  if (CHINESE_YEAR_DIGIT.test(c)) return text[i + 4] === '年' || text[i + 1] === '季'
  return true
}

/** Every time expression in the text, left to right, resolved against the report date. */
export function findPeriodExpressions(text: string, report: ReportDate): PeriodExpr[] {
  const found: PeriodExpr[] = []
  const trigger = new RegExp(TRIGGER.source, 'g')
  let t: RegExpExecArray | null
  while ((t = trigger.exec(text))) {
    const i = t.index
    if (!mayStartExpression(text, i)) continue
    for (const rule of RULES) {
      rule.re.lastIndex = i
      const m = rule.re.exec(text)
      if (!m) continue
      const made = rule.make(m, report)
      if (!made) continue
      if (!COMPARISON.test(text.slice(Math.max(0, i - 2), i))) found.push({ start: i, end: i + m[0].length, ...made })
      trigger.lastIndex = i + m[0].length
      break
    }
  }
  return found
}

const DATELINE = /^[▲\s]*(本报讯)?([（(][^）)]{0,20}[）)])?\s*$/

/** Headline words of a period's review, whose period dates every figure below. */
const SUMMARY = /年度|总结|综述|盘点|回眸|回顾|成绩单|工作报告/

/** 由去年的82%提升至95%: the date before 由/从 is the base, not the period of the figure after 至/到. */
function isBaseBefore(text: string, e: PeriodExpr, pos: number): boolean {
  return e.end <= pos && /[由从]/.test(text[e.start - 1] ?? '') && /(至|到|为)/.test(text.slice(e.end, pos))
}

/** 其中今年新建31处，累计服务…: a date inside a 其中 aside does not reach the clauses after it. */
function inAsideBefore(text: string, e: PeriodExpr, clause: Span | undefined, seg: Segments): boolean {
  const own = spanAt(seg.clauses, e.start)
  if (!own || !clause || own.start === clause.start) return false
  return /^\s*其中/.test(text.slice(own.start, e.start))
}

/** Start of the sentence at sentenceStart together with the sentences before it that end in a semicolon. */
function compoundStart(text: string, sentenceStart: number, memo: Map<number, number>): number {
  const known = memo.get(sentenceStart)
  if (known !== undefined) return known
  let i = sentenceStart
  if (i > 0 && /[；;]/.test(text[i - 1])) {
    let j = i - 1
    while (j > 0 && !/[。！？!?；;\n]/.test(text[j - 1])) j--
    // Figures come in order: the sentence before was usually asked for already, so a long chain is walked once.
    i = compoundStart(text, j, memo)
  }
  memo.set(sentenceStart, i)
  return i
}

const governs = (text: string, e: PeriodExpr, pos: number, clause: Span | undefined, seg: Segments) =>
  !isBaseBefore(text, e, pos) && !inAsideBefore(text, e, clause, seg)

/**
 * What decides, for each expression, whether it governs a figure in a later clause: a base (由2023年的…) governs only
 * when no 至/到/为 stands between it and the figure, and a date inside a 其中 aside never does. Found once per text,
 * so that the figure need not test every expression of a long compound sentence (一是…；二是…；…) in turn. 日前 and
 * 近日 (lately) are kept apart: they say when the event happened and yield to any other expression.
 */
interface Governing {
  /** Per expression, the last one up to it that is neither a base, nor in an aside, nor a lately (-1: none). */
  lastPlain: Int32Array
  /** Per expression, the last one up to it that is a base and not in an aside (-1: none). */
  lastBase: Int32Array
  /** Per expression, the last 日前/近日 up to it (-1: none). */
  lastLately: Int32Array
  /** Per expression, the last 2023年度 up to it (-1: none). */
  lastAnnual: Int32Array
  /** Per expression, the last day of an event up to it (4月26日，…举办…; -1: none). */
  lastEventDay: Int32Array
  /** Where 至, 到 and 为 stand in the text, in order. */
  changeWords: Int32Array
}

const governing = new WeakMap<PeriodExpr[], Governing>()

const DAY = /^\d{4}-\d{2}-\d{2}$/
/** An event held on a named day: 4月26日，…举办/召开…. A scene (12月18日中午，骑手小王说) or a press day (记者获悉) is not one. */
const EVENT = /举办|举行|召开|开展|启动|组织|走进|开幕|集中/
/** What is counted at an event: people taking part, things handed out, services given there. */
const EVENT_FIGURE = /当天|当日|现场|参加|参与|发放|吸引|接待|提供|活动中|共有|其中/

function governingOf(text: string, exprs: PeriodExpr[], seg: Segments): Governing {
  let g = governing.get(exprs)
  if (g) return g
  const n = exprs.length
  const lastPlain = new Int32Array(n)
  const lastBase = new Int32Array(n)
  const lastLately = new Int32Array(n)
  const lastAnnual = new Int32Array(n)
  const lastEventDay = new Int32Array(n)
  const carry = (a: Int32Array, k: number, own: boolean) => (a[k] = own ? k : k > 0 ? a[k - 1] : -1)
  exprs.forEach((e, k) => {
    const own = spanAt(seg.clauses, e.start)
    const aside = own ? /^\s*其中/.test(text.slice(own.start, e.start)) : false
    const base = /[由从]/.test(text[e.start - 1] ?? '')
    const lately = e.kind === 'lately'
    carry(lastPlain, k, !aside && !base && !lately)
    carry(lastBase, k, !aside && base)
    carry(lastLately, k, lately)
    carry(lastAnnual, k, e.kind === 'annual' && !aside && !base)
    const sentence = e.kind === 'point' && DAY.test(e.period) && /[日号]$/.test(text.slice(e.start, e.end)) ? spanAt(seg.sentences, e.start) : undefined
    carry(lastEventDay, k, !!sentence && EVENT.test(text.slice(e.end, sentence.end)))
  })
  const words: number[] = []
  for (const m of text.matchAll(/[至到为]/g)) words.push(m.index)
  governing.set(exprs, (g = { lastPlain, lastBase, lastLately, lastAnnual, lastEventDay, changeWords: Int32Array.from(words) }))
  return g
}

/** The last position before pos holding 至, 到 or 为, or -1. */
function lastChangeWord(g: Governing, pos: number): number {
  const lo = firstAtLeast(g.changeWords.length, (i) => g.changeWords[i], pos)
  return lo > 0 ? g.changeWords[lo - 1] : -1
}

/** The index of the last expression starting before `before` and ending by pos, or -1. */
function lastEndingBy(exprs: PeriodExpr[], before: number, pos: number): number {
  let top = firstFrom(exprs, before) - 1
  while (top >= 0 && exprs[top].end > pos) top--
  return top
}

/**
 * The last expression starting at or after `from`, before `clause`, ending by pos, that governs the figure at pos
 * (`governs`): the later of the last plain one and the last base with no change word after it.
 */
function lastGoverningBefore(text: string, exprs: PeriodExpr[], seg: Segments, from: number, clause: Span, pos: number): PeriodExpr | undefined {
  const g = governingOf(text, exprs, seg)
  const top = lastEndingBy(exprs, Math.min(pos, clause.start), pos)
  if (top < 0) return undefined
  const low = firstFrom(exprs, from)
  // A base governs if the last change word before pos comes before its end; ends grow with starts.
  const word = lastChangeWord(g, pos)
  let k = g.lastBase[top]
  if (k >= 0 && exprs[k].end <= word) k = -1
  const plain = g.lastPlain[top]
  const best = Math.max(plain >= low ? plain : -1, k >= low ? k : -1)
  return best >= 0 ? exprs[best] : undefined
}
const pick = (e: PeriodExpr, report: ReportDate) => (e.kind === 'start' ? `${e.period}/${report.iso}` : e.period)

/** compoundStart's answers for the text being read; figures of one text share them. */
const compoundMemos = new WeakMap<Segments, Map<number, number>>()

/** The index of the first expression starting at or after pos (`exprs` sorted by start, as findPeriodExpressions gives them). */
export function firstFrom(exprs: PeriodExpr[], pos: number): number {
  return firstAtLeast(exprs.length, (i) => exprs[i].start, pos)
}

/** Clause words that make a figure a flow or running total, so that a start date turns it into an interval. */
const FLOW = /累计|共计|先后|开展|举办|参与|服务|培训|组织|发放|受理|化解|帮助|吸纳|新增|完成/

/** How a figure's period was found: in the text around it, or by falling back to the report's date. */
export type PeriodSource = 'clause' | 'sentence' | 'paragraph' | 'article' | 'headline' | 'year' | 'report'

/**
 * The period of a figure at pos and where it was found: an explicit date in its clause, else one earlier in its
 * sentence, else a year's list or total (2023年度) earlier in its paragraph, else a date that opens its paragraph or a
 * summary headline's, else the day of the event its article reports (4月26日，…举办), else the report date. 日前 and
 * 近日 yield to all of these but the event's day. A start (从2022年起, 今年以来) gives an interval to the report date
 * for running totals.
 */
export function resolvePeriod(text: string, pos: number, exprs: PeriodExpr[], seg: Segments, report: ReportDate): { period: string; via: PeriodSource } {
  const clause = spanAt(seg.clauses, pos)
  const sentence = spanAt(seg.sentences, pos)
  const paragraph = spanAt(seg.paragraphs, pos)
  // Expressions are sorted by start: each scope below is found by binary search, not by reading them all.
  let point: PeriodExpr | undefined
  let lately = false
  if (clause) {
    for (let k = firstFrom(exprs, clause.start); k < exprs.length && exprs[k].start < clause.end; k++) {
      // The last governing expression before pos, else the first after it.
      if (exprs[k].start >= pos && point) break
      if (!governs(text, exprs[k], pos, clause, seg)) continue
      if (exprs[k].kind === 'lately') lately = true
      else point = exprs[k]
      if (exprs[k].start >= pos && point) break
    }
  }
  const clauseText = clause ? text.slice(clause.start, clause.end) : ''
  if (point) return { period: pick(point, report), via: 'clause' }
  let memo = compoundMemos.get(seg)
  if (!memo) compoundMemos.set(seg, (memo = new Map()))
  const from = sentence ? compoundStart(text, sentence.start, memo) : pos
  // The last expression of the compound sentence before pos that governs it (one that ends by pos starts before it).
  // Those of the figure's own clause were all tried above, and none governs.
  let last: PeriodExpr | undefined
  if (clause) last = lastGoverningBefore(text, exprs, seg, from, clause, pos)
  else {
    for (let k = firstFrom(exprs, pos) - 1; k >= 0 && exprs[k].start >= from && !last; k--) {
      if (exprs[k].end <= pos && exprs[k].kind !== 'lately' && governs(text, exprs[k], pos, clause, seg)) last = exprs[k]
    }
  }
  if (last) {
    if (last.kind !== 'start') return { period: last.period, via: 'sentence' }
    return { period: FLOW.test(clauseText) ? pick(last, report) : report.iso, via: 'sentence' }
  }
  const g = governingOf(text, exprs, seg)
  const top = lastEndingBy(exprs, pos, pos)
  if (top >= 0 && g.lastLately[top] >= firstFrom(exprs, from)) lately = true
  // 召开2023年度表彰大会。会上，100名…受到表彰: a year's list or total dates the figures after it in its paragraph.
  const annual = top >= 0 && paragraph ? g.lastAnnual[top] : -1
  if (annual >= 0 && paragraph && exprs[annual].start >= paragraph.start) return { period: exprs[annual].period, via: 'paragraph' }
  const fallback = paragraphPeriod(text, pos, exprs, seg, paragraph, clauseText)
  if (fallback) return fallback
  // 日前/近日 in the figure's own sentence: as of the report, as the text says.
  if (lately) return { period: report.iso, via: 'sentence' }
  // 4月26日，巨野县举办…。…活动当天发放资料3000余份: the day of the event the article reports dates what was done at it.
  const article = spanAt(seg.articles, pos)
  const day = top >= 0 && article && EVENT_FIGURE.test(clauseText) ? g.lastEventDay[top] : -1
  if (day >= 0 && article && exprs[day].start >= article.start) return { period: exprs[day].period, via: 'article' }
  if (/全年/.test(clauseText)) return { period: String(report.month !== null && report.month <= 2 ? report.year - 1 : report.year), via: 'year' }
  return { period: report.iso, via: 'report' }
}

/** A date opening the figure's paragraph, or the date of a summary headline (2024年工作总结) over its article. */
function paragraphPeriod(
  text: string, pos: number, exprs: PeriodExpr[], seg: Segments, paragraph: Span | undefined, clauseText: string,
): { period: string; via: PeriodSource } | null {
  if (paragraph) {
    // ▲2024年12月30日，… or 本报讯（记者 …）12月26日，…: an opening date covers its paragraph.
    const opening = exprs[firstFrom(exprs, paragraph.start)]
    const dates = opening && (opening.kind === 'point' || opening.kind === 'annual')
    if (dates && opening.start < paragraph.end && DATELINE.test(text.slice(paragraph.start, opening.start))) return { period: opening.period, via: 'paragraph' }
  }
  // A headline such as 2024年工作总结 dates every figure of its article; 一季度化解率达97.8% only its flows.
  const article = spanAt(seg.articles, pos)
  let headline: PeriodExpr | undefined
  if (article) {
    for (let k = firstFrom(exprs, article.head.start); k < exprs.length && exprs[k].start < article.head.end && !headline; k++) {
      if ((exprs[k].kind === 'point' || exprs[k].kind === 'annual') && exprs[k].end <= article.head.end) headline = exprs[k]
    }
  }
  if (headline && article && (SUMMARY.test(text.slice(article.head.start, article.head.end)) || FLOW.test(clauseText))) return { period: headline.period, via: 'headline' }
  return null
}
