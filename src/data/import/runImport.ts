import { importBytes, MAX_BYTES, refusedRun, tooBigRun, type ImportData, type ImportRun } from './importFile'
import type { ColumnMapping } from './columns'

/** What the page asks the import worker. */
export interface WorkerRequest {
  /** The chosen file itself: a Blob crosses to the worker without copying its bytes on the main thread. */
  file: Blob
  fileName: string
  data: ImportData
  options: { sheet?: string; mapping?: ColumnMapping }
}

/** What the import worker answers: progress, then the run or a failure. */
export type WorkerReply = { type: 'progress'; fraction: number } | { type: 'done'; run: ImportRun } | { type: 'failed'; error: string }

/** A running import: its result (null when cancelled) and a way to stop it. */
export interface ImportTask {
  result: Promise<ImportRun | null>
  cancel(): void
}

/** Reads the request's file and imports it: what the worker does, and the inline fallback too. */
export async function readInWorker(request: WorkerRequest, onProgress: (fraction: number) => void): Promise<ImportRun> {
  // Refused before reading: a file past the limit would exhaust the tab's memory.
  if (request.file.size > MAX_BYTES) return tooBigRun(request.fileName, request.file.size)
  const bytes = new Uint8Array(await request.file.arrayBuffer())
  return importBytes(bytes, request.fileName, request.data, { ...request.options, onProgress })
}

/**
 * The largest file read on the page's thread when no worker can run (a policy that forbids workers, a browser without
 * module workers): at some 120,000 rows a second (`npx tsx tests/bench/import.bench.ts`), about half a second there.
 */
export const PAGE_THREAD_IMPORT_BYTES = 8 << 20

/**
 * How long a worker may read one file before it is stopped: the largest file allowed (200 MB) takes about a minute at
 * `npx tsx tests/bench/import.bench.ts`'s rate, so three minutes only ever stop a file that makes the reader work
 * without end (an archive that expands enormously, a malformed sheet).
 */
export const IMPORT_TIME_LIMIT_MS = 180_000

/**
 * Runs an import in a Web Worker; cancel ends the worker at once, and so does `timeLimitMs` with a `timedOut` problem. Where there is no Worker (Node, happy-dom), or the
 * worker cannot start, a file up to `PAGE_THREAD_IMPORT_BYTES` is read on this thread, and a larger one is refused
 * with a `needsWorker` problem rather than freezing the page. A worker that fails once it has started is not re-run
 * here: the same file would fail the page the same way.
 */
export function runImport(request: WorkerRequest, onProgress: (fraction: number) => void, timeLimitMs = IMPORT_TIME_LIMIT_MS): ImportTask {
  let cancelled = false
  const onThisThread = (): Promise<ImportRun | null> =>
    request.file.size > PAGE_THREAD_IMPORT_BYTES
      ? Promise.resolve(refusedRun(request.fileName, 'needsWorker', { size: Math.round(request.file.size / 1048576), max: PAGE_THREAD_IMPORT_BYTES / 1048576 }))
      : readInWorker(request, onProgress).then((run) => (cancelled ? null : run))
  const worker = startWorker()
  if (!worker) return { result: onThisThread(), cancel: () => void (cancelled = true) }
  let started = false
  let settle: (run: ImportRun | null) => void = () => {}
  let timer: ReturnType<typeof setTimeout> | undefined
  const result = new Promise<ImportRun | null>((resolve, reject) => {
    settle = resolve
    timer = setTimeout(() => {
      worker.terminate()
      resolve(refusedRun(request.fileName, 'timedOut', { seconds: Math.round(timeLimitMs / 1000) }))
    }, timeLimitMs)
    worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
      started = true
      if (data.type === 'progress') return onProgress(data.fraction)
      clearTimeout(timer)
      worker.terminate()
      if (data.type === 'done') resolve(data.run)
      else reject(new Error(data.error))
    }
    worker.onerror = (e) => {
      clearTimeout(timer)
      worker.terminate()
      if (started || cancelled) reject(new Error(e.message || 'import worker failed'))
      else onThisThread().then(resolve, reject)
    }
  })
  worker.postMessage(request)
  return {
    result,
    cancel() {
      cancelled = true
      clearTimeout(timer)
      worker.terminate()
      settle(null)
    },
  }
}

/** The import worker, or null where there is none or it cannot be made. */
function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    return new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' })
  } catch {
    return null
  }
}
