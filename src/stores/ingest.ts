import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import {
  isReportDate, newMetric, reportSourceId, restoreReview, reviewProblems, titleFromText, toReview,
  type NewMetricInput, type ReportInfo, type ReviewFigure, type ReviewProblem,
} from '@/domain/ingest'
import type { Metric } from '@/domain/types'
import { fetchVillagesText, withVillages } from '@/data/villages'
import { extractReport, type ExtractNote } from '@/extract/extract'
import { useDatasetStore } from './dataset'
import { useUserDataStore } from './userData'

/** The fields of a candidate the reviewer can change. */
export type ReviewPatch = Partial<Pick<ReviewFigure, 'metric' | 'region' | 'period' | 'value' | 'qualifier'>>

/** Where the unfinished review is kept on this machine, so a reload or a closed tab does not lose it. */
export const DRAFT_KEY = 'heze-dashboard:ingest-draft'

interface Draft {
  info: ReportInfo
  reviewed: { date: string; text: string } | null
  figures: ReviewFigure[]
  created: Metric[]
  notes?: ExtractNote[]
}

/** The saved draft, or null when there is none or it cannot be read (then it is ignored, not trusted). */
function readDraft(): Draft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as Draft | null
    const ok = draft && typeof draft.info?.text === 'string' && Array.isArray(draft.figures) && Array.isArray(draft.created)
    return ok ? draft : null
  } catch {
    return null
  }
}

/**
 * The report under review, kept while the user visits other tabs and across reloads (in localStorage): its description, the candidates as edited,
 * and the metrics created for them. Saving accepted figures is useIngest's job; this store only changes the draft.
 */
export const useIngestStore = defineStore('ingest', () => {
  const data = useDatasetStore()
  const userData = useUserDataStore()
  const info = reactive<ReportInfo>({ title: '', publication: '', date: '', text: '' })
  /** The text and date under review; fixed once extracted, since the candidates' offsets point into it. */
  const reviewed = shallowRef<{ date: string; text: string } | null>(null)
  const figures = shallowRef<ReviewFigure[]>([])
  /** Metrics the reviewer created in this review. */
  const created = shallowRef<Metric[]>([])
  /** How the text was read, where the user should know it (a run too long for one sentence, read in pieces). */
  const notes = shallowRef<ExtractNote[]>([])
  /** The candidate selected in the list or the text. */
  const active = ref<number | null>(null)
  /** False when the browser refused to keep the draft (storage full or disabled). */
  const draftSaved = ref(true)
  /**
   * data/villages.csv, asked for when this view first opens rather than with the dashboard (35 KB gzip that only
   * extraction needs); until it arrives, or where it is missing, figures are placed by the package's regions alone.
   */
  const villagesText = shallowRef<string | null>(null)
  if (typeof document !== 'undefined') void fetchVillagesText(new URL('data/', document.baseURI).href).then((text) => (villagesText.value = text))
  const gazetteer = computed(() => withVillages(data.dataset.regions, villagesText.value))

  const draft = readDraft()
  if (draft) {
    Object.assign(info, draft.info)
    reviewed.value = draft.reviewed
    figures.value = draft.figures
    created.value = draft.created
    notes.value = Array.isArray(draft.notes) ? draft.notes : []
  }
  watch([() => ({ ...info }), reviewed, figures, created, notes], () => {
    try {
      const empty = !info.text && !info.title && !reviewed.value
      if (empty) localStorage.removeItem(DRAFT_KEY)
      else localStorage.setItem(DRAFT_KEY, JSON.stringify({ info, reviewed: reviewed.value, figures: figures.value, created: created.value, notes: notes.value } satisfies Draft))
      draftSaved.value = true
    } catch {
      draftSaved.value = false
    }
  })

  const canExtract = computed(() => info.text.trim() !== '' && isReportDate(info.date))
  const metrics = computed(() => [...data.dataset.metrics, ...created.value.filter((m) => !data.metricById.has(m.id))])
  const known = computed(() => {
    const ids = new Set(metrics.value.map((m) => m.id))
    return { metric: (id: string) => ids.has(id), tree: data.sourceTree }
  })
  const accepted = computed(() => figures.value.filter((f) => f.status === 'accepted'))
  const problems = computed(() => new Map<number, ReviewProblem[]>(figures.value.map((f) => [f.key, reviewProblems(f, known.value, accepted.value)])))

  /** Finds the figures in the text; a report entered before comes back as it was reviewed, so accepting more keeps what it had. */
  function extract(): void {
    if (!canExtract.value) return
    if (!info.title.trim()) info.title = titleFromText(info.text)
    reviewed.value = { date: info.date, text: info.text }
    const found = extractReport(info.text, { date: info.date, regions: gazetteer.value, metrics: data.dataset.metrics })
    const before = userData.batches.find((b) => b.id === reportSourceId(info.date, info.text))
    figures.value = restoreReview(toReview(found.figures, data.sourceTree), before?.observations ?? [], info.text)
    notes.value = found.notes
    created.value = []
    active.value = null
  }

  /** Leaves the review; the description and text stay in the form. */
  function startOver(): void {
    reviewed.value = null
    figures.value = []
    created.value = []
    notes.value = []
    active.value = null
  }

  /** Sets the status of the candidates with these keys. */
  function setStatus(keys: ReadonlySet<number>, status: ReviewFigure['status']): void {
    figures.value = figures.value.map((f) => (keys.has(f.key) ? { ...f, status } : f))
  }

  /** Puts every accepted candidate back to pending (its batch was removed or could not be saved). */
  function reopenAccepted(): void {
    figures.value = figures.value.map((f) => (f.status === 'accepted' ? { ...f, status: 'pending' } : f))
  }

  /** Changes a candidate; an accepted one that the change makes invalid goes back to pending. True if it was accepted. */
  function patch(key: number, change: ReviewPatch): boolean {
    const wasAccepted = figures.value.some((f) => f.key === key && f.status === 'accepted')
    figures.value = figures.value.map((f) => (f.key === key ? { ...f, ...change } : f))
    if (wasAccepted && problems.value.get(key)?.length) setStatus(new Set([key]), 'pending')
    return wasAccepted
  }

  /** Creates a metric from the reviewer's input and returns its id. */
  function addMetric(input: NewMetricInput): string {
    const metric = newMetric(input, new Set(metrics.value.map((m) => m.id)))
    created.value = [...created.value, metric]
    return metric.id
  }

  return { info, reviewed, figures, created, notes, active, draftSaved, canExtract, metrics, accepted, problems, known, extract, startOver, setStatus, reopenAccepted, patch, addMetric }
})
