/// <reference lib="webworker" />
// Loads, validates and sorts a package for the index off the page's thread; observations travel back as
// transferred columns, so the page builds its index without a long task.
import { transferablesOf } from '@/domain/columnar'
import { sortForIndex } from '@/domain/observationIndex'
import { fetchReader, loadPackageColumns } from './load'
import type { LoadReply, LoadRequest } from './loadPackageAt'
import { located } from './messages'

self.onmessage = async (event: MessageEvent<LoadRequest>) => {
  try {
    const loaded = await loadPackageColumns(fetchReader(event.data.baseUrl))
    const sorted = sortForIndex(loaded.columns)
    const reply: LoadReply = { ok: true, ...loaded, columns: sorted }
    self.postMessage(reply, { transfer: [...transferablesOf(sorted.cols), sorted.rank.buffer as ArrayBuffer] })
  } catch (e) {
    self.postMessage({ ok: false, error: located(event.data.baseUrl, e).message } satisfies LoadReply)
  }
}
