import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fsReader } from '@/cli/fsReader'

/** A package folder `pkg` with one file, beside a secret file outside it. */
function folder() {
  const top = mkdtempSync(join(tmpdir(), 'fsreader-'))
  const pkg = join(top, 'pkg')
  mkdirSync(join(pkg, 'sub'), { recursive: true })
  writeFileSync(join(pkg, 'ok.csv'), 'a\n1\n')
  writeFileSync(join(top, 'secret.txt'), 'SECRET')
  return { top, pkg }
}

describe(fsReader, () => {
  it('reads a regular file inside the folder, through a link that stays inside too', async () => {
    const { pkg } = folder()
    symlinkSync(join(pkg, 'ok.csv'), join(pkg, 'sub', 'link.csv'))
    const read = fsReader(pkg)
    expect(await read('ok.csv')).toBe('a\n1\n')
    expect(await read('sub/link.csv')).toBe('a\n1\n')
  })

  it('reads nothing through a link that leaves the folder', async () => {
    const { top, pkg } = folder()
    symlinkSync(join(top, 'secret.txt'), join(pkg, 'link.txt'))
    symlinkSync(top, join(pkg, 'up'))
    const read = fsReader(pkg)
    expect(await read('link.txt')).toBeNull()
    expect(await read('up/secret.txt')).toBeNull()
  })

  it('reads nothing outside, a directory, a device or a file past the size bound', async () => {
    const { pkg } = folder()
    symlinkSync('/dev/zero', join(pkg, 'zero.csv'))
    writeFileSync(join(pkg, 'big.csv'), 'x'.repeat(2000))
    const read = fsReader(pkg, 1000)
    for (const path of ['../secret.txt', join(pkg, '..', 'secret.txt'), 'sub', 'zero.csv', 'big.csv', 'missing.csv']) {
      expect(await read(path), path).toBeNull()
    }
  })

  it('reads nothing from a folder that does not exist', async () => {
    expect(await fsReader(join(tmpdir(), 'no-such-folder-9f3'))('datapackage.json')).toBeNull()
  })
})
