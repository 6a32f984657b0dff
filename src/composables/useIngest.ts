import { storeToRefs } from 'pinia'
import { computed, inject, provide, reactive, ref, shallowRef, type InjectionKey, type UnwrapNestedRefs } from 'vue'
import type { BatchOutcome } from '@/data/batchApi'
import { HIGH_CONFIDENCE, buildReportBatch, reportSourceId, reviewProblems, type NewMetricInput, type ReviewFigure } from '@/domain/ingest'
import { assertSafeArchive } from '@/data/archive'
import { ingestPackageFiles, zipFiles } from '@/export/ingestPackage'
import { useIngestStore, type ReviewPatch } from '@/stores/ingest'
import { useSessionStore } from '@/stores/session'
import { useUserDataStore } from '@/stores/userData'
import { saveBatch } from './useRecordWrite'

/**
 * Reads a .txt (UTF-8, else GB18030 as Windows tools save it), a .docx (mammoth) or a text PDF (pdf.js; a scan throws
 * ScannedPdfError) as plain text; the readers load on first use.
 */
export async function readReportFile(file: File): Promise<string> {
  const buffer = await file.arrayBuffer()
  if (/\.pdf$/i.test(file.name)) {
    const { readPdfReport } = await import('@/data/pdfReport')
    return readPdfReport(new Uint8Array(buffer))
  }
  if (/\.docx$/i.test(file.name)) {
    await assertSafeArchive(new Uint8Array(buffer))
    const mammoth = await import('mammoth')
    // The browser build reads `arrayBuffer`, the Node build (tests, CLI) `buffer`; JSZip takes either.
    return (await mammoth.extractRawText({ arrayBuffer: buffer, buffer })).value
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer)
  } catch {
    return new TextDecoder('gb18030').decode(buffer)
  }
}

function download(blob: Blob, name: string): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
}

/** The review of one report as the view works it: the draft in useIngestStore, and the batch its accepted figures keep in step. */
function createIngest() {
  const store = useIngestStore()
  const userData = useUserDataStore()
  const session = useSessionStore()
  const reportBatches = computed(() => userData.batches.filter((b) => b.kind === 'report'))
  /** With an office server, accepted figures wait in the review until saved to the shared record as one batch. */
  const toRecord = computed(() => session.mode === 'server')
  const ready = computed(() => store.accepted.filter((f) => store.problems.get(f.key)?.length === 0))
  const saving = ref(false)
  /** The last save to the record, with the quotes of the figures it sent (to name a refused one). */
  const outcome = shallowRef<{ result: BatchOutcome; quotes: string[] } | null>(null)

  // Saves run one after another, so each builds on the batches the previous one left.
  let queue: Promise<void> = Promise.resolve()
  // The batch this tab last saved, per report: its change is merged figure by figure into what another tab saved.
  const built = new Map<string, ReturnType<typeof buildReportBatch>>()
  /** Saves the change of the accepted figures since this tab's last save, merged into the report's stored batch. */
  function sync(): Promise<void> {
    if (toRecord.value) return Promise.resolve()
    queue = queue.then(async () => {
      const r = store.reviewed
      if (!r) return
      const id = reportSourceId(r.date, r.text)
      const previous = userData.batches.find((b) => b.id === id)
      const ok = store.accepted.filter((f) => store.problems.get(f.key)?.length === 0)
      const userMetrics = userData.batches.flatMap((b) => b.metrics)
      const batch = buildReportBatch({ ...store.info, ...r }, ok, [...store.created, ...userMetrics], previous?.createdAt ?? new Date().toISOString())
      // After a failed save (storage full) the figures wait to be accepted again.
      if (!(await userData.merge(id, built.get(id), ok.length > 0 ? batch : null))) store.reopenAccepted()
      else built.set(id, batch)
    })
    return queue
  }

  function setStatus(keys: ReadonlySet<number>, status: ReviewFigure['status']): Promise<void> {
    store.setStatus(keys, status)
    return sync()
  }

  /** Accepts one candidate if nothing stops it. */
  function accept(key: number): Promise<void> {
    return store.problems.get(key)?.length ? Promise.resolve() : setStatus(new Set([key]), 'accepted')
  }

  function reject(key: number): Promise<void> {
    return setStatus(new Set([key]), 'rejected')
  }

  function reopen(key: number): Promise<void> {
    return setStatus(new Set([key]), 'pending')
  }

  /** Accepts every pending candidate at or above HIGH_CONFIDENCE that has no problem, in text order. */
  function acceptHighConfidence(): Promise<void> {
    const taken = [...store.accepted]
    const keys = new Set<number>()
    for (const f of store.figures) {
      if (f.status !== 'pending' || f.confidence < HIGH_CONFIDENCE) continue
      if (reviewProblems(f, store.known, taken).length > 0) continue
      taken.push({ ...f, status: 'accepted' })
      keys.add(f.key)
    }
    return setStatus(keys, 'accepted')
  }

  /** Changes a candidate; an accepted one is saved again, or withdrawn if the change makes it invalid. */
  function update(key: number, patch: ReviewPatch): Promise<void> {
    return store.patch(key, patch) ? sync() : Promise.resolve()
  }

  /** Creates a metric for a candidate and assigns it. */
  function createMetric(key: number, input: NewMetricInput): Promise<void> {
    return update(key, { metric: store.addMetric(input) })
  }

  /** Removes a whole ingested report; if it is the one under review, its figures go back to pending. */
  async function removeBatch(id: string): Promise<void> {
    await queue
    await userData.remove(id)
    built.delete(id)
    const r = store.reviewed
    if (r && reportSourceId(r.date, r.text) === id) store.reopenAccepted()
  }

  /** Saves the accepted figures to the shared record as one batch (all or none); once saved, the review closes. */
  async function saveToRecord(): Promise<void> {
    const r = store.reviewed
    const figures = ready.value
    if (!r || figures.length === 0 || saving.value) return
    saving.value = true
    try {
      const batch = buildReportBatch({ ...store.info, ...r }, figures, store.created, new Date().toISOString())
      outcome.value = { result: await saveBatch(batch), quotes: figures.map((f) => f.quote) }
      if (outcome.value.result.kind === 'saved') store.startOver()
    } finally {
      saving.value = false
    }
  }

  /** Downloads every ingested report as package files in a ZIP. */
  async function exportBatches(): Promise<void> {
    const blob = await zipFiles(ingestPackageFiles(reportBatches.value))
    download(blob, `heze-ingest-${new Date().toISOString().slice(0, 10)}.zip`)
  }

  const { info, reviewed, figures, notes, active, metrics, problems, canExtract } = storeToRefs(store)
  return {
    info, reviewed, figures, notes, active, metrics, problems, canExtract, reportBatches, toRecord, ready, saving, outcome,
    saveToRecord, extract: store.extract, startOver: store.startOver, sync, accept, reject, reopen, acceptHighConfidence, update, createMetric, removeBatch, exportBatches,
  }
}

/** The ingest view's state, as its components see it (refs unwrapped). */
export type Ingest = UnwrapNestedRefs<ReturnType<typeof createIngest>>

const KEY: InjectionKey<Ingest> = Symbol('ingest')

/** Shares the review (its draft outlives the view, in useIngestStore) with the components below. */
export function provideIngest(): Ingest {
  const ingest = reactive(createIngest())
  provide(KEY, ingest)
  return ingest
}

/** The review state provided by the ingest view. */
export function useIngest(): Ingest {
  const ingest = inject(KEY)
  if (!ingest) throw new Error('useIngest() needs provideIngest() in an enclosing component')
  return ingest
}
