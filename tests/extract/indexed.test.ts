import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadMetrics } from '../../src/cli/extract'
import type { Metric } from '../../src/domain/types'
import { buildMetricIndex, classifyMetric, findClausePhrases, type MetricIndex } from '../../src/extract/metrics'
import { NAME, SPEECH, segmentText } from '../../src/extract/segments'

/**
 * The extractor reads a clause's phrases and a text's quotation marks in one pass each, where it once rescanned them for
 * every figure. These properties hold the one-pass readers to the rescanning ones, kept here as the reference.
 */

const metrics = loadMetrics()
const index = buildMetricIndex(metrics)

/** The reference: every phrase of every metric looked up in the whole clause, for one figure. */
function classifyByRescanning(clause: string, start: number, end: number, unit: string, index: MetricIndex): Metric | null {
  const unquoted = (s: string) => s.replace(/[“”‘’"「」『』]/g, '')
  const context = unquoted(clause)
  const [numStart, numEnd] = [unquoted(clause.slice(0, start)).length, unquoted(clause.slice(0, end)).length]
  const rate = (u: string) => u === '%' || u === '‰' || u.includes('百分点')
  const persons = new Set(['人', '名', '位', '人次'])
  const fitOf = (m: string) =>
    m === unit ? 1 : rate(m) || rate(unit) ? 0 : persons.has(m) && persons.has(unit) ? (m === '人次' || unit === '人次' ? 0.6 : 0.9)
      : persons.has(m) || persons.has(unit) ? 0 : m === '个' || unit === '个' ? 0.6 : 0.3
  const describes = (at: number, phrase: string, name: string) => {
    if (at >= numEnd) {
      if (/^[\d一二两三四五六七八九十百千万]/.test(context.slice(at + phrase.length, at + phrase.length + 1))) return false
      const words = context.slice(numEnd, at).replace(/[^\u4e00-\u9fff]/g, '')
      if (words.length >= 2 && !Array.from({ length: words.length - 1 }, (_, i) => words.slice(i, i + 2)).some((w) => name.includes(w))) return false
    }
    const modifier = /(优秀|最美|先进|示范|模范|标杆|星级|五星|十佳|精品|僵尸型?)$/.exec(context.slice(0, at))?.[1]
    return !modifier || name.includes(modifier.replace(/型$/, ''))
  }
  let best: Metric | null = null
  let bestScore = 0
  for (const { metric, name, phrases } of index.entries) {
    const fit = fitOf(metric.unit)
    if (fit === 0) continue
    let score = 0
    for (const phrase of phrases) {
      for (let at = context.indexOf(phrase); at >= 0; at = context.indexOf(phrase, at + 1)) {
        if (!describes(at, phrase, name)) continue
        const distance = at >= numEnd ? at - numEnd : Math.max(0, numStart - (at + phrase.length))
        score = Math.max(score, (phrase.length * fit) / (1 + distance / 6))
      }
    }
    if (score > bestScore) [best, bestScore] = [metric, score]
  }
  return bestScore >= 1.2 ? best : null
}

const phrases = [...new Set(index.entries.flatMap((e) => e.phrases))]
/** Clause pieces: catalogue phrases, their halves, modifiers, quotation marks, filler and numbers. */
const piece = fc.oneof(
  fc.constantFrom(...phrases),
  fc.constantFrom(...phrases).map((p) => p.slice(0, Math.ceil(p.length / 2))),
  fc.constantFrom('优秀', '示范', '僵尸型', '“', '”', '「', '」', '"', '的', '开展', '全市', '其中', '、', '共', '个', '家'),
  fc.constantFrom('社区', '党员', '志愿', '服务', '活动', '村庄', '企业', '调解', '网格'),
  fc.string({ unit: fc.constantFrom('甲', '乙', '丙', '丁'), maxLength: 30 }),
)

describe(classifyMetric, () => {
  it('files a figure under the metric that reading every phrase of the clause would', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.array(piece, { maxLength: 30 }),
        fc.constantFrom('12', '66.1', '三'),
        fc.constantFrom('%', '个', '家', '人', '名', '人次', '次', '场', '元'),
        (before, after, number, unit) => {
          const head = before.join('')
          const clause = head + number + unit + after.join('')
          const [start, end] = [head.length, head.length + number.length + unit.length]
          const found = findClausePhrases(clause, index)
          expect(classifyMetric(clause, start, end, unit, index, found)?.id ?? null).toBe(classifyByRescanning(clause, start, end, unit, index)?.id ?? null)
        },
      ),
      { numRuns: 3000 },
    )
  })
})

/** The reference: each opening mark scanned forward for its closing one, nested marks of its kind counted. */
function quotedByScanning(text: string): Uint8Array {
  const pairs: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '《': '》', '〈': '〉', '『': '』' }
  const mask = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const close = pairs[text[i]]
    if (!close) continue
    let j = -1
    for (let k = i + 1, depth = 0; k < Math.min(text.length, i + 601); k++) {
      if (text[k] === text[i]) depth++
      else if (text[k] === close) {
        if (depth === 0) {
          j = k
          break
        }
        depth--
      } else if (text[k] === '\n' && text[i] !== '“') break
    }
    if (j < 0) continue
    const inner = text.slice(i + 1, j)
    const before = text[i - 1] ?? '\n'
    const speech = text[i] !== '《' && text[i] !== '〈' && (inner.length > 25 || /[。！？!?]/.test(inner) || before === '：' || before === ':' || before === '\n')
    for (let k = i; k <= j; k++) mask[k] |= speech ? SPEECH : NAME
  }
  return mask
}

describe('segmentText quoted', () => {
  it('marks the quotations and titles that scanning from each opening mark would', () => {
    const mark = fc.constantFrom('“', '”', '‘', '’', '《', '》', '〈', '〉', '「', '」', '\n', '：', '。', '甲', '甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁')
    fc.assert(
      fc.property(fc.array(mark, { maxLength: 80 }), (parts) => {
        const text = parts.join('')
        expect(Array.from(segmentText(text).quoted)).toEqual(Array.from(quotedByScanning(text)))
      }),
      { numRuns: 3000 },
    )
  })

  it('does not pair marks farther apart than a quotation runs', () => {
    // The first closes 600 characters after it opens, the second 601.
    const text = '“' + '甲'.repeat(599) + '”“' + '甲'.repeat(600) + '”'
    expect(Array.from(segmentText(text).quoted)).toEqual(Array.from(quotedByScanning(text)))
    expect(segmentText(text).quoted[0]).not.toBe(0)
    expect(segmentText(text).quoted[601]).toBe(0)
  })
})
