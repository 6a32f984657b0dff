import { constants } from 'node:fs'
import { open, realpath, stat } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import type { ReadText } from '../data/load'
import { MAX_FILE_BYTES, packagePathProblem } from '../data/packagePath'

/**
 * Reads package files from a folder on disk; a missing file reads as null, like a 404 in the browser. So does a path
 * that is not a regular file of at most `maxBytes` inside the folder once links are followed: nothing else is read.
 */
export function fsReader(dir: string, maxBytes = MAX_FILE_BYTES): ReadText {
  const root = realpath(dir).catch(() => null)
  return async (path) => {
    const top = await root
    if (top === null || packagePathProblem(path) !== null) return null
    try {
      const real = await realpath(resolve(top, path))
      if (!real.startsWith(top.endsWith(sep) ? top : top + sep)) return null
      // Open first, then check what was opened: the file cannot be swapped between the check and the read.
      // Non-blocking, so opening a named pipe does not wait for a writer.
      const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK)
      try {
        const stat = await handle.stat()
        if (!stat.isFile() || stat.size > maxBytes) return null
        return await handle.readFile('utf8')
      } finally {
        await handle.close()
      }
    } catch {
      return null
    }
  }
}

/** Why `dir` cannot hold a data package (missing, not a folder, no datapackage.json), or null when it may. */
export async function packageFolderProblem(dir: string): Promise<string | null> {
  const info = await stat(dir).catch(() => null)
  if (!info) return `${dir}: the folder does not exist`
  if (!info.isDirectory()) return `${dir}: is not a folder`
  const descriptor = await stat(join(dir, 'datapackage.json')).catch(() => null)
  return descriptor ? null : `${dir}: the folder has no datapackage.json`
}
