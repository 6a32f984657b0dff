import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')

/** A temporary DATA_DIR. */
export const tempDir = (prefix = 'heze-') => mkdtempSync(join(tmpdir(), prefix))

/** Runs a command-line entry (src/cli/NAME.ts) to its end: exit code and output. */
export function runCli(name: string, args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(TSX, [join(ROOT, 'src/cli', `${name}.ts`), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A running `npm start` (without building): its URL, the first administrator's setup token, and the process. */
export interface RunningServer {
  url: string
  setupToken: string | null
  process: ChildProcess
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts the server on a free port over the record in `dataDir`; resolves once it listens. */
export function startServer(dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  // One process (tsx as a loader, not tsx's wrapper): a SIGKILL reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/start.ts')], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: '0', SKIP_BUILD: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out}`)), 60_000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const url = /: (http:\/\/[^\s]+) \(record/.exec(out)?.[1]
      if (!url) return
      clearTimeout(timer)
      resolveStart({
        url,
        setupToken: /\?setup=([\w-]+)/.exec(out)?.[1] ?? null,
        process: child,
        output: () => out,
        stop: async (signal = 'SIGTERM') => {
          if (child.exitCode === null) child.kill(signal)
          return exited
        },
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}):\n${out}`))
    })
  })
}

/** A signed-in session outside the browser: its cookie and CSRF token. */
export interface ApiSession {
  cookie: string
  csrf: string
}

/** A JSON call to the server, as `session` when given. */
export function callApi(server: RunningServer, path: string, init: { method?: string; body?: unknown } & Partial<ApiSession> = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (init.cookie) headers.cookie = init.cookie
  if (init.csrf) headers['x-csrf-token'] = init.csrf
  return fetch(server.url + path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
}

/** Signs in (or, with the setup token, creates the first administrator) and returns the session; throws on refusal. */
async function signIn(server: RunningServer, path: '/api/setup' | '/api/session', body: object): Promise<ApiSession> {
  const response = await callApi(server, path, { method: 'POST', body })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return { cookie: response.headers.get('set-cookie')!.split(';')[0], csrf: ((await response.json()) as { csrfToken: string }).csrfToken }
}

/**
 * A fresh record's accounts: the first administrator (admin) through the setup link, who creates the editor clerk01
 * of `regions` (the city: everywhere). Returns the administrator's session.
 */
export async function setUpAccounts(server: RunningServer, regions = ['371700']): Promise<ApiSession> {
  const admin = await signIn(server, '/api/setup', { token: server.setupToken, username: 'admin', password: 'root-passphrase-1' })
  const created = await callApi(server, '/api/users', { method: 'POST', body: { username: 'clerk01', password: 'clerk-password-1', role: 'editor', regions }, ...admin })
  if (created.status !== 201) throw new Error(`/api/users: ${created.status} ${await created.text()}`)
  return admin
}

/** The accounts of `setUpAccounts`, then an API token of the editor's. */
export async function editorToken(server: RunningServer, regions = ['371700']): Promise<string> {
  await setUpAccounts(server, regions)
  const editor = await signIn(server, '/api/session', { username: 'clerk01', password: 'clerk-password-1' })
  const response = await callApi(server, '/api/tokens', { method: 'POST', body: { name: 'cli' }, ...editor })
  return ((await response.json()) as { token: string }).token
}
