import type { ApiError } from '@/data/api'
import { batchBody, batchOutcome, type BatchOutcome } from '@/data/batchApi'
import type { UserBatch } from '@/domain/types'
import { useSessionStore } from '@/stores/session'
import { reloadRecord } from './useRecord'

/** Sends a batch to the shared record as the signed-in user; once it is saved, the page reads the record again. */
export async function saveBatch(batch: UserBatch, fileName?: string): Promise<BatchOutcome> {
  const answer = await useSessionStore().send<({ count?: number } & ApiError) | null>('api/batches', 'POST', batchBody(batch, fileName ? { fileName } : {}))
  const outcome = batchOutcome(answer)
  if (outcome.kind === 'saved') await reloadRecord()
  return outcome
}
