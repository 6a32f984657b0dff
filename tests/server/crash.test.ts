import { describe, expect, it } from 'vitest'
import { crashRuns } from './crash'

// `npm run crash -- --runs 20` runs the same at more random moments and prints each run.
describe('an import killed with SIGKILL', () => {
  it('is wholly present or wholly absent after a restart, and the record opens', { timeout: 240_000 }, async () => {
    const runs = await crashRuns(3, 100_000, 6_000)
    expect(runs.filter((r) => !r.clean).map((r) => r.detail)).toEqual([])
  })
})
