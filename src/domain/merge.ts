import type { Dataset, UserBatch } from './types'

/** The package plus the user's batches; a batch's metric or source with an id the package has does not replace it. */
export function mergeDataset(base: Dataset, batches: readonly UserBatch[]): Dataset {
  if (batches.length === 0) return base
  const metricIds = new Set(base.metrics.map((m) => m.id))
  const sourceIds = new Set(base.sources.map((s) => s.id))
  const metrics = [...base.metrics]
  const sources = [...base.sources]
  for (const b of batches) {
    metrics.push(...b.metrics.filter((m) => !metricIds.has(m.id) && metricIds.add(m.id)))
    sources.push(...b.sources.filter((s) => !sourceIds.has(s.id) && sourceIds.add(s.id)))
  }
  return {
    regions: base.regions,
    metrics,
    sources,
    observations: base.observations.concat(...batches.map((b) => b.observations)),
    reports: Object.assign({}, base.reports, ...batches.map((b) => b.reports)),
  }
}
