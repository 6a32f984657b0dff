import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the throwaway PostgreSQL server's maintenance database. */
    postgresUrl: string
  }
}

/** Debian's PostgreSQL binaries, newest version first. */
function binaries(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  const found = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')))
  if (!found) throw new Error('PostgreSQL is not installed (apt-get install postgresql): the storage tests run on it as well as on PGlite')
  return found
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * A throwaway PostgreSQL cluster in a temporary folder on a free local port: its URL, and the function that stops
 * and removes it. initdb refuses root, so as root the cluster runs as the postgres user.
 */
export async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  const bin = binaries()
  const dir = mkdtempSync(join(tmpdir(), 'heze-pg-'))
  chmodSync(dir, 0o777)
  const data = join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, tool), asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args, { stdio: 'pipe', cwd: dir })
  const port = await freePort()
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'])
  // fsync off: a test cluster needs no durability, and it starts and writes faster.
  run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start'])
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop }
}

/** Vitest global setup of the `server` project: the cluster for the storage and API tests' second engine. */
export default async function setup(project: TestProject): Promise<() => void> {
  const { url, stop } = await startPostgres()
  project.provide('postgresUrl', url)
  return stop
}
