/** A number written in the text: Arabic (1,234.5, 1.5万), Chinese (三十, 两, 一百五十) or mixed. */
export interface NumberToken {
  start: number
  end: number
  value: number
  /** Written with Chinese numerals only (五个, 三十余名). */
  chinese: boolean
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const MAGNITUDES: Record<string, number> = { 万: 1e4, 亿: 1e8 }
const CHINESE_RUN = /[零〇一二两三四五六七八九十百千万亿]+/y
const ARABIC_RUN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y

/** Value of a Chinese numeral (三十 → 30, 两万 → 20000, 二〇二四 → 2024, 一百五 → 150), or null. */
export function parseChineseNumber(s: string): number | null {
  if (!s) return null
  if (!/[十百千万亿]/.test(s)) {
    let v = 0
    for (const c of s) {
      const d = DIGITS[c]
      if (d === undefined) return null
      v = v * 10 + d
    }
    return v
  }
  let total = 0
  let section = 0
  let num = 0
  let hasNum = false
  let prevUnit = 0
  for (const c of s) {
    const d = DIGITS[c]
    if (d !== undefined) {
      num = d
      hasNum = true
      if (d === 0) prevUnit = 0
      continue
    }
    const small = SMALL_UNITS[c]
    if (small) {
      section += (hasNum ? num : 1) * small
      prevUnit = small
    } else {
      const big = MAGNITUDES[c]
      if (!big) return null
      const part = section + num || (total === 0 ? 1 : 0)
      total = big > 1e4 ? (total + part) * big : total + part * big
      section = 0
      prevUnit = big
    }
    num = 0
    hasNum = false
  }
  // 一百五 means 150 and 三万五 35000: a trailing digit right after a unit counts one place lower.
  if (hasNum && prevUnit >= 100) num = (num * prevUnit) / 10
  return total + section + num
}

/** Every number in text, left to right; runs of Chinese numerals that are not numbers are skipped. */
export function scanNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = []
  const start = /[\d零〇一二两三四五六七八九十百千万亿]/g
  let m: RegExpExecArray | null
  while ((m = start.exec(text))) {
    const i = m.index
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      const token = readArabic(text, i)
      // A run of digits past a double's range is no figure: it would come out as a null value.
      if (Number.isFinite(token.value)) tokens.push(token)
      start.lastIndex = token.end
      continue
    }
    const token = readChinese(text, i)
    if (token && Number.isFinite(token.value)) tokens.push(token)
    CHINESE_RUN.lastIndex = i
    start.lastIndex = i + CHINESE_RUN.exec(text)![0].length
  }
  return tokens
}

function readArabic(text: string, start: number): NumberToken {
  ARABIC_RUN.lastIndex = start
  const digits = ARABIC_RUN.exec(text)![0]
  let value = Number(digits.replace(/,/g, ''))
  let end = start + digits.length
  const mag = MAGNITUDES[text[end]] ?? (text[end] === '千' ? 1000 : 0)
  // 1.5万人 is 15000 people, but 200万元 stays 200 in the unit 万元.
  const after = text[end + 1] === '余' || text[end + 1] === '多' ? text[end + 2] : text[end + 1]
  if (mag && after !== '元') {
    value = Math.round(value * mag * 1e6) / 1e6
    end++
  }
  return { start, end, value, chinese: false }
}

const APPROX_BEFORE = /[近上逾超约]$/

function readChinese(text: string, start: number): NumberToken | null {
  CHINESE_RUN.lastIndex = start
  let run = CHINESE_RUN.exec(text)![0]
  // 百分之九十 is handled as a percentage by the caller; here the run after 之 stands alone.
  const hasDigit = /[零〇一二两三四五六七八九十]/.test(run)
  if (!hasDigit) {
    // 百余名, 近千人, 万余人: a bare 百/千/万 is a number only when a qualifier marks it.
    const next = text[start + run.length]
    // 百分之百 is 100%: the caller reads 百分之 before it.
    if (run === '百' && text.slice(start - 3, start) === '百分之') return { start, end: start + 1, value: 100, chinese: true }
    if (run.length !== 1 || !(next === '余' || next === '多' || APPROX_BEFORE.test(text.slice(Math.max(0, start - 1), start)))) return null
  }
  // A run that ends in a magnitude before 元 keeps it for the unit (三万元 → 3 万元).
  if (/[万亿]$/.test(run) && run.length > 1 && text[start + run.length] === '元') run = run.slice(0, -1)
  const value = parseChineseNumber(run)
  if (value === null) return null
  return { start, end: start + run.length, value, chinese: true }
}
