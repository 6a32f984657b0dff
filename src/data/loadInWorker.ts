import type { ObservationColumns } from '@/domain/columnar'
import type { SortedColumns } from '@/domain/observationIndex'
import type { ColumnarPackage } from './validate'

/** What the page asks the load worker: the package's base URL (same origin). */
export interface LoadRequest {
  baseUrl: string
}

/** A package validated into columns (`ColumnarPackage`), the columns already sorted for the index when the worker loaded it. */
export type LoadedPackage = Omit<ColumnarPackage, 'columns'> & { columns: ObservationColumns | SortedColumns }

/** The worker's answer: the loaded package, its columns transferred rather than copied. */
export type LoadReply = ({ ok: true } & LoadedPackage) | { ok: false; error: string }

/**
 * Fetches, parses, validates and sorts for the index the package at `baseUrl` in a Web Worker, so a million
 * rows do not freeze the page; where there is no Worker (Node, happy-dom) it loads on this thread. Never throws
 * for bad data.
 */
export async function loadInWorker(baseUrl: string): Promise<LoadedPackage> {
  if (typeof Worker === 'undefined') {
    // Imported on demand, so the CSV parser and validator stay out of the page's first download.
    const { fetchReader, loadPackageColumns } = await import('./load')
    return loadPackageColumns(fetchReader(baseUrl))
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

/** The loaded package of a worker's reply; an error reply becomes a thrown Error. */
export function unpack(reply: LoadReply): LoadedPackage {
  if (!reply.ok) throw new Error(reply.error)
  return { dataset: reply.dataset, columns: reply.columns, messages: reply.messages }
}
