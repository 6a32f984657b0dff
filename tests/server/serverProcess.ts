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

/** Creates the first administrator through the setup link, then an editor of `regions` (the city: all); returns the editor's API token. */
export async function editorToken(server: RunningServer, regions = ['371700']): Promise<string> {
  const post = async (path: string, body: object, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    return { json: await response.json(), cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' }
  }
  const admin = await post('/api/setup', { token: server.setupToken, username: 'admin', password: 'root-passphrase-1' })
  const asAdmin = { cookie: admin.cookie, 'x-csrf-token': admin.json.csrfToken }
  await post('/api/users', { username: 'clerk01', password: 'clerk-password-1', role: 'editor', regions }, asAdmin)
  const editor = await post('/api/session', { username: 'clerk01', password: 'clerk-password-1' })
  const token = await post('/api/tokens', { name: 'cli' }, { cookie: editor.cookie, 'x-csrf-token': editor.json.csrfToken })
  return token.json.token
}
