import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeGbk } from './gbk'

const root = resolve(import.meta.dirname, '../../..')
const dir = mkdtempSync(join(tmpdir(), 'import-cli-'))
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'src/cli/import.ts'), ...args], { cwd: root, encoding: 'utf8' })

function gbkFile(name: string, period: string): string {
  const path = join(dir, name)
  writeFileSync(path, encodeGbk(`指标,地区,时间,数值\r\n行业协会商会总数,鄄城,2024年12月,"1,234"\r\n行业协会商会总数,郓城县,${period},约80\r\n`))
  return path
}

describe('import CLI', () => {
  it('prints the located problem and exits 1 when a row is rejected', () => {
    const file = gbkFile('bad.csv', '2024-13')
    const r = run(file)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(`error ${file}:3: 时间: “2024-13”: no such month or day`)
    expect(r.stdout).toContain('2 rows, 1 accepted, 1 rejected')
  })

  it('names a long cell by its start and length rather than repeating it whole', () => {
    const path = join(dir, 'long.csv')
    writeFileSync(path, `指标,地区,时间,数值\n行业协会商会总数,${'鄄'.repeat(100_000)},2024,5\n`)
    const r = run(path)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(`“${'鄄'.repeat(200)}…（100000）”`)
    expect(r.stdout.length).toBeLessThan(2000)
  })

  it('refuses --out in a folder that does not exist, writing nothing', () => {
    const r = run(gbkFile('fine.csv', '2024Q4'), '--out', join(dir, 'missing', 'out'))
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`the folder ${join(dir, 'missing')} does not exist: create it first; nothing written`)
  })

  it('writes a merged package that the validator accepts, with the imported rows', () => {
    const out = join(dir, 'out')
    const r = run(gbkFile('good.csv', '2024Q4'), '--out', out)
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('read as gb18030')
    const check = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'src/cli/validate.ts'), out], { cwd: root, encoding: 'utf8' })
    expect(check.stdout).toContain('0 error(s)')
    expect(readFileSync(join(out, 'observations.csv'), 'utf8')).toMatch(/assoc_total,371725,2024-Q4,80,~,import-\d+,\n/)
  })
})
