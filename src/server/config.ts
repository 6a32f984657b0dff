import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { DbLocation } from '@/db/connect'

/** The server's settings, from the environment (README lists them). */
export interface Config {
  host: string
  port: number
  /** DATA_DIR: where the embedded record (db/) lives. */
  dataDir: string
  location: DbLocation
  readRequiresLogin: boolean
  idleMinutes: number
  trustProxy: boolean
}

/** Reads the settings; a bad value is an error naming it, not a silent default. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT=${env.PORT} is not a port number`)
  const idleMinutes = Number(env.SESSION_IDLE_MINUTES ?? 120)
  if (!(idleMinutes > 0)) throw new Error(`SESSION_IDLE_MINUTES=${env.SESSION_IDLE_MINUTES} is not a positive number`)
  const dataDir = resolve(env.DATA_DIR ?? 'var')
  const url = env.DATABASE_URL
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres://')
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    location: url ? { url } : { dir: join(dataDir, 'db') },
    readRequiresLogin: env.READ_REQUIRES_LOGIN === '1',
    idleMinutes,
    trustProxy: env.TRUST_PROXY === '1',
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it. Takes the folder's
 * lock (a pid file), or throws naming the process that holds it. Returns the release function.
 */
export function lockDataDir(location: DbLocation): () => void {
  if (!('dir' in location)) return () => {}
  const lock = `${location.dir}.pid`
  mkdirSync(dirname(lock), { recursive: true })
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'))
    if (pid && pid !== process.pid && alive(pid)) throw new Error(`the record in ${location.dir} is open in process ${pid}: stop it first`)
  }
  writeFileSync(lock, String(process.pid))
  return () => rmSync(lock, { force: true })
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
