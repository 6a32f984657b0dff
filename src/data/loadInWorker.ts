import { fromColumns, type ObservationColumns } from '@/domain/columnar'
import type { Dataset } from '@/domain/types'
import type { DataMessage } from './messages'
import type { ValidatedPackage } from './validate'

/** What the page asks the load worker: the package's base URL (same origin). */
export interface LoadRequest {
  baseUrl: string
}

/** The worker's answer: the dataset without its observations, which come as columns. */
export type LoadReply = { ok: true; dataset: Dataset; columns: ObservationColumns; messages: DataMessage[] } | { ok: false; error: string }

/**
 * Fetches, parses and validates the package at `baseUrl` in a Web Worker, so a million rows do not freeze
 * the page; where there is no Worker (Node, happy-dom) it loads on this thread. Never throws for bad data.
 */
export async function loadInWorker(baseUrl: string): Promise<ValidatedPackage> {
  if (typeof Worker === 'undefined') {
    // Imported on demand, so the CSV parser and validator stay out of the page's first download.
    const { fetchReader, loadPackage } = await import('./load')
    return loadPackage(fetchReader(baseUrl))
  }
  const worker = new Worker(new URL('./loadWorker.ts', import.meta.url), { type: 'module' })
  try {
    const reply = await new Promise<LoadReply>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<LoadReply>) => resolve(event.data)
      worker.onerror = (event) => reject(new Error(event.message || 'the load worker failed'))
      worker.postMessage({ baseUrl } satisfies LoadRequest)
    })
    return unpack(reply)
  } finally {
    worker.terminate()
  }
}

/** Rebuilds the validated package from a worker's reply; an error reply becomes a thrown Error. */
export function unpack(reply: LoadReply): ValidatedPackage {
  if (!reply.ok) throw new Error(reply.error)
  return { dataset: { ...reply.dataset, observations: fromColumns(reply.columns) }, messages: reply.messages }
}
