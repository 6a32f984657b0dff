import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { editorToken, ROOT, startServer, tempDir, type RunningServer } from './serverProcess'

/** What a crash must leave as it was: the counts the API shows, and whether the batch is there. */
interface State {
  figures: number
  batches: number
  crashFigures: number
}

/** `n` figures of one new source (no report text, so no quotes), each with its own region and day. */
export function largeBatch(n: number, name: string) {
  const regions = readFileSync(join(ROOT, 'data/regions.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0])
  const source = { id: `crash-${name}`, title: `台账 ${name}`, date: '2025-01' }
  const day = (i: number) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
  const observations = Array.from({ length: n }, (_, i) => ({
    metric: 'assoc_total',
    region: regions[i % regions.length],
    period: day(Math.floor(i / regions.length)),
    value: i,
    qualifier: '=',
    source: source.id,
  }))
  return { kind: 'import', name, observations, sources: [source] }
}

async function state(server: RunningServer): Promise<State> {
  const batches = (await (await fetch(`${server.url}/api/batches`)).json()) as { name: string; count: number }[]
  const csv = await (await fetch(`${server.url}/api/package/observations.csv`)).text()
  return {
    figures: batches.reduce((sum, b) => sum + b.count, 0),
    batches: batches.length,
    crashFigures: csv.split('\n').filter((line) => line.includes(',crash-')).length,
  }
}

/** One run's outcome: clean when the record reopened with the batch wholly there or wholly absent and nothing else changed. */
export interface CrashRun {
  killedAfterMs: number
  batchPresent: boolean
  clean: boolean
  detail: string
}

/**
 * Starts an import of `rows` figures through the API, kills the server with SIGKILL after a random delay within
 * `windowMs`, restarts it on the same record and checks what it holds. Runs `runs` times on one record.
 */
export async function crashRuns(runs: number, rows: number, windowMs: number, log: (line: string) => void = () => {}): Promise<CrashRun[]> {
  const dataDir = tempDir('heze-crash-')
  let server = await startServer(dataDir)
  const token = await editorToken(server)
  const results: CrashRun[] = []
  try {
    for (let run = 0; run < runs; run++) {
      const before = await state(server)
      const body = JSON.stringify(largeBatch(rows, `run${run}`))
      const killedAfterMs = Math.round(Math.random() * windowMs)
      const sent = fetch(`${server.url}/api/batches`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body }).catch(() => null)
      await new Promise((r) => setTimeout(r, killedAfterMs))
      await server.stop('SIGKILL')
      await sent
      server = await startServer(dataDir)
      const after = await state(server)
      const added = after.crashFigures - before.crashFigures
      const batchPresent = added === rows && after.batches === before.batches + 1 && after.figures === before.figures + rows
      const batchAbsent = added === 0 && after.batches === before.batches && after.figures === before.figures
      const detail = `killed after ${killedAfterMs} ms: ${added} of ${rows} figures, batches ${before.batches} → ${after.batches}`
      results.push({ killedAfterMs, batchPresent, clean: batchPresent || batchAbsent, detail })
      log(`run ${run + 1}: ${batchPresent ? 'present' : batchAbsent ? 'absent' : 'PARTIAL'} (${detail})`)
    }
  } finally {
    await server.stop()
  }
  return results
}
