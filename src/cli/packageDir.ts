import { existsSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { loadPackage } from '../data/load'
import { formatMessage } from '../data/messages'
import { fsReader } from './fsReader'

/**
 * Writes a data package to `out` whole or not at all: built in a temporary folder beside it, validated there, then
 * renamed into place. `out` must not exist or be an empty folder; a package that does not validate is not written.
 */
export async function writePackageDir(out: string, files: ReadonlyMap<string, string>): Promise<void> {
  const target = resolve(out)
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${out} exists and is not empty: nothing was written`)
  await mkdir(dirname(target), { recursive: true })
  const temp = await mkdtemp(join(dirname(target), `.${basename(target)}-`))
  try {
    for (const [name, text] of files) {
      const path = resolve(temp, name)
      if (!path.startsWith(temp + '/')) throw new Error(`${name} would be written outside the package`)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, text)
    }
    const errors = (await loadPackage(fsReader(temp))).messages.filter((m) => m.level === 'error')
    if (errors.length > 0) throw new Error(`the package would not validate, so nothing was written:\n${errors.slice(0, 20).map(formatMessage).join('\n')}`)
    if (existsSync(target)) await rm(target, { recursive: true })
    await rename(temp, target)
  } catch (e) {
    await rm(temp, { recursive: true, force: true })
    throw e
  }
}
