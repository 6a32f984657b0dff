// Runs an import off the main thread, so a 100 MB file never freezes the page; progress is posted as it goes.
import { readInWorker, type WorkerRequest, type WorkerReply } from './runImport'

self.onmessage = async ({ data: request }: MessageEvent<WorkerRequest>) => {
  const reply = (message: WorkerReply) => self.postMessage(message)
  try {
    const run = await readInWorker(request, (fraction) => reply({ type: 'progress', fraction }))
    reply({ type: 'done', run })
  } catch (e) {
    reply({ type: 'failed', error: e instanceof Error ? e.message : String(e) })
  }
}
