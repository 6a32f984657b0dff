import type { Qualifier } from '../domain/types'

/** Words right before a number, longest first so that 不低于 wins over 低于. */
const BEFORE: [string, Qualifier][] = (
  [
    ['不超过', '<='], ['不超出', '<='], ['不高于', '<='], ['不多于', '<='], ['最多', '<='], ['至多', '<='],
    ['不足', '<='], ['不到', '<='], ['少于', '<='], ['低于', '<='],
    ['超过', '>='], ['超出', '>='], ['多达', '>='], ['不少于', '>='], ['不低于', '>='], ['至少', '>='],
    ['最少', '>='], ['突破', '>='], ['逾', '>='], ['超', '>='],
    ['大约', '~'], ['约有', '~'], ['约为', '~'], ['约', '~'], ['将近', '~'], ['接近', '~'], ['近', '~'],
  ] as [string, Qualifier][]
).sort((a, b) => b[0].length - a[0].length)

const AFTER: [RegExp, Qualifier][] = [
  [/^(以上|之上)/, '>='],
  [/^(左右|上下)/, '~'],
  [/^(以内|以下|之内)/, '<='],
]
/** Words between a qualifier and its number: 近 2 万, 超过了 300 人, 约达 500 次. */
const FILLER = /(了|达|达到|为|有|计)$/

/**
 * How the figure at [numStart, unitEnd) relates to the true value: 余/多/以上/超过 → >=,
 * 约/近/左右 → ~, 不超过/以内 → <=, else exact (达 and 已达 state the value itself).
 */
export function detectQualifier(text: string, numStart: number, numEnd: number, unitEnd: number): Qualifier {
  const between = text[numEnd]
  if (between === '余' || between === '多') return '>='
  if (between === '来') return '~'
  const after = text.slice(unitEnd, unitEnd + 2)
  for (const [re, q] of AFTER) if (re.test(after)) return q
  const before = text.slice(Math.max(0, numStart - 6), numStart).replace(FILLER, '')
  // 上千人 is "over a thousand", but 会上12名代表 is not: 上 counts only before 百/千/万.
  if (before.endsWith('上') && /[百千万]/.test(text[numStart])) return '>='
  for (const [word, q] of BEFORE) {
    if (!before.endsWith(word)) continue
    if (word === '近' && /[附最]近$/.test(before)) return '='
    return q
  }
  return '='
}
