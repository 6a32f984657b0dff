import type { Qualifier } from '../domain/types'
import type { NumberToken } from './numbers'
import { detectQualifier } from './qualifiers'
import { NAME, SPEECH, spanAt, type Segments, type Span } from './segments'
import { matchUnit } from './units'

/** A number that states a measure: its value, unit and qualifier, in normalised offsets. */
export interface Measure {
  /** Start of the figure's core: 百分之 or the number. */
  start: number
  numStart: number
  numEnd: number
  /** End of the unit (and of 以上/左右 after it). */
  end: number
  value: number
  valueMax?: number
  unit: string
  qualifier: Qualifier
  chinese: boolean
  speech: boolean
}

const RANGE_SEP = /^(至|到|-|~|～|—|－)$/
/** After 两个/四个…: slogans such as 两个确立, 四个意识, 三个一批 rather than counts. */
const SLOGAN_AFTER = /^([一二两三四五六七八九十]|意识|自信|维护|确立|覆盖|全覆盖|务必|倡导|代表|必须|优先|坚持|没有变|服务|融入)/
/** 成 after a small Chinese number is a tenth unless it starts a word (三成立, 两成为). */
const TENTHS = /^成(?![立为功果员效本绩长交熟型品就全])/
const ORDINAL_BEFORE = /(第|周|星期|初|高|之|统|唯|前)$/
/** 数十个, 几百名, 成百上千: vague amounts, not figures. */
const VAGUE_BEFORE = /(数|几|若干|成)$/
/** 三张清单, 两项机制: a small count of policy instruments names a programme rather than measuring work. */
const POLICY_NOUN = /^.{0,3}(清单|机制|体系|模式|工程|行动|理念|原则|意识|责任|举措|抓手|工作法|品牌)/

/**
 * The measures among the numbers: a number with its unit or classifier, not a date, time, ordinal,
 * phone or item number, not inside a document title or a campaign name, not a "每…" frequency. At most `limit`.
 */
export function readMeasures(text: string, tokens: NumberToken[], seg: Segments, limit = Infinity): Measure[] {
  const out: Measure[] = []
  for (let k = 0; k < tokens.length && out.length < limit; k++) {
    const t = tokens[k]
    const value = t.value
    let valueMax: number | undefined
    let numEnd = t.end
    let last = t
    const next = tokens[k + 1]
    if (next && next.start === t.end + 1 && RANGE_SEP.test(text[t.end]) && next.chinese === t.chinese) {
      // 3至5个: one figure from 3 to 5, read with the unit of the upper end.
      last = next
      valueMax = next.value
      k++
    }
    let approx = text[last.end] === '余' || text[last.end] === '多' || text[last.end] === '来' ? 1 : 0
    let scale = 1
    // 二十余万份 and 20余万人: the magnitude comes after 余.
    if (approx && (text[last.end + 1] === '万' || text[last.end + 1] === '亿') && text[last.end + 2] !== '元') {
      scale = text[last.end + 1] === '万' ? 1e4 : 1e8
      approx = 2
    }
    let unitMatch = matchUnit(text, last.end + approx, last.chinese)
    let start = t.start
    if (text.slice(t.start - 3, t.start) === '百分之') {
      unitMatch = { unit: '%', end: last.end }
      start = t.start - 3
    }
    // 近三成, 占比超过两成: tenths, read as a percentage.
    if (!unitMatch && t.chinese && valueMax === undefined && value <= 10 && TENTHS.test(text.slice(last.end, last.end + 2))) {
      unitMatch = { unit: '%', end: last.end + 1 }
      scale = 10
    }
    if (!unitMatch) continue
    // 9时30分 is a time of day, not a score.
    if (unitMatch.unit === '分' && /[时点:：]/.test(text[t.start - 1] ?? '')) continue
    if (isNotMeasure(text, t, last, unitMatch.end, seg)) continue
    if (valueMax !== undefined) numEnd = last.end
    const qualifier = valueMax !== undefined ? '>=' : detectQualifier(text, t.start, last.end, unitMatch.end)
    let end = unitMatch.end
    const after = text.slice(end, end + 2)
    if (/^(以上|之上|左右|上下|以内|以下|之内)$/.test(after)) end += 2
    out.push({
      start,
      numStart: t.start,
      numEnd,
      end,
      value: value * scale,
      valueMax: valueMax === undefined ? undefined : valueMax * scale,
      unit: unitMatch.unit,
      qualifier,
      chinese: t.chinese,
      speech: (seg.quoted[t.start] & SPEECH) !== 0,
    })
  }
  return out
}

function isNotMeasure(text: string, first: NumberToken, last: NumberToken, unitEnd: number, seg: Segments): boolean {
  if (seg.quoted[first.start] & NAME) return true
  const before = text.slice(Math.max(0, first.start - 2), first.start)
  const prev = text[first.start - 1] ?? ''
  const following = text[unitEnd] ?? ''
  if (/[A-Za-z+×*#№]/.test(prev) || /[A-Za-z+×*]/.test(text[last.end] ?? '')) return true
  if (/^第/.test(before.slice(-1)) || /第\s*$/.test(before)) return true
  if (first.chinese) {
    if (text.slice(first.start, last.end) === '一') return true
    const percent = text.slice(first.start - 3, first.start) === '百分之'
    if ((ORDINAL_BEFORE.test(before) && !percent) || VAGUE_BEFORE.test(before)) return true
    if (last.value <= 10 && !/[余多]/.test(text[last.end]) && POLICY_NOUN.test(text.slice(unitEnd, unitEnd + 6))) return true
    if (SLOGAN_AFTER.test(text.slice(unitEnd, unitEnd + 3))) return true
    // 三个问题 in someone's words is rhetoric, not a reported count.
    if (seg.quoted[first.start] & SPEECH && !/[余多万]/.test(text.slice(first.start, unitEnd))) return true
  }
  if (/前$/.test(before) && /^[名位]/.test(text.slice(last.end, last.end + 1))) return true
  if (following === '制' || following === '型') return true
  if (isFrequency(text, first.start, seg)) return true
  if (isPlan(text, first.start, seg)) return true
  return false
}

/**
 * 力争…突破500名, 计划到2025年底达到30家: targets and plans are not measures of what was done;
 * but 争取资金/争取到项目 reports money or projects obtained.
 */
const PLAN = /力争|争取(?![^，。；]{0,6}(资金|项目|经费|补助|奖补|支持|政策))|计划|预计|目标是|目标为|将达到|将突破|将实现|拟/

function isPlan(text: string, pos: number, seg: Segments): boolean {
  const sentence = spanAt(seg.sentences, pos)
  if (!sentence) return false
  // A plan word starts with one of a few characters: the text before the first of them cannot hold one. It is found
  // once per sentence, not read again for each of its figures.
  let first = planStarts.get(sentence)
  if (first === undefined) {
    const at = text.slice(sentence.start, sentence.end).search(PLAN_START)
    planStarts.set(sentence, (first = at < 0 ? sentence.end : sentence.start + at))
  }
  return first < pos && PLAN.test(text.slice(first, pos))
}

/** The first characters of PLAN's words. */
const PLAN_START = /[力争计预目将拟]/
const planStarts = new WeakMap<Span, number>()

/** 每周举办一次, 每个村配备2名: a rate or norm, not a measure of what was done. */
function isFrequency(text: string, pos: number, seg: Segments): boolean {
  const clause = spanAt(seg.clauses, pos)
  const from = Math.max(clause ? clause.start : 0, pos - 8)
  const window = text.slice(from, pos)
  return window.includes('每') && !/累计|共计|总计/.test(window)
}
