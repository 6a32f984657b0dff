import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
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
  /** SESSION_MAX_HOURS: a session ends this long after signing in, however busy. */
  maxSessionHours: number
  trustProxy: boolean
  /** SESSION_SECRET, or null to use (or make) DATA_DIR/session.key: see `sessionKey`. */
  sessionSecret: string | null
  /** FRAME_ANCESTORS: the pages that may show the dashboard in a frame (`'self'`, origins); empty: none may. */
  frameAncestors: string[]
}

/**
 * Reads FRAME_ANCESTORS: space-separated `'self'` or http(s) origins (`https://portal.heze.gov.cn`), or `'none'`/unset.
 * Anything else is refused: the value goes into a header, where `;` or a newline would add directives of its own.
 */
export function readFrameAncestors(value: string | undefined): string[] {
  const parts = (value ?? '').split(' ').filter(Boolean)
  if (parts.length === 1 && parts[0] === "'none'") return []
  for (const part of parts) {
    if (part === "'self'") continue
    let url: URL | null = null
    try {
      url = /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(part) ? new URL(part) : null
    } catch {
      url = null
    }
    if (!url || url.origin !== part.toLowerCase()) {
      throw new Error(`FRAME_ANCESTORS=${JSON.stringify(value)}: "${part}" is not 'self' or an http(s) origin such as https://portal.example.cn (separate several with spaces)`)
    }
  }
  return parts
}

/** Reads the settings; a bad value is an error naming it, not a silent default. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT=${env.PORT} is not a port number`)
  const idleMinutes = Number(env.SESSION_IDLE_MINUTES ?? 120)
  if (!(idleMinutes > 0)) throw new Error(`SESSION_IDLE_MINUTES=${env.SESSION_IDLE_MINUTES} is not a positive number`)
  const maxSessionHours = Number(env.SESSION_MAX_HOURS ?? 12)
  if (!(maxSessionHours > 0)) throw new Error(`SESSION_MAX_HOURS=${env.SESSION_MAX_HOURS} is not a positive number`)
  const dataDir = resolve(env.DATA_DIR ?? 'var')
  const url = env.DATABASE_URL
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres://')
  const secret = env.SESSION_SECRET
  if (secret !== undefined && secret.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters (e.g. openssl rand -base64 32)')
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    location: url ? { url } : { dir: join(dataDir, 'db') },
    readRequiresLogin: env.READ_REQUIRES_LOGIN === '1',
    idleMinutes,
    maxSessionHours,
    trustProxy: env.TRUST_PROXY === '1',
    sessionSecret: secret ?? null,
    frameAncestors: readFrameAncestors(env.FRAME_ANCESTORS),
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

/**
 * The key that signs session cookies: SESSION_SECRET when set (several server processes over one PostgreSQL share
 * it), else DATA_DIR/session.key, made at first start with mode 0600. A key file others may read is refused, not used.
 */
export function sessionKey(config: Pick<Config, 'dataDir' | 'sessionSecret'>): string {
  if (config.sessionSecret) return config.sessionSecret
  const file = join(config.dataDir, 'session.key')
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' })
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) throw new Error(`${file} may be read by other users: chmod 600 it, or set SESSION_SECRET`)
  const key = readFileSync(file, 'utf8').trim()
  if (key.length < 32) throw new Error(`${file} holds no usable key (under 32 characters): delete it to make a new one`)
  return key
}
