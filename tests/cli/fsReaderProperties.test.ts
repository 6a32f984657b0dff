import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fsReader } from '@/cli/fsReader'
import { loadPackage } from '@/data/load'
import { DESCRIPTOR, fixtureTables, toCsv, writePackage, fixturePackage } from '../fixtures/package'

const SECRET = 'OUTSIDE-SECRET'

/** The fixture package on disk, beside a secret file, with links out of it, to a device and to a folder. */
function hostileFolder(): { top: string; pkg: string } {
  const top = mkdtempSync(join(tmpdir(), 'fsprop-'))
  const pkg = join(top, 'pkg')
  mkdirSync(pkg)
  writePackage(pkg, fixturePackage())
  writeFileSync(join(top, 'secret.txt'), `${SECRET}\n`)
  writeFileSync(join(top, 'secret.csv'), `code,name\n${SECRET},x\n`)
  symlinkSync(join(top, 'secret.txt'), join(pkg, 'link-out.txt'))
  symlinkSync(join(top, 'secret.csv'), join(pkg, 'link-out.csv'))
  symlinkSync(top, join(pkg, 'up'))
  symlinkSync('/dev/zero', join(pkg, 'zero.csv'))
  mkdirSync(join(pkg, 'folder.csv'))
  return { top, pkg }
}

const { top, pkg } = hostileFolder()

/** Paths a hostile package may name. */
const hostilePath = fc.oneof(
  fc.constantFrom('../secret.txt', '../secret.csv', '../../secret.txt', 'reports/../../secret.txt', join(top, 'secret.csv'), '/dev/zero', '/etc/passwd',
    'link-out.txt', 'link-out.csv', 'up/secret.csv', 'zero.csv', 'folder.csv', '.', '', 'file:///etc/passwd', 'C:\\secret.csv', 'regions.csv', 'reports/r1.txt'),
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom('..', '.', 'up', 'reports', 'secret.csv', '\u0000', 'a'.repeat(300)), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/')),
)

/** Descriptors: the real one with generated paths, or any JSON at all. */
const descriptor = fc.oneof(
  fc.tuple(fc.array(hostilePath, { minLength: 4, maxLength: 4 })).map(([paths]) => {
    const json = JSON.parse(DESCRIPTOR)
    json.resources.forEach((r: { path: string }, i: number) => (r.path = paths[i]))
    return JSON.stringify(json)
  }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 60 }),
)

describe('loadPackage over fsReader, on generated descriptors and paths', () => {
  it('never throws, never reads outside the folder, and locates every message', async () => {
    await fc.assert(
      fc.asyncProperty(descriptor, hostilePath, async (text, reportPath) => {
        writeFileSync(join(pkg, 'datapackage.json'), text)
        writeFileSync(join(pkg, 'sources.csv'), toCsv(fixtureTables().sources.map((s) => ({ ...s, file: reportPath }))))
        const { dataset, messages } = await loadPackage(fsReader(pkg))
        expect(JSON.stringify({ dataset, messages })).not.toContain(SECRET)
        for (const m of messages) {
          expect(m.file).not.toBe('')
          expect(m.message).not.toBe('')
        }
      }),
      { numRuns: 150 },
    )
  })
})
