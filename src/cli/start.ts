import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { setupToken } from '@/db/accounts'
import { openRecord } from '@/db/open'
import { buildServer } from '@/server/app'
import { lockDataDir, readConfig, sessionKey } from '@/server/config'

const ROOT = resolve(import.meta.dirname, '../..')
const DIST = join(ROOT, 'dist')

/** The newest modification time under `path` (a file or a folder). */
function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

/** Builds the app when dist/ is missing or older than what it is built from. */
function buildIfStale(): void {
  const built = newest(join(DIST, 'index.html'))
  const sources = Math.max(...['src', 'data', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newest(join(ROOT, p))))
  if (built >= sources) return
  console.log('building the app (dist/ is missing or older than the sources)…')
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('the build failed')
}

/** `npm start`: the dashboard and its API on one origin, over the shared record. */
async function main(): Promise<void> {
  const config = readConfig()
  if (process.env.SKIP_BUILD !== '1') buildIfStale()
  const unlock = lockDataDir(config.location)
  const { db, seeded } = await openRecord(config.location, join(ROOT, 'data'))
  if (seeded !== null) console.log(`an empty record: loaded the data package (${seeded} figures)`)
  const app = await buildServer({ db, dist: DIST, readRequiresLogin: config.readRequiresLogin, idleMinutes: config.idleMinutes, maxSessionHours: config.maxSessionHours, trustProxy: config.trustProxy, sessionKey: sessionKey(config), frameAncestors: config.frameAncestors })
  const token = await setupToken(db.kysely)
  const address = await app.listen({ host: config.host, port: config.port })
  const engine = 'url' in config.location ? 'PostgreSQL' : `embedded PostgreSQL in ${config.location.dir}`
  // One write, so whoever reads the output sees the address and the setup link together.
  const setup = token ? `\nno account yet: create the first administrator (this link works once):\n  ${address}/?setup=${token}` : ''
  console.log(`菏泽社会治理指标看板: ${address} (record: ${engine})${setup}`)

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await app.close()
    await db.close()
    unlock()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: Error) => {
  console.error(`cannot start: ${e.message}`)
  process.exit(1)
})
