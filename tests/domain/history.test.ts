import { describe, expect, it } from 'vitest'
import { historyText, localDay, type HistoryEntry } from '@/domain/history'

const day = (at: string) => at.slice(0, 10)
const state = (value: number, period = '2024', qualifier: '=' | '>=' = '=') => ({ value, qualifier, period })
const entered = (name: string): HistoryEntry => ({ at: '2026-12-01T03:00:00Z', username: 'clerk01', action: 'report', reason: '', before: null, after: state(66.1), batch: { id: '3', kind: 'report', name } })
const corrected = (before: ReturnType<typeof state>, after: ReturnType<typeof state>, reason = '复核'): HistoryEntry => ({ at: '2026-12-02T03:00:00Z', username: 'admin', action: 'correct', reason, before, after, batch: null })
const withdrawn: HistoryEntry = { at: '2026-12-03T03:00:00Z', username: 'admin', action: 'withdraw', reason: '重复', before: state(66.2), after: { ...state(66.2), status: 'withdrawn' }, batch: null }

describe(historyText, () => {
  it.each<[string, HistoryEntry[], 'zh' | 'en', string, string]>([
    ['an entry from a report', [entered('鄄城县志愿服务纪实')], 'zh', '', '录入 clerk01 2026-12-01，依据《鄄城县志愿服务纪实》。'],
    ['a correction with both values', [entered('报告'), corrected(state(66.1), state(66.2))], 'zh', '%', '录入 clerk01 2026-12-01，依据《报告》；修改 admin 2026-12-02：66.1% → 66.2%（复核）。'],
    ['a withdrawal', [entered('报告'), corrected(state(66.1), state(66.2)), withdrawn], 'zh', '', '录入 clerk01 2026-12-01，依据《报告》；修改 admin 2026-12-02：66.1 → 66.2（复核）；撤回 admin 2026-12-03（重复）。'],
    ['a qualifier that changed', [corrected(state(500), state(500, '2024', '>='), '原文为500余次')], 'zh', '次', '修改 admin 2026-12-02：500次 → ≥500次（原文为500余次）。'],
    ['a moved period', [corrected(state(3, '2024'), state(3, '2025'))], 'zh', '', '修改 admin 2026-12-02：时间 2024年 → 2025年（复核）。'],
    ['an import', [{ ...entered('a.csv'), action: 'import', batch: { id: '4', kind: 'import', name: 'a.csv' } }], 'zh', '', '导入 clerk01 2026-12-01，依据《a.csv》。'],
    ['the initial data, without the folder it came from', [{ ...entered(''), action: 'seed', username: 'system', batch: { id: '1', kind: 'seed', name: 'srv/app/data' } }], 'zh', '', '初始数据 system 2026-12-01。'],
    ['English', [entered('Report'), corrected(state(66.1), state(66.2), 'checked'), { ...withdrawn, reason: 'duplicate' }], 'en', '', 'entered by clerk01 on 2026-12-01, from “Report”; corrected by admin on 2026-12-02: 66.1 → 66.2 (checked); withdrawn by admin on 2026-12-03 (duplicate).'],
    ['no history', [], 'zh', '', ''],
  ])('%s', (_, entries, lang, unit, text) => {
    expect(historyText(entries, lang, unit, day)).toBe(text)
  })
})

describe(localDay, () => {
  it('gives the day of a timestamp, and the text itself when it is not one', () => {
    expect(localDay('2026-12-01T12:00:00Z')).toBe('2026-12-01')
    expect(localDay('yesterday')).toBe('yesterday')
  })
})
