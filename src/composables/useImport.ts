import { computed, onScopeDispose, reactive, ref, shallowRef } from 'vue'
import type { ColumnMapping } from '@/data/import/columns'
import { fileSourceFor, toBatch, type ImportData, type ImportRun } from '@/data/import/importFile'
import { createMetrics, type MetricDraft } from '@/data/import/metrics'
import { runImport, type ImportTask } from '@/data/import/runImport'
import type { BatchOutcome } from '@/data/batchApi'
import type { Metric, UserBatch } from '@/domain/types'
import { useDatasetStore } from '@/stores/dataset'
import { useSessionStore } from '@/stores/session'
import { useUserDataStore } from '@/stores/userData'
import { saveBatch } from './useRecordWrite'

/** Where an import stands: nothing chosen, reading, checked (preview), saving, saved, cancelled or failed. */
export type ImportStatus = 'idle' | 'reading' | 'preview' | 'applying' | 'done' | 'cancelled' | 'failed'

/**
 * One file's way from choice to data: read and check (in a worker, with progress and cancel), let the user map
 * columns and create metrics, and apply all rows at once only when there is no error.
 */
export function useImport() {
  const data = useDatasetStore()
  const userData = useUserDataStore()
  const session = useSessionStore()
  /** With an office server, applying sends the rows to the shared record; the answer, with the rows' lines, is kept here. */
  const toRecord = computed(() => session.mode === 'server')
  const outcome = shallowRef<{ result: BatchOutcome; lines: number[] } | null>(null)
  const status = ref<ImportStatus>('idle')
  const progress = ref(0)
  const failure = ref('')
  const file = shallowRef<{ name: string; blob: Blob; id: string; createdAt: string } | null>(null)
  const run = shallowRef<ImportRun | null>(null)
  const applied = shallowRef<{ name: string; rows: number } | null>(null)
  let created: Record<string, Metric> = {}
  let task: ImportTask | null = null

  const errors = computed(() => run.value?.result.problems.filter((p) => p.level === 'error').length ?? 0)
  const warnings = computed(() => (run.value?.result.problems.length ?? 0) - errors.value)
  const canApply = computed(
    () => status.value === 'preview' && errors.value === 0 && (run.value?.result.observations.length ?? 0) > 0 && (!toRecord.value || (session.canWrite && data.loadedKey !== 'demo')),
  )

  function importData(): ImportData {
    const d = data.dataset
    const f = file.value!
    return { regions: d.regions, metrics: d.metrics, sources: d.sources, reports: d.reports, existing: data.index.columns(), fileSource: fileSourceFor(f.name, f.id, f.createdAt), created }
  }

  async function check(options: { sheet?: string; mapping?: ColumnMapping } = {}): Promise<void> {
    task?.cancel()
    status.value = 'reading'
    progress.value = 0
    const current = runImport({ file: file.value!.blob, fileName: file.value!.name, data: importData(), options }, (f) => (progress.value = f))
    task = current
    try {
      const result = await current.result
      if (task !== current) return
      if (result) [run.value, status.value] = [result, 'preview']
    } catch (e) {
      if (task !== current) return
      failure.value = e instanceof Error ? e.message : String(e)
      status.value = 'failed'
    }
  }

  /** Reads a chosen file and checks it against the data as it stands. */
  async function choose(chosen: File): Promise<void> {
    const createdAt = new Date().toISOString()
    applied.value = null
    outcome.value = null
    run.value = null
    created = {}
    file.value = { name: chosen.name, blob: chosen, id: `import-${Date.now().toString(36)}`, createdAt }
    await check()
  }

  /** Checks again with another sheet or column mapping. */
  function recheck(options: { sheet?: string; mapping?: ColumnMapping }): Promise<void> {
    return check({ sheet: options.sheet ?? run.value?.sheet, mapping: options.mapping ?? run.value?.mapping })
  }

  /** Creates the metrics the user confirmed, then checks again so their rows are accepted. */
  function confirmMetrics(drafts: Record<string, MetricDraft>): Promise<void> {
    created = { ...created, ...createMetrics(drafts, [...data.dataset.metrics, ...Object.values(created)]) }
    return recheck({})
  }

  /** Stops reading; nothing of the file is kept. */
  function cancel(): void {
    task?.cancel()
    task = null
    run.value = null
    status.value = 'cancelled'
  }

  /**
   * Adds every accepted row as one batch (to the shared record with a server, else to this browser); when saving fails
   * nothing is added and the preview stays.
   */
  async function apply(): Promise<void> {
    if (!canApply.value || !run.value || !file.value) return
    status.value = 'applying'
    const batch = toBatch(run.value, file.value.id, file.value.createdAt)
    if (await (toRecord.value ? sendToRecord(batch, run.value) : userData.add(batch))) {
      applied.value = { name: batch.name, rows: batch.observations.length }
      run.value = null
      status.value = 'done'
    } else status.value = 'preview'
  }

  /** Sends the batch to the shared record; keeps the answer with the rows' lines, so a refused row is named by its line. */
  async function sendToRecord(batch: UserBatch, checked: ImportRun): Promise<boolean> {
    const result = await saveBatch(batch, checked.fileName)
    outcome.value = { result, lines: checked.result.lines }
    return result.kind === 'saved'
  }

  // Leaving the view stops a read in progress rather than leaving a worker running for nobody.
  onScopeDispose(() => task?.cancel())

  return reactive({ status, progress, failure, file, run, applied, errors, warnings, canApply, toRecord, outcome, choose, recheck, confirmMetrics, cancel, apply })
}

/** The import state as components receive it. */
export type ImportState = ReturnType<typeof useImport>
