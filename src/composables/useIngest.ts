import { computed, inject, provide, reactive, ref, shallowRef, type InjectionKey, type UnwrapNestedRefs } from 'vue'
import {
  HIGH_CONFIDENCE, buildReportBatch, isReportDate, newMetric, reportSourceId, restoreReview, reviewProblems, titleFromText, toReview,
  type NewMetricInput, type ReportInfo, type ReviewFigure, type ReviewProblem,
} from '@/domain/ingest'
import type { Metric } from '@/domain/types'
import { ingestPackageFiles, zipFiles } from '@/export/ingestPackage'
import { extractFigures } from '@/extract/extract'
import { useDatasetStore } from '@/stores/dataset'
import { useUserDataStore } from '@/stores/userData'

/** Reads a .txt (UTF-8, else GB18030 as Windows tools save it) or a .docx (mammoth, loaded on first use) as plain text. */
export async function readReportFile(file: File): Promise<string> {
  const buffer = await file.arrayBuffer()
  if (/\.docx$/i.test(file.name)) {
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

/** The review of one report: its description, the candidates as edited, and the batch they keep in step. */
function createIngest() {
  const data = useDatasetStore()
  const userData = useUserDataStore()
  const info = reactive<ReportInfo>({ title: '', publication: '', date: '', text: '' })
  /** The text and date under review; fixed once extracted, since the candidates' offsets point into it. */
  const reviewed = shallowRef<{ date: string; text: string } | null>(null)
  const figures = shallowRef<ReviewFigure[]>([])
  /** Metrics the reviewer created in this review. */
  const created = shallowRef<Metric[]>([])
  const active = ref<number | null>(null)

  const canExtract = computed(() => info.text.trim() !== '' && isReportDate(info.date))
  const reportBatches = computed(() => userData.batches.filter((b) => b.kind === 'report'))
  const metrics = computed(() => [...data.dataset.metrics, ...created.value.filter((m) => !data.metricById.has(m.id))])
  const known = computed(() => {
    const ids = new Set(metrics.value.map((m) => m.id))
    return { metric: (id: string) => ids.has(id), tree: data.tree }
  })
  const accepted = computed(() => figures.value.filter((f) => f.status === 'accepted'))
  const problems = computed(() => new Map<number, ReviewProblem[]>(figures.value.map((f) => [f.key, reviewProblems(f, known.value, accepted.value)])))

  function extract(): void {
    if (!canExtract.value) return
    if (!info.title.trim()) info.title = titleFromText(info.text)
    reviewed.value = { date: info.date, text: info.text }
    const found = extractFigures(info.text, { date: info.date, regions: data.dataset.regions, metrics: data.dataset.metrics })
    // A report entered before comes back as it was reviewed, so accepting more does not drop what it had.
    const before = userData.batches.find((b) => b.id === reportSourceId(info.date, info.text))
    figures.value = restoreReview(toReview(found, data.tree), before?.observations ?? [], info.text)
    created.value = []
    active.value = null
  }

  function startOver(): void {
    reviewed.value = null
    figures.value = []
    created.value = []
    active.value = null
  }

  function reopenAccepted(): void {
    figures.value = figures.value.map((f) => (f.status === 'accepted' ? { ...f, status: 'pending' } : f))
  }

  // Saves run one after another, so each builds on the batches the previous one left.
  let queue: Promise<void> = Promise.resolve()
  /** Makes the report's batch match the accepted figures: replaced as a whole, removed when none is left. */
  function sync(): Promise<void> {
    queue = queue.then(async () => {
      const r = reviewed.value
      if (!r) return
      const id = reportSourceId(r.date, r.text)
      const previous = userData.batches.find((b) => b.id === id)
      const ok = accepted.value.filter((f) => problems.value.get(f.key)?.length === 0)
      const userMetrics = userData.batches.flatMap((b) => b.metrics)
      const batch = buildReportBatch({ ...info, ...r }, ok, [...created.value, ...userMetrics], previous?.createdAt ?? new Date().toISOString())
      // add() replaces the batch with the same id; after a failed save (storage full) the figures wait to be accepted again.
      if (ok.length > 0 && !(await userData.add(batch))) reopenAccepted()
      else if (ok.length === 0 && previous) await userData.remove(id)
    })
    return queue
  }

  function setStatus(keys: ReadonlySet<number>, status: ReviewFigure['status']): Promise<void> {
    figures.value = figures.value.map((f) => (keys.has(f.key) ? { ...f, status } : f))
    return sync()
  }

  /** Accepts one candidate if nothing stops it. */
  function accept(key: number): Promise<void> {
    return problems.value.get(key)?.length ? Promise.resolve() : setStatus(new Set([key]), 'accepted')
  }

  function reject(key: number): Promise<void> {
    return setStatus(new Set([key]), 'rejected')
  }

  function reopen(key: number): Promise<void> {
    return setStatus(new Set([key]), 'pending')
  }

  /** Accepts every pending candidate at or above HIGH_CONFIDENCE that has no problem, in text order. */
  function acceptHighConfidence(): Promise<void> {
    const taken = [...accepted.value]
    const keys = new Set<number>()
    for (const f of figures.value) {
      if (f.status !== 'pending' || f.confidence < HIGH_CONFIDENCE) continue
      if (reviewProblems(f, known.value, taken).length > 0) continue
      taken.push({ ...f, status: 'accepted' })
      keys.add(f.key)
    }
    return setStatus(keys, 'accepted')
  }

  /** Changes a candidate; an accepted one is saved again, or goes back to pending if the change makes it invalid. */
  function update(key: number, patch: Partial<Pick<ReviewFigure, 'metric' | 'region' | 'period' | 'value' | 'qualifier'>>): Promise<void> {
    const wasAccepted = figures.value.some((f) => f.key === key && f.status === 'accepted')
    figures.value = figures.value.map((f) => (f.key === key ? { ...f, ...patch } : f))
    if (!wasAccepted) return Promise.resolve()
    if (problems.value.get(key)?.length) figures.value = figures.value.map((f) => (f.key === key ? { ...f, status: 'pending' } : f))
    return sync()
  }

  /** Creates a metric for a candidate and assigns it. */
  function createMetric(key: number, input: NewMetricInput): Promise<void> {
    const metric = newMetric(input, new Set(metrics.value.map((m) => m.id)))
    created.value = [...created.value, metric]
    return update(key, { metric: metric.id })
  }

  /** Removes a whole ingested report; if it is the one under review, its figures go back to pending. */
  async function removeBatch(id: string): Promise<void> {
    await queue
    await userData.remove(id)
    const r = reviewed.value
    if (r && reportSourceId(r.date, r.text) === id) reopenAccepted()
  }

  /** Downloads every ingested report as package files in a ZIP. */
  async function exportBatches(): Promise<void> {
    const blob = await zipFiles(ingestPackageFiles(reportBatches.value))
    download(blob, `heze-ingest-${new Date().toISOString().slice(0, 10)}.zip`)
  }

  return {
    info, reviewed, figures, created, active, metrics, problems, canExtract, reportBatches,
    extract, startOver, sync, accept, reject, reopen, acceptHighConfidence, update, createMetric, removeBatch, exportBatches,
  }
}

/** The ingest view's state, as its components see it (refs unwrapped). */
export type Ingest = UnwrapNestedRefs<ReturnType<typeof createIngest>>

const KEY: InjectionKey<Ingest> = Symbol('ingest')

/** Creates the review state for the ingest view and shares it with the components below. */
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
