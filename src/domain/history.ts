import { formatValue } from './format'
import { formatPeriod } from './period'
import type { Qualifier } from './types'

/** What a figure stated at one moment of its history. */
export interface FigureState {
  value: number
  qualifier: Qualifier
  period: string
}

/** One entry of a figure's history as GET /api/observations/:id/history answers it (oldest first). */
export interface HistoryEntry {
  /** ISO timestamp. */
  at: string
  username: string
  action: 'seed' | 'import' | 'report' | 'restore' | 'correct' | 'withdraw'
  reason: string
  before: FigureState | null
  after: (FigureState & { status?: string }) | null
  batch: { id: string; kind: string; name: string } | null
}

type Lang = 'zh' | 'en'

const WORDS = {
  zh: { seed: '初始数据', import: '导入', report: '录入', restore: '恢复', correct: '修改', withdraw: '撤回', by: (act: string, who: string, day: string) => `${act} ${who} ${day}`, from: (name: string) => `，依据《${name}》`, change: (s: string) => `：${s}`, period: '时间', why: (r: string) => `（${r}）`, sep: '；', end: '。' },
  en: { seed: 'loaded with the initial data', import: 'imported', report: 'entered', restore: 'restored', correct: 'corrected', withdraw: 'withdrawn', by: (act: string, who: string, day: string) => `${act} by ${who} on ${day}`, from: (name: string) => `, from “${name}”`, change: (s: string) => `: ${s}`, period: 'period', why: (r: string) => ` (${r})`, sep: '; ', end: '.' },
} as const

/** The calendar day of an ISO timestamp in the reader's time zone: 2026-12-01. */
export function localDay(at: string): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return at.slice(0, 10)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** What a correction changed: `66.1 → 66.2`, and the period when it moved (`时间 2024年 → 2025年`). */
function change(before: FigureState, after: FigureState, unit: string, lang: Lang): string {
  const parts: string[] = []
  const [b, a] = [formatValue(before.value, before.qualifier, unit, lang), formatValue(after.value, after.qualifier, unit, lang)]
  if (b !== a) parts.push(`${b} → ${a}`)
  if (before.period !== after.period) parts.push(`${WORDS[lang].period} ${formatPeriod(before.period, lang)} → ${formatPeriod(after.period, lang)}`)
  return parts.join(lang === 'zh' ? '，' : ', ')
}

/**
 * A figure's history in words, oldest first: `录入 clerk01 2026-12-01，依据《报告名》；修改 admin 2026-12-02：66.1 → 66.2（复核）；
 * 撤回 admin 2026-12-03（重复）。` `day` turns a timestamp into the date shown (the reader's local day by default).
 */
export function historyText(entries: readonly HistoryEntry[], lang: Lang, unit = '', day: (at: string) => string = localDay): string {
  const w = WORDS[lang]
  const sentences = entries.map((e) => {
    let s = w.by(w[e.action] ?? e.action, e.username, day(e.at))
    // The initial data's batch is named after the folder it was loaded from: nothing a reader needs.
    if (e.batch && (e.action === 'import' || e.action === 'report')) s += w.from(e.batch.name)
    if (e.action === 'correct' && e.before && e.after) {
      const what = change(e.before, e.after, unit, lang)
      if (what) s += w.change(what)
    }
    if (e.reason && (e.action === 'correct' || e.action === 'withdraw' || e.action === 'restore')) s += w.why(e.reason)
    return s
  })
  return sentences.length ? sentences.join(w.sep) + w.end : ''
}
