import { describe, expect, it } from 'vitest'
import { mergeDataset } from '@/domain/merge'
import { metric, obs } from '@/domain/synthesize'
import type { Dataset, UserBatch } from '@/domain/types'

const base: Dataset = {
  regions: [],
  metrics: [metric('m')],
  sources: [{ id: 's', title: '报道', publication: '', date: '2025-01', author: '', file: '', url: '', note: '' }],
  observations: [obs('371726', '2025-01', 1)],
  reports: { s: '原文' },
}

function batch(id: string, overrides: Partial<UserBatch> = {}): UserBatch {
  return { id, kind: 'import', name: `${id}.csv`, createdAt: '2026-01-01T00:00:00Z', observations: [], sources: [], metrics: [], reports: {}, ...overrides }
}

describe(mergeDataset, () => {
  it('returns the package itself when the user added nothing', () => {
    expect(mergeDataset(base, [])).toBe(base)
  })

  it('adds the figures, sources, report texts and new metrics of every batch', () => {
    const a = batch('a', { observations: [obs('371702', '2025-01', 2)], metrics: [metric('new')], sources: [{ ...base.sources[0], id: 'r' }], reports: { r: '新报道' } })
    const merged = mergeDataset(base, [a, batch('b', { observations: [obs('371703', '2025-01', 3)] })])
    expect(merged.observations.map((o) => o.value)).toEqual([1, 2, 3])
    expect(merged.metrics.map((m) => m.id)).toEqual(['m', 'new'])
    expect(merged.sources.map((s) => s.id)).toEqual(['s', 'r'])
    expect(merged.reports).toEqual({ s: '原文', r: '新报道' })
  })

  it('never lets a batch replace a package metric or source of the same id', () => {
    const merged = mergeDataset(base, [batch('a', { metrics: [metric('m', { name: '改名' })], sources: [{ ...base.sources[0], title: '改' }] })])
    expect(merged.metrics).toEqual(base.metrics)
    expect(merged.sources).toEqual(base.sources)
  })
})
