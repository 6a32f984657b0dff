import { parseChineseNumber } from './numbers'
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

/** Every time expression in the text, left to right, resolved against the report date. */
export function findPeriodExpressions(text: string, report: ReportDate): PeriodExpr[] {
  const found: PeriodExpr[] = []
  const trigger = new RegExp(TRIGGER.source, 'g')
  let t: RegExpExecArray | null
  while ((t = trigger.exec(text))) {
    const i = t.index
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
  return e.end <= pos && /[由从]$/.test(text.slice(0, e.start)) && /(至|到|为)/.test(text.slice(e.end, pos))
}

/** 其中今年新建31处，累计服务…: a date inside a 其中 aside does not reach the clauses after it. */
function inAsideBefore(text: string, e: PeriodExpr, clause: Span | undefined, seg: Segments): boolean {
  const own = spanAt(seg.clauses, e.start)
  if (!own || !clause || own.start === clause.start) return false
  return /^\s*其中/.test(text.slice(own.start, e.start))
}

/** Start of the sentence at sentenceStart together with the sentences before it that end in a semicolon. */
function compoundStart(text: string, sentenceStart: number): number {
  let i = sentenceStart
  while (i > 0 && /[；;]/.test(text[i - 1])) {
    let j = i - 1
    while (j > 0 && !/[。！？!?；;\n]/.test(text[j - 1])) j--
    i = j
  }
  return i
}

/** Clause words that make a figure a flow or running total, so that a start date turns it into an interval. */
const FLOW = /累计|共计|先后|开展|举办|参与|服务|培训|组织|发放|受理|化解|帮助|吸纳|新增|完成/

/** How a figure's period was found: in the text around it, or by falling back to the report's date. */
export type PeriodSource = 'clause' | 'sentence' | 'paragraph' | 'article' | 'headline' | 'year' | 'report'

/**
 * The period of a figure at pos and where it was found: an explicit date in its clause, else one earlier in its
 * sentence, else a date that opens its paragraph, else the day of the event its article reports (4月26日，…), else the
 * report date. A start (从2022年起, 今年以来) gives an interval to the report date for running totals.
 */
export function resolvePeriod(text: string, pos: number, exprs: PeriodExpr[], seg: Segments, report: ReportDate): { period: string; via: PeriodSource } {
  const clause = spanAt(seg.clauses, pos)
  const sentence = spanAt(seg.sentences, pos)
  const paragraph = spanAt(seg.paragraphs, pos)
  const governs = (e: PeriodExpr) => !isBaseBefore(text, e, pos) && !inAsideBefore(text, e, clause, seg)
  const inClause = clause ? exprs.filter((e) => e.start >= clause.start && e.start < clause.end && governs(e)) : []
  const clauseText = clause ? text.slice(clause.start, clause.end) : ''
  const pick = (e: PeriodExpr) => (e.kind === 'start' ? `${e.period}/${report.iso}` : e.period)
  // 日前, 近日 say when the report's event happened, not what a list or total is about: they yield to 2023年度 below.
  const lately = (e: PeriodExpr) => e.kind === 'lately'
  const point = inClause.filter((e) => e.start < pos && !lately(e)).pop() ?? inClause.find((e) => !lately(e))
  if (point) return { period: pick(point), via: 'clause' }
  // 截至2025年12月底，…；组建…1260支: a semicolon does not end the date's reach.
  const from = sentence ? compoundStart(text, sentence.start) : pos
  const earlier = exprs.filter((e) => e.start >= from && e.end <= pos && governs(e))
  const last = earlier.filter((e) => !lately(e)).pop()
  if (last) {
    if (last.kind !== 'start') return { period: last.period, via: 'sentence' }
    return { period: FLOW.test(clauseText) ? pick(last) : report.iso, via: 'sentence' }
  }
  // 召开2023年度表彰大会。会上，100名…受到表彰: a year's list or total dates the figures after it in its paragraph.
  const annual = paragraph && exprs.filter((e) => e.kind === 'annual' && e.start >= paragraph.start && e.end <= pos && governs(e)).pop()
  if (annual) return { period: annual.period, via: 'paragraph' }
  const fallback = paragraphPeriod(text, pos, exprs, seg, paragraph, clauseText)
  if (fallback) return fallback
  // 日前/近日 in the figure's own sentence: as of the report, as the text says.
  if (inClause.some(lately) || earlier.some(lately)) return { period: report.iso, via: 'sentence' }
  // 4月26日，巨野县举办…。…活动当天发放资料3000余份: the day of the event the article reports dates what was done at it.
  const day = EVENT_FIGURE.test(clauseText) ? eventDay(text, pos, exprs, seg) : undefined
  if (day) return { period: day.period, via: 'article' }
  if (/全年/.test(clauseText)) return { period: String(report.month !== null && report.month <= 2 ? report.year - 1 : report.year), via: 'year' }
  return { period: report.iso, via: 'report' }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
/** An event held on a named day: 4月26日，…举办/召开…. A scene (12月18日中午，骑手小王说) or a press day (记者获悉) is not one. */
const EVENT = /举办|举行|召开|开展|启动|组织|走进|开幕|集中/
/** What is counted at an event: people taking part, things handed out, services given there. */
const EVENT_FIGURE = /当天|当日|现场|参加|参与|发放|吸引|接待|提供|活动中|共有|其中/

/** The last day, written as a day (4月26日), of an event sentence earlier in the figure's article. */
function eventDay(text: string, pos: number, exprs: PeriodExpr[], seg: Segments): PeriodExpr | undefined {
  const article = spanAt(seg.articles, pos)
  if (!article) return undefined
  let day: PeriodExpr | undefined
  for (const e of exprs) {
    if (e.start < article.start || e.end > pos) continue
    if (e.kind !== 'point' || !DAY.test(e.period) || !/[日号]$/.test(text.slice(e.start, e.end))) continue
    const sentence = spanAt(seg.sentences, e.start)
    if (sentence && EVENT.test(text.slice(e.end, sentence.end))) day = e
  }
  return day
}

/** A date opening the figure's paragraph, or the date of a summary headline (2024年工作总结) over its article. */
function paragraphPeriod(
  text: string, pos: number, exprs: PeriodExpr[], seg: Segments, paragraph: Span | undefined, clauseText: string,
): { period: string; via: PeriodSource } | null {
  if (paragraph) {
    // ▲2024年12月30日，… or 本报讯（记者 …）12月26日，…: an opening date covers its paragraph.
    const opening = exprs.find((e) => e.start >= paragraph.start && e.start < paragraph.end)
    if (opening && (opening.kind === 'point' || opening.kind === 'annual') && DATELINE.test(text.slice(paragraph.start, opening.start))) return { period: opening.period, via: 'paragraph' }
  }
  // A headline such as 2024年工作总结 dates every figure of its article; 一季度化解率达97.8% only its flows.
  const article = spanAt(seg.articles, pos)
  const headline = article && exprs.find((e) => (e.kind === 'point' || e.kind === 'annual') && e.start >= article.head.start && e.end <= article.head.end)
  if (headline && (SUMMARY.test(text.slice(article.head.start, article.head.end)) || FLOW.test(clauseText))) return { period: headline.period, via: 'headline' }
  return null
}
