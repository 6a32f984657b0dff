import { importBytes, MAX_BYTES, tooBigRun, type ImportData, type ImportRun } from './importFile'
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

/** Runs an import in a Web Worker (inline where there is none, as under Node or happy-dom); cancel ends the worker at once. */
export function runImport(request: WorkerRequest, onProgress: (fraction: number) => void): ImportTask {
  if (typeof Worker === 'undefined') {
    let cancelled = false
    const result = readInWorker(request, onProgress).then((run) => (cancelled ? null : run))
    return { result, cancel: () => void (cancelled = true) }
  }
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' })
  let settle: (run: ImportRun | null) => void = () => {}
  const result = new Promise<ImportRun | null>((resolve, reject) => {
    settle = resolve
    worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
      if (data.type === 'progress') return onProgress(data.fraction)
      worker.terminate()
      if (data.type === 'done') resolve(data.run)
      else reject(new Error(data.error))
    }
    worker.onerror = (e) => {
      worker.terminate()
      reject(new Error(e.message || 'import worker failed'))
    }
  })
  worker.postMessage(request)
  return {
    result,
    cancel() {
      worker.terminate()
      settle(null)
    },
  }
}
