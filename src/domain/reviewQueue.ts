import type { Figure } from '@/extract/types'
import { isDoubtful } from './ingest'

/** One report of a batch as the queue needs it: its name and the figures extracted from its stored text. */
export interface QueueReport {
  file: string
  figures: readonly Figure[]
}

/** Where a figure of the queue was stated: the report, and the quote's offsets in its stored text. */
export interface QueueSource {
  file: string
  quote: string
  start: number
  end: number
}

/** A figure of the whole batch: the same value stated in several reports is one entry with all its sources. */
export interface QueueEntry {
  /** The catalogue metric, or '' with the suggested name in `name`. */
  metric: string
  name: string
  region: string
  regionCode: string | null
  period: string
  value: number
  qualifier: string
  unit: string
  /** The lowest confidence among its sources, and every doubt any of them raised. */
  confidence: number
  flags: string[]
  sources: QueueSource[]
}

/** Two or more values for the same metric, place and period, from different reports: shown side by side, none picked. */
export interface QueueConflict {
  metric: string
  name: string
  region: string
  period: string
  entries: QueueEntry[]
}

/** The batch's review queue: doubtful entries first, the conflicts, and each suggested new metric once. */
export interface ReviewQueue {
  entries: QueueEntry[]
  conflicts: QueueConflict[]
  /** Names of new metrics the extractor suggests, each once for the batch, with how many entries use it. */
  newMetrics: { name: string; unit: string; entries: number }[]
}

const subject = (f: Pick<Figure, 'metric' | 'metric_name' | 'region' | 'region_code' | 'period'>) =>
  [f.metric ?? `?${f.metric_name}`, f.region_code ?? `?${f.region ?? ''}`, f.period].join('\u0000')

/**
 * One queue over many reports: a figure stated in two reports (same metric or suggested name, place, period, value
 * and qualifier) becomes one entry with both sources; different values for the same metric, place and period are a
 * conflict. Figures with no period (a change's start left for the reviewer) are never merged.
 */
export function buildReviewQueue(reports: readonly QueueReport[]): ReviewQueue {
  const byKey = new Map<string, QueueEntry>()
  const entries: QueueEntry[] = []
  for (const report of reports) {
    for (const f of report.figures) {
      const source = { file: report.file, quote: f.quote, start: f.start, end: f.end }
      const key = f.period ? [subject(f), f.value, f.qualifier].join('\u0000') : null
      const same = key ? byKey.get(key) : undefined
      if (same && !same.sources.some((s) => s.file === report.file)) {
        same.sources.push(source)
        same.confidence = Math.min(same.confidence, f.confidence)
        for (const flag of f.flags ?? []) if (!same.flags.includes(flag)) same.flags.push(flag)
        continue
      }
      const entry: QueueEntry = {
        metric: f.metric ?? '', name: f.metric_name, region: f.region ?? '', regionCode: f.region_code, period: f.period,
        value: f.value, qualifier: f.qualifier, unit: f.unit, confidence: f.confidence, flags: [...(f.flags ?? [])], sources: [source],
      }
      if (key && !same) byKey.set(key, entry)
      entries.push(entry)
    }
  }
  return { entries: sortQueue(entries), conflicts: findConflicts(entries), newMetrics: suggestedMetrics(entries) }
}

function sortQueue(entries: QueueEntry[]): QueueEntry[] {
  const doubt = (e: QueueEntry) => Number(isDoubtful(e))
  return [...entries].sort((a, b) => doubt(b) - doubt(a) || (doubt(a) ? a.confidence - b.confidence : 0))
}

function findConflicts(entries: QueueEntry[]): QueueConflict[] {
  const groups = new Map<string, QueueEntry[]>()
  for (const e of entries) {
    if (!e.period) continue
    const key = subject({ metric: e.metric || null, metric_name: e.name, region: e.region, region_code: e.regionCode, period: e.period })
    groups.set(key, [...(groups.get(key) ?? []), e])
  }
  const conflicts: QueueConflict[] = []
  for (const group of groups.values()) {
    const files = new Set(group.flatMap((e) => e.sources.map((s) => s.file)))
    // Two values in one report are two figures of that report (a total and a part), not a conflict between reports.
    if (group.length < 2 || files.size < 2) continue
    const [first] = group
    conflicts.push({ metric: first.metric, name: first.name, region: first.region, period: first.period, entries: group })
  }
  return conflicts
}

function suggestedMetrics(entries: QueueEntry[]): ReviewQueue['newMetrics'] {
  const names = new Map<string, { name: string; unit: string; entries: number }>()
  for (const e of entries) {
    if (e.metric || !e.name) continue
    const key = `${e.name}\u0000${e.unit}`
    const known = names.get(key)
    if (known) known.entries++
    else names.set(key, { name: e.name, unit: e.unit, entries: 1 })
  }
  return [...names.values()]
}
