import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'src/cli/ingest.ts'), ...args], { cwd: root, encoding: 'utf8' })

describe('ingest CLI', () => {
  it('names the run it read in pieces beside the figures it found, in a dry run', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ingest-cli-')), 'report.txt')
    const long = '鄄城县开展志愿服务活动' + '社区党组织'.repeat(400) + '开展活动500余次'
    writeFileSync(file, `${long}。\n全县共有社会组织120家。`)
    const r = run(file, '--date', '2025-01-08')
    expect(r.status).toBe(0)
    expect(r.stderr).toContain(`${file}: line 1, characters 1–${long.length + 1}: ${long.length + 1} characters without a sentence end`)
    expect(r.stdout).toMatch(/figures found/)
  })
})
