import type { Observation, UserBatch } from '@/domain/types'

const figureKey = (o: Observation) => JSON.stringify([o.metric, o.region, o.period, o.value, o.qualifier, o.source, o.quote])

/**
 * Applies one tab's change of a batch (from `previous`, what it built on, to `next`) to what storage holds now, figure
 * by figure: figures another tab added meanwhile stay, figures this tab withdrew go. Null when no figure is left.
 */
export function mergeBatch(current: UserBatch | undefined, previous: UserBatch | undefined, next: UserBatch | null): UserBatch | null {
  if (!current) return next && next.observations.length > 0 ? next : null
  const before = new Set((previous?.observations ?? []).map(figureKey))
  const after = new Map((next?.observations ?? []).map((o) => [figureKey(o), o]))
  const removed = new Set([...before].filter((k) => !after.has(k)))
  const kept = current.observations.filter((o) => !removed.has(figureKey(o)))
  const have = new Set(kept.map(figureKey))
  const observations = [...kept, ...[...after].filter(([k]) => !have.has(k) && !before.has(k)).map(([, o]) => o)]
  if (observations.length === 0) return null
  const byId = <T extends { id: string }>(a: readonly T[], b: readonly T[]) => [...new Map([...a, ...b].map((x) => [x.id, x])).values()]
  const base = next ?? current
  return { ...base, createdAt: current.createdAt, observations, sources: byId(current.sources, base.sources), metrics: byId(current.metrics, base.metrics), reports: { ...current.reports, ...base.reports } }
}
