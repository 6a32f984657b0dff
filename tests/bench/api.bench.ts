/**
 * The shared record's API under load (issue 14): 100 concurrent readers asking for one metric's series at 1 M
 * observations for 20 s (autocannon against 127.0.0.1), and a 10 000-row import through the API, on each engine.
 * The server runs as its own process, as `npm start` runs it; the load comes from this one.
 */
import autocannon from 'autocannon'
import pg from 'pg'
import { openDb, type DbLocation } from '../../src/db/connect'
import { migrate } from '../../src/db/migrate'
import { loadDataset } from '../../src/db/record'
import { SYNTHETIC_SOURCE } from '../../src/domain/synthesize'
import { startPostgres } from '../server/postgresCluster'
import { editorToken, startServer, tempDir, type RunningServer } from '../server/serverProcess'
import { round } from './stats'
import { benchData } from './synthetic'

const SIZE = 1_000_000
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 20)

/** Figures of one engine. */
export interface ApiFigures {
  observations: number
  seed_ms: number
  api_p99_ms: number
  api_p50_ms: number
  api_rps: number
  api_errors: number
  api_import_10k_ms: number
}

async function seed(location: DbLocation): Promise<{ observations: number; ms: number }> {
  const data = benchData(SIZE)
  const db = await openDb(location)
  const start = performance.now()
  try {
    await migrate(db)
    const source = { id: SYNTHETIC_SOURCE, title: '合成数据', publication: '', date: '2025-01', author: '', file: '', url: '', note: '' }
    await loadDataset(db, { regions: data.regions, metrics: data.metrics, sources: [source], observations: data.observations, reports: {} }, 'seed', 'bench')
  } finally {
    await db.close()
  }
  return { observations: data.observations.length, ms: round(performance.now() - start, 0) }
}

async function measure(server: RunningServer): Promise<Omit<ApiFigures, 'observations' | 'seed_ms'>> {
  const { regions, metrics, city } = benchData(24_000)
  // Each reader asks for a series: one metric in one region (120 months), spread over metrics and regions.
  const paths = metrics.flatMap((m) => regions.slice(0, 10).map((r) => `/api/observations?metric=${m.id}&region=${r.code}`))
  let next = 0
  const result = await autocannon({
    url: server.url,
    connections: 100,
    duration: SECONDS,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
  })
  const token = await editorToken(server, [city])
  // 10 000 distinct figures: one region, one day each from 1950 on, clear of the synthetic months.
  const day = (i: number) => new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
  const observations = Array.from({ length: 10_000 }, (_, i) => ({ metric: metrics[0].id, region: regions[1].code, period: day(i), value: i, qualifier: '=', source: 'import-10k' }))
  const body = JSON.stringify({ kind: 'import', name: 'bench-10k.csv', observations, sources: [{ id: 'import-10k', title: '导入', date: '2025-01' }] })
  const start = performance.now()
  const response = await fetch(`${server.url}/api/batches`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body })
  const importMs = performance.now() - start
  if (response.status !== 201) throw new Error(`the 10k import failed: ${response.status} ${await response.text()}`)
  return {
    api_p99_ms: result.latency.p99,
    api_p50_ms: result.latency.p50,
    api_rps: round(result.requests.average, 0),
    api_errors: result.errors + result.non2xx,
    api_import_10k_ms: round(importMs, 0),
  }
}

/** Seeds 1 M observations into a record, starts the server on it, loads it, imports 10 k rows. */
async function benchEngine(location: DbLocation, env: Record<string, string>): Promise<ApiFigures> {
  const seeded = await seed(location)
  const server = await startServer(tempDir('heze-bench-'), env)
  try {
    return { observations: seeded.observations, seed_ms: seeded.ms, ...(await measure(server)) }
  } finally {
    await server.stop()
  }
}

/** The API figures on PGlite (the default engine) and on a throwaway PostgreSQL server. */
export async function benchApi(): Promise<{ pglite: ApiFigures; postgres: ApiFigures }> {
  const dataDir = tempDir('heze-bench-')
  const pglite = await benchEngine({ dir: `${dataDir}/db` }, { DATA_DIR: dataDir })
  const cluster = await startPostgres()
  try {
    const client = new pg.Client(cluster.url)
    await client.connect()
    await client.query('CREATE DATABASE bench')
    await client.end()
    const url = cluster.url.replace(/\/postgres$/, '/bench')
    const postgres = await benchEngine({ url }, { DATABASE_URL: url })
    return { pglite, postgres }
  } finally {
    cluster.stop()
  }
}
