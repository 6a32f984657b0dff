import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editorToken, ROOT, runCli, startServer, tempDir, type RunningServer } from './serverProcess'

/** Every file of a folder, by relative path. */
function files(dir: string, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? Object.entries(files(dir, join(prefix, e.name))) : [[join(prefix, e.name), readFileSync(join(dir, prefix, e.name), 'utf8')]],
    ),
  )
}

describe('npm run db:*', () => {
  it('seeds once, backs up to a package validate accepts, and restores it to the same files', { timeout: 180_000 }, () => {
    const dataDir = tempDir()
    const env = { DATA_DIR: dataDir }
    expect(runCli('db', ['seed'], env)).toMatchObject({ status: 0, stdout: expect.stringContaining('loaded data/ (43 figures)') })
    expect(runCli('db', ['seed'], env)).toMatchObject({ status: 1, stderr: expect.stringContaining('not empty') })
    const backup = join(tempDir(), 'backup')
    expect(runCli('db', ['export', '--out', backup], env).status).toBe(0)
    expect(runCli('validate', [backup]).stdout).toContain('43 observations; 0 error(s)')
    expect(runCli('db', ['export', '--out', backup], env)).toMatchObject({ status: 1, stderr: expect.stringContaining('not empty') })

    const restored = { DATA_DIR: tempDir() }
    expect(runCli('db', ['import', backup], restored)).toMatchObject({ status: 0, stdout: expect.stringContaining('restored') })
    const again = join(tempDir(), 'again')
    expect(runCli('db', ['export', '--out', again], restored).status).toBe(0)
    expect(files(again)).toEqual(files(backup))
    expect(files(backup)['observations.csv']).toBe(readFileSync(join(ROOT, 'data/observations.csv'), 'utf8'))
  })
})

describe('the command line against a server', () => {
  let server: RunningServer
  let token: string
  beforeAll(async () => {
    server = await startServer(tempDir())
    token = await editorToken(server)
  })
  afterAll(() => server?.stop())

  const count = async () => ((await (await fetch(`${server.url}/api/observations`)).json()) as unknown[]).length

  it('adds a report through ingest with an API token, and refuses without one', async () => {
    const before = await count()
    const report = join(ROOT, 'data/reports/heze-daily-2025-01.txt')
    expect(runCli('ingest', [report, '--server', server.url], { HEZE_TOKEN: 'hzt_wrong' })).toMatchObject({ status: 1, stderr: expect.stringContaining('401') })
    const result = runCli('ingest', [report, '--server', server.url], { HEZE_TOKEN: token })
    expect(result.stdout, result.stderr).toMatch(/added 43 figures/)
    expect(await count()).toBe(before + 43)
  })

  it('imports a file into the record once its rows pass the checks', async () => {
    const before = await count()
    const file = join(tempDir(), '台账.csv')
    writeFileSync(file, '指标,地区,时期,数值\n行业协会商会党组织覆盖率,鄄城县,2024-12,68.6%\n行业协会商会党组织覆盖率,单县,2024-12,70.1%\n')
    const result = runCli('import', [file, '--server', server.url, '--token', token])
    expect(result.stdout, result.stderr).toContain('added 2 figures')
    expect(await count()).toBe(before + 2)
    const history = await (await fetch(`${server.url}/api/batches`)).json()
    expect(history[0]).toMatchObject({ kind: 'import', name: '台账.csv', count: 2, username: 'clerk01' })
  })
})
