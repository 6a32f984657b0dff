import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { ReadText } from '../data/load'

/** Reads package files from a folder on disk; a missing file reads as null, like a 404 in the browser. */
export function fsReader(dir: string): ReadText {
  return async (path) => {
    try {
      return await readFile(resolve(dir, path), 'utf8')
    } catch {
      return null
    }
  }
}
