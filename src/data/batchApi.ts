import type { UserBatch } from '@/domain/types'
import type { ApiAnswer, ApiError, ApiProblem } from './api'

// Apart from ./api, which the first screen loads: only the parts that write batches need these.

/** The body of POST /api/batches, made from a batch as the browser builds it (without its id and time). */
export function batchBody(batch: UserBatch, extra: { fileName?: string } = {}) {
  return { kind: batch.kind, name: batch.name, ...extra, observations: batch.observations, sources: batch.sources, metrics: batch.metrics, reports: batch.reports }
}

/** What became of a batch sent to the record: saved, refused with located problems, a figure already there, or no answer. */
export type BatchOutcome =
  | { kind: 'saved'; count: number }
  | { kind: 'refused'; problems: ApiProblem[]; error: string; outOfScope?: boolean }
  | { kind: 'duplicate'; error: string }
  | { kind: 'denied'; status: number; error: string }
  | { kind: 'failed'; error: string }

/** Reads the answer to POST /api/batches. */
export function batchOutcome(answer: ApiAnswer<({ count?: number } & ApiError) | null>): BatchOutcome {
  const body = answer.body ?? {}
  const error = body.error ?? (answer.status === 0 ? 'no answer from the server' : `HTTP ${answer.status}`)
  if (answer.ok) return { kind: 'saved', count: body.count ?? 0 }
  if (answer.status === 400) return { kind: 'refused', problems: body.problems ?? [], error }
  if (answer.status === 409) return { kind: 'duplicate', error }
  // An editor's file with rows outside their regions: refused whole, each such row named.
  if (answer.status === 403 && body.problems?.length) return { kind: 'refused', problems: body.problems, error, outOfScope: true }
  if (answer.status === 401 || answer.status === 403) return { kind: 'denied', status: answer.status, error }
  return { kind: 'failed', error }
}
