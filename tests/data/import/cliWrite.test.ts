import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPackage } from '@/data/load'
import { validatePackage, type RawPackage } from '@/data/validate'
import { fsReader } from '@/cli/fsReader'
import { DESCRIPTOR, fixturePackage, fixtureTables, toCsv } from '../../fixtures/package'

const root = resolve(import.meta.dirname, '../../..')
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'src/cli/import.ts'), ...args], { cwd: root, encoding: 'utf8' })

/** A fresh folder with the package's files and a CSV to import into it. */
function setup(raw: RawPackage, csv = '指标,地区,时间,数值\nactivities,鄄城,2024,5\n') {
  const dir = mkdtempSync(join(tmpdir(), 'import-write-'))
  const files = { 'datapackage.json': raw.descriptor, ...raw.tables, ...raw.reports }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'pkg', name)), { recursive: true })
    writeFileSync(join(dir, 'pkg', name), text as string)
  }
  writeFileSync(join(dir, 'new.csv'), csv)
  return { dir, pkg: join(dir, 'pkg'), csv: join(dir, 'new.csv'), out: join(dir, 'out') }
}

describe('import CLI refusals', () => {
  it.each([
    ['a missing file', (d: string) => join(d, 'none.csv'), 'no such file'],
    ['a folder', (d: string) => d, 'is not a file'],
  ])('refuses %s with a located message, exit 1 and no stack trace', (_, path, text) => {
    const { dir, pkg } = setup(fixturePackage())
    const r = run(path(dir), '--data', pkg)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`error ${path(dir)}: ${text}`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('says a --data folder does not exist, rather than calling every metric unknown', () => {
    const { dir, csv } = setup(fixturePackage())
    const r = run(csv, '--data', join(dir, 'nowhere'))
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('the folder does not exist')
    expect(r.stdout).not.toContain('unknown')
  })

  it('refuses --out onto an existing file and leaves it as it was', () => {
    const { pkg, csv, out } = setup(fixturePackage())
    writeFileSync(out, 'mine')
    const r = run(csv, '--data', pkg, '--out', out)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`error ${out}: already exists`)
    expect(readFileSync(out, 'utf8')).toBe('mine')
  })
})

describe('import CLI --out', () => {
  it('refuses a base package with an invalid row, locating it, rather than dropping the row; writes nothing', () => {
    const observations = [...fixtureTables().observations, { metric: 'activities', region: '371799', period: '2023', value: 3, qualifier: '=', source: 'r1', quote: '500余次' }]
    const { dir, pkg, csv, out } = setup(fixturePackage({ observations }))
    const r = run(csv, '--data', pkg, '--out', out)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/error observations\.csv:4: .*371799/)
    expect(readdirSync(dir).sort()).toEqual(['new.csv', 'pkg'])
  })

  it('keeps a column the schema declares and the writer does not know, and the output validates', async () => {
    const descriptor = JSON.parse(DESCRIPTOR)
    descriptor.resources.find((r: { name: string }) => r.name === 'observations').schema.fields.push({ name: 'reviewer', type: 'string' })
    const observations = fixtureTables().observations.map((o) => ({ ...o, reviewer: '张三' }))
    const { dir, pkg, csv, out } = setup(fixturePackage({ descriptor: JSON.stringify(descriptor, null, 2), observations: toCsv(observations) }))
    const r = run(csv, '--data', pkg, '--out', out)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const written = await readPackage(fsReader(out))
    expect(validatePackage(written).messages.filter((m) => m.level === 'error')).toEqual([])
    expect(written.tables['observations.csv']).toContain(',张三\n')
    expect(written.tables['observations.csv']).toMatch(/\nactivities,371726,2024,5,=,import-\d+,,\n$/)
    expect(readdirSync(dir).sort()).toEqual(['new.csv', 'out', 'pkg'])
  })

  it('writes nothing when the merged package would not validate (a created metric without a unit)', () => {
    const { dir, pkg, csv, out } = setup(fixturePackage(), '指标,地区,时间,数值\n网格员人数,鄄城,2024,5\n')
    const r = run(csv, '--data', pkg, '--out', out, '--create-metrics')
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/error metrics\.csv:\d+: .*unit/)
    expect(r.stderr).toContain('nothing written')
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(dir).sort()).toEqual(['new.csv', 'pkg'])
  })
})
