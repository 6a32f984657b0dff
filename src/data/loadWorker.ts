/// <reference lib="webworker" />
// Loads and validates a package off the page's thread; observations travel back as transferred columns.
import { toColumns, transferablesOf } from '@/domain/columnar'
import { fetchReader, loadPackage } from './load'
import type { LoadReply, LoadRequest } from './loadInWorker'

self.onmessage = async (event: MessageEvent<LoadRequest>) => {
  try {
    const { dataset, messages } = await loadPackage(fetchReader(event.data.baseUrl))
    const columns = toColumns(dataset.observations)
    const reply: LoadReply = { ok: true, dataset: { ...dataset, observations: [] }, columns, messages }
    self.postMessage(reply, { transfer: transferablesOf(columns) })
  } catch (e) {
    self.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) } satisfies LoadReply)
  }
}
