import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageFolderProblem } from '@/cli/fsReader'

describe(packageFolderProblem, () => {
  it('says a folder does not exist, is a file, or has no descriptor', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pkgdir-'))
    writeFileSync(join(dir, 'file.txt'), '')
    expect(await packageFolderProblem(join(dir, 'none'))).toBe(`${join(dir, 'none')}: the folder does not exist`)
    expect(await packageFolderProblem(join(dir, 'file.txt'))).toBe(`${join(dir, 'file.txt')}: is not a folder`)
    expect(await packageFolderProblem(dir)).toBe(`${dir}: the folder has no datapackage.json`)
    writeFileSync(join(dir, 'datapackage.json'), '{}')
    expect(await packageFolderProblem(dir)).toBeNull()
  })
})
