import { ref, shallowRef } from 'vue'
import type { StoredFigure } from '@/data/api'
import type { HistoryEntry } from '@/domain/history'
import type { Observation } from '@/domain/types'
import { useSessionStore } from '@/stores/session'

/** Where reading a figure from the record stands. */
export type FigureLoad = 'loading' | 'ready' | 'missing' | 'failed'

/** The record's copy of a figure shown in the app (found by metric, region, period and source) and its history, read on demand. */
export function useStoredFigure(obs: () => Observation) {
  const session = useSessionStore()
  const figure = shallowRef<StoredFigure | null>(null)
  const history = shallowRef<HistoryEntry[]>([])
  const state = ref<FigureLoad>('loading')

  async function load(): Promise<void> {
    state.value = 'loading'
    const o = obs()
    const query = new URLSearchParams({ metric: o.metric, region: o.region, from: o.period, to: o.period, status: 'all' })
    const list = await session.send<StoredFigure[]>(`api/observations?${query}`)
    if (!list.ok || !Array.isArray(list.body)) return void (state.value = 'failed')
    const same = list.body.filter((f) => f.source === o.source && f.period === o.period)
    const found = same.find((f) => f.status === 'active') ?? same[0]
    if (!found) return void (state.value = 'missing')
    const entries = await session.send<HistoryEntry[]>(`api/observations/${found.id}/history`)
    figure.value = found
    history.value = entries.ok && Array.isArray(entries.body) ? entries.body : []
    state.value = entries.ok ? 'ready' : 'failed'
  }

  return { figure, history, state, load }
}
