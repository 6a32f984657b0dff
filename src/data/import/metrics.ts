import type { Metric, MetricKind } from '@/domain/types'
import type { UnknownMetric } from './rows'

/** What the user confirms for a metric the file names but the data lacks. */
export interface MetricDraft {
  name: string
  unit: string
  kind: MetricKind
}

/** The draft the form starts from: the file's name and unit; a % value or unit makes it a rate. */
export function draftFor(unknown: UnknownMetric): MetricDraft {
  const rate = unknown.percent || unknown.unit === '%'
  return { name: unknown.text, unit: rate ? '%' : unknown.unit, kind: rate ? 'rate' : 'count' }
}

/** A metric created from a draft, with an id free among `taken`: the text itself when it is a valid id, else user_metric_N. */
export function createMetric(draft: MetricDraft, taken: ReadonlySet<string>): Metric {
  let id = /^[a-z][a-z0-9_]*$/.test(draft.name) ? draft.name : ''
  for (let n = 1; !id || taken.has(id); n++) id = `user_metric_${n}`
  return {
    id,
    name: draft.name,
    nameEn: draft.name,
    unit: draft.unit,
    kind: draft.kind,
    temporal: 'stock',
    // A rate cannot be summed, and its numerator and denominator are unknown here.
    aggregate: draft.kind === 'rate' ? { kind: 'none' } : { kind: 'sum' },
    category: 'imported',
    definition: '',
    aliases: [],
    target: null,
  }
}

/** Creates every draft, keyed by the text the file uses, each with a distinct id. */
export function createMetrics(drafts: Record<string, MetricDraft>, existing: readonly Metric[]): Record<string, Metric> {
  const taken = new Set(existing.map((m) => m.id))
  const out: Record<string, Metric> = {}
  for (const [text, draft] of Object.entries(drafts)) {
    out[text] = createMetric(draft, taken)
    taken.add(out[text].id)
  }
  return out
}
