import { ref, shallowRef } from 'vue'
import type { ApiError, StoredFigure } from '@/data/api'
import type { HistoryEntry } from '@/domain/history'
import type { Observation, Qualifier } from '@/domain/types'
import { useSessionStore } from '@/stores/session'
import { reloadRecord } from './useRecord'
import { useRefusal } from './useRefusal'

/** Where reading a figure from the record stands. */
export type FigureLoad = 'loading' | 'ready' | 'missing' | 'failed'

/** What an editor changes of a figure. */
export interface FigureChange {
  value: number
  qualifier: Qualifier
}

/** The answer to a correction or withdrawal: done, someone changed the figure meanwhile (`current`), or refused. */
export type ChangeOutcome = { kind: 'done' } | { kind: 'conflict'; current: StoredFigure; mine: FigureChange | null } | { kind: 'refused'; error: string }

/** The record's copy of a figure shown in the app (found by metric, region, period and source) and its history, read on demand. */
export function useStoredFigure(obs: () => Observation) {
  const session = useSessionStore()
  const refused = useRefusal()
  const figure = shallowRef<StoredFigure | null>(null)
  const history = shallowRef<HistoryEntry[]>([])
  const state = ref<FigureLoad>('loading')
  const outcome = shallowRef<ChangeOutcome | null>(null)

  async function readHistory(id: string): Promise<boolean> {
    const entries = await session.send<HistoryEntry[]>(`api/observations/${id}/history`)
    history.value = entries.ok && Array.isArray(entries.body) ? entries.body : []
    return entries.ok
  }

  async function load(): Promise<void> {
    state.value = 'loading'
    const o = obs()
    const query = new URLSearchParams({ metric: o.metric, region: o.region, from: o.period, to: o.period, status: 'all' })
    const list = await session.send<StoredFigure[]>(`api/observations?${query}`)
    if (!list.ok || !Array.isArray(list.body)) return void (state.value = 'failed')
    const same = list.body.filter((f) => f.source === o.source && f.period === o.period)
    const found = same.find((f) => f.status === 'active') ?? same[0]
    if (!found) return void (state.value = 'missing')
    figure.value = found
    state.value = (await readHistory(found.id)) ? 'ready' : 'failed'
  }

  // Every change names the version the editor saw: a 409 carries the figure as it now stands, never overwritten silently.
  async function change(path: string, method: string, body: object, mine: FigureChange | null): Promise<void> {
    const f = figure.value
    if (!f) return
    const answer = await session.send<(StoredFigure & ApiError) | null>(`api/observations/${f.id}${path}`, method, { ...body, version: f.version })
    if (answer.ok && answer.body) {
      figure.value = answer.body
      // Said to be done once the charts show it too.
      await Promise.all([readHistory(f.id), reloadRecord()])
      outcome.value = { kind: 'done' }
    } else if (answer.status === 409 && answer.body?.current) {
      outcome.value = { kind: 'conflict', current: answer.body.current as StoredFigure, mine }
    } else {
      outcome.value = { kind: 'refused', error: refused.error(answer.body, answer.status) }
    }
  }

  /** Corrects the value and qualifier, with a reason kept in the history. */
  const correct = (next: FigureChange, reason: string) => change('', 'PATCH', { ...next, reason }, next)
  /** Withdraws the figure: it leaves the charts and stays in the history. */
  const withdraw = (reason: string) => change('/withdraw', 'POST', { reason }, null)

  /** After a conflict: works on the figure as it now stands (its version), keeping what the editor typed. */
  function takeCurrent(): void {
    if (outcome.value?.kind !== 'conflict') return
    figure.value = outcome.value.current
    outcome.value = null
    if (figure.value) void readHistory(figure.value.id)
  }

  return { figure, history, state, outcome, load, correct, withdraw, takeCurrent }
}
