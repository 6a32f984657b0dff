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
  | ({ kind: 'refused'; problems: ApiProblem[]; outOfScope?: boolean } & Reason)
  | ({ kind: 'duplicate' } & Reason)
  | ({ kind: 'denied'; status: number } & Reason)
  | ({ kind: 'failed' } & Reason)

/** Why the server refused, in its words (`error`) and as a code with values that the app words itself. */
interface Reason {
  error: string
  code?: string
  params?: Record<string, string | number>
}

/** Reads the answer to POST /api/batches. */
export function batchOutcome(answer: ApiAnswer<({ count?: number } & ApiError) | null>): BatchOutcome {
  const body = answer.body ?? {}
  const reason: Reason = {
    error: body.error ?? (answer.status === 0 ? 'no answer from the server' : `HTTP ${answer.status}`),
    code: body.code ?? (answer.status === 0 ? 'noAnswer' : undefined),
    params: body.params,
  }
  if (answer.ok) return { kind: 'saved', count: body.count ?? 0 }
  if (answer.status === 400) return { kind: 'refused', problems: body.problems ?? [], ...reason }
  if (answer.status === 409) return { kind: 'duplicate', ...reason }
  // An editor's file with rows outside their regions: refused whole, each such row named.
  if (answer.status === 403 && body.problems?.length) return { kind: 'refused', problems: body.problems, ...reason, outOfScope: true }
  if (answer.status === 401 || answer.status === 403) return { kind: 'denied', status: answer.status, ...reason }
  return { kind: 'failed', ...reason }
}
