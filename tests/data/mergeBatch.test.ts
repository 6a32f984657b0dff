import { describe, expect, it } from 'vitest'
import { mergeBatch } from '@/data/mergeBatch'
import { obs } from '@/domain/synthesize'
import type { Observation, UserBatch } from '@/domain/types'

const batch = (...observations: Observation[]): UserBatch => ({ id: 'r1', kind: 'report', name: 'r1', createdAt: '2026-12-01T00:00:00Z', observations, sources: [], metrics: [], reports: {} })
const a = obs('371726', '2024-12', 5, { source: 'r1' })
const b = obs('371725', '2024-12', 6, { source: 'r1' })
const c = obs('371721', '2024-12', 7, { source: 'r1' })

describe(mergeBatch, () => {
  it('keeps a figure another tab saved meanwhile when this tab adds its own', () => {
    expect(mergeBatch(batch(a), undefined, batch(b))?.observations).toEqual([a, b])
  })

  it('withdraws only the figures this tab withdrew', () => {
    expect(mergeBatch(batch(a, b, c), batch(a, b), batch(a))?.observations).toEqual([a, c])
  })

  it('deletes the batch when no figure is left, and writes the next one when there was none', () => {
    expect(mergeBatch(batch(a), batch(a), null)).toBeNull()
    expect(mergeBatch(undefined, undefined, batch(b))?.observations).toEqual([b])
  })
})
