import type { ObservationColumns } from '@/domain/columnar'
import type { SortedColumns } from '@/domain/observationIndex'
import { fetchReader, loadPackageColumns, PackageTooLarge } from './load'
import { located } from './messages'
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
 * The most bytes a package may have to load on the page's thread: validating and indexing 1 MiB (some 22,000 figures)
 * is one task of about 30 ms (`npm run bench -- --only load`), the embedded package's 45 KB take 3 ms. Starting the
 * worker and fetching its 8 KB of code would take longer.
 */
export const PAGE_THREAD_BYTES = 1 << 20

/**
 * Loads the package at `baseUrl` (same origin); never throws for bad data. A small package, like the embedded one, is
 * read and validated on this thread. One whose files pass `pageThreadBytes` is loaded in a Web Worker, so a million
 * rows do not freeze the page: reading stops there, and the worker fetches the files again. Where there is no Worker
 * (Node, happy-dom), or it cannot start (a browser without module workers, a policy that forbids them), it loads here.
 */
export async function loadPackageAt(baseUrl: string, pageThreadBytes = PAGE_THREAD_BYTES): Promise<LoadedPackage> {
  try {
    return await loadPackageColumns(fetchReader(baseUrl, pageThreadBytes))
  } catch (e) {
    if (!(e instanceof PackageTooLarge)) throw located(baseUrl, e)
  }
  const reply = typeof Worker === 'undefined' ? null : await askWorker(baseUrl)
  if (reply) return unpack(reply)
  try {
    return await loadPackageColumns(fetchReader(baseUrl))
  } catch (e) {
    throw located(baseUrl, e)
  }
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
