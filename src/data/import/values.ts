import { parsePeriod } from '@/domain/period'
import type { RegionTree } from '@/domain/regions'
import type { Metric, Qualifier, Region } from '@/domain/types'

/** A parsed cell, or why it could not be read (a problem code with its details). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string> }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(code: string, params?: Record<string, string>): Parsed<T> => ({ ok: false, code, params })

/**
 * Turns full-width digits and signs (１２．５％, typed with a Chinese IME) into ASCII, drops invisible format
 * characters (a zero-width space pasted inside 5​6 would otherwise split the number), and trims.
 */
export function normalizeCell(text: string): string {
  return text.replace(/\p{Cf}/gu, '').replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ').trim()
}

// Words before and after a number that say how it relates to the true value, longest first.
const PREFIXES: [string, Qualifier][] = (
  [
    ['不超过', '<='], ['不多于', '<='], ['不足', '<='], ['最多', '<='], ['至多', '<='], ['<=', '<='], ['≤', '<='], ['<', '<='],
    ['不少于', '>='], ['至少', '>='], ['超过', '>='], ['逾', '>='], ['>=', '>='], ['≥', '>='], ['>', '>='],
    ['大约', '~'], ['约', '~'], ['将近', '~'], ['接近', '~'], ['近', '~'], ['~', '~'], ['≈', '~'],
  ] as [string, Qualifier][]
).sort((a, b) => b[0].length - a[0].length)
const SUFFIXES: [string, Qualifier][] = [['以上', '>='], ['余', '>='], ['多', '>='], ['+', '>='], ['左右', '~'], ['以内', '<='], ['以下', '<=']]
// Excel shows small numbers as 1E-07, so an exponent is read too.
const NUMBER = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d{1,3}))?$/
const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER)

/** A number as a person types it: its value, the qualifier its words imply (null when none), and whether it had %. */
export interface ParsedNumber {
  value: number
  qualifier: Qualifier | null
  percent: boolean
}

/** Reads `1,234`, `66.1%`, `1.2万` (12000), `约500`, `500余`, `300多人` (given unit 人), `≥20`; else a `number` problem. */
export function parseNumberCell(raw: string, unit = ''): Parsed<ParsedNumber> {
  let s = normalizeCell(raw).replace(/\s+/g, '')
  let qualifier: Qualifier | null = null
  const prefix = PREFIXES.find(([word]) => s.startsWith(word))
  if (prefix) [s, qualifier] = [s.slice(prefix[0].length), prefix[1]]
  for (const [word, q] of SUFFIXES.filter(([w]) => w.length === 2)) if (s.endsWith(word)) [s, qualifier] = [s.slice(0, -2), q]
  if (unit && unit !== '%' && s.endsWith(unit)) s = s.slice(0, -unit.length)
  const percent = s.endsWith('%')
  if (percent) s = s.slice(0, -1)
  const suffix = SUFFIXES.find(([word]) => word.length === 1 && s.endsWith(word))
  if (suffix) [s, qualifier] = [s.slice(0, -1), suffix[1]]
  const scale = s.endsWith('万') ? 4 : s.endsWith('亿') ? 8 : 0
  if (scale) s = s.slice(0, -1)
  const m = NUMBER.exec(s)
  if (!m || (m[2] === undefined && m[3] === undefined)) return fail('number', { value: raw })
  const whole = (m[2] ?? '0').replace(/,/g, '')
  const fraction = m[3] ?? ''
  if (significantDigits(whole + fraction).length > MAX_SAFE_DIGITS.length + 1) return fail('precision', { value: raw })
  // The scale goes into the exponent: decimal text is rounded once, so 1.15万 is 11500, not 11499.999….
  const value = Number(`${m[1]}${whole}.${fraction || '0'}e${scale + Number(m[4] ?? 0)}`)
  if (!Number.isFinite(value)) return fail('number', { value: raw })
  // A number kept must print back with the digits typed: 9007199254740993 and 671995840563812800 would not (a
  // double holds neither), and a figure that silently changes is worse than one refused.
  if (significantDigits(value.toExponential()) !== significantDigits(whole + fraction)) return fail('precision', { value: raw })
  return ok({ value, qualifier, percent })
}

/** The digits between the first and the last non-zero one, of plain digits or of a number's exponential form. */
function significantDigits(text: string): string {
  return text.replace(/e.*$/, '').replace(/[^\d]/g, '').replace(/^0+/, '').replace(/0+$/, '')
}

const QUALIFIER_WORDS: Record<string, Qualifier> = {
  '=': '=', 精确: '=', 准确: '=', exact: '=',
  '>=': '>=', '≥': '>=', 余: '>=', 多: '>=', 以上: '>=', 超过: '>=', 不少于: '>=', 至少: '>=',
  '~': '~', '≈': '~', 约: '~', 近: '~', 左右: '~', 大约: '~',
  '<=': '<=', '≤': '<=', 不超过: '<=', 以内: '<=', 以下: '<=', 不足: '<=',
}

/** Reads a qualifier cell: `=`, `>=`, `~`, `<=`, their signs ≥ ≈ ≤, or the words 约, 余, 以上, 不超过…; '' is null. */
export function parseQualifierCell(raw: string): Parsed<Qualifier | null> {
  const s = normalizeCell(raw).replace(/\s+/g, '')
  if (s === '') return ok(null)
  const q = QUALIFIER_WORDS[s.toLowerCase()]
  return q ? ok(q) : fail('qualifier', { value: raw })
}

const ZH_QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 }
const pad = (n: string) => n.padStart(2, '0')

/** Reads `2024`, `2024年`, `2024年12月`, `2024.12`, `2024/12/31`, `2024年第四季度`, `2024Q4` or ISO into an ISO period. */
export function parsePeriodCell(raw: string): Parsed<string> {
  const s = normalizeCell(raw).replace(/\s+/g, '')
  // 2024/12/31 is a date to a person; an ISO interval joins two 4-digit years or full periods.
  if (!/^\d{4}\/\d{1,2}(\/\d{1,2})?$/.test(s) && parsePeriod(s)) return ok(s)
  let m = /^(\d{4})年?$/.exec(s)
  if (m) return ok(m[1])
  m = /^(\d{4})年?第?([一二三四1-4])季度?$/.exec(s) ?? /^(\d{4})-?[Qq]([1-4])$/.exec(s)
  if (m) return ok(`${m[1]}-Q${ZH_QUARTER[m[2]]}`)
  m = /^(\d{4})(?:年|[.\-/])(\d{1,2})月?$/.exec(s)
  if (m) return checked(`${m[1]}-${pad(m[2])}`, raw)
  m = /^(\d{4})(?:年|[.\-/])(\d{1,2})(?:月|[.\-/])(\d{1,2})日?$/.exec(s)
  if (m) return checked(`${m[1]}-${pad(m[2])}-${pad(m[3])}`, raw)
  return fail('period', { value: raw })
}

/** A period that has the right shape but no such month or day (2024-13, 2023-02-29) gets its own message. */
function checked(iso: string, raw: string): Parsed<string> {
  return parsePeriod(iso) ? ok(iso) : fail('periodDate', { value: raw })
}

/** Reads a region by code, full name, short name (鄄城) or with its city prefix (菏泽市鄄城县); suggests near names. */
export function parseRegionCell(raw: string, tree: RegionTree): Parsed<string> {
  const s = normalizeCell(raw).replace(/\s+/g, '')
  if (/^\d{6}(\d{3}(\d{3})?)?$/.test(s)) return tree.get(s) ? ok(s) : fail('regionCode', { value: raw })
  const bare = s.replace(/^(山东省?)?(菏泽市?)(?=.)/, '')
  for (const name of [s, bare]) {
    const found = tree.findByName(name)
    if (found.length === 1) return ok(found[0].code)
    if (found.length > 1) return fail('regionAmbiguous', { value: raw, candidates: found.map(describe(tree)).join('、') })
  }
  return fail('region', { value: raw, suggestions: suggestRegions(bare, tree).join('、') || '—' })
}

const describe = (tree: RegionTree) => (r: Region) => `${r.name}（${tree.get(r.parent ?? '')?.name ?? ''} ${r.code}）`

/** Up to three regions sharing the most characters with `text`, county-level first. */
function suggestRegions(text: string, tree: RegionTree): string[] {
  const chars = new Set(text.replace(/[县区市镇乡街道办事处]/g, ''))
  if (chars.size === 0) return []
  const rank = (r: Region) => (r.level === 'county' || r.level === 'zone' ? 0 : 1)
  return tree
    .all()
    .map((r) => ({ r, score: [...new Set(r.name + r.aliases.join(''))].filter((c) => chars.has(c)).length }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || rank(a.r) - rank(b.r))
    .slice(0, 3)
    .map((x) => x.r.name)
}

/** Finds a metric by id, Chinese or English name, or alias; undefined when the data does not know it. */
export function findMetric(raw: string, metrics: readonly Metric[]): Metric | undefined {
  // Names keep their full-width brackets (社区（村）): only surrounding spaces are dropped.
  const s = raw.trim()
  const lower = s.toLowerCase()
  return (
    metrics.find((m) => m.id === s || m.name === s) ??
    metrics.find((m) => m.nameEn.toLowerCase() === lower || m.aliases.includes(s))
  )
}
