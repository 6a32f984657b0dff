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
 * rows do not freeze the page. Where there is no Worker (Node, happy-dom), or the worker cannot start (a browser
 * without module workers, a content policy that forbids them), it loads on this thread. Never throws for bad data.
 */
export async function loadInWorker(baseUrl: string): Promise<LoadedPackage> {
  const reply = typeof Worker === 'undefined' ? null : await askWorker(baseUrl)
  return reply ? unpack(reply) : loadOnThisThread(baseUrl)
}

async function loadOnThisThread(baseUrl: string): Promise<LoadedPackage> {
  // Imported on demand, so the CSV parser and validator stay out of the page's first download.
  const { fetchReader, loadPackageColumns } = await import('./load')
  return loadPackageColumns(fetchReader(baseUrl))
}

/** The worker's reply, or null when the worker failed before giving one (it could not start or run). */
async function askWorker(baseUrl: string): Promise<LoadReply | null> {
  let worker: Worker
  try {
    worker = new Worker(new URL('./loadWorker.ts', import.meta.url), { type: 'module' })
  } catch {
    return null
  }
  try {
    return await new Promise<LoadReply | null>((resolve) => {
      worker.onmessage = (event: MessageEvent<LoadReply>) => resolve(event.data)
      worker.onerror = () => resolve(null)
      worker.postMessage({ baseUrl } satisfies LoadRequest)
    })
  } finally {
    worker.terminate()
  }
}

/** The loaded package of a worker's reply; an error reply becomes a thrown Error. */
export function unpack(reply: LoadReply): LoadedPackage {
  if (!reply.ok) throw new Error(reply.error)
  return { dataset: reply.dataset, columns: reply.columns, messages: reply.messages }
}
