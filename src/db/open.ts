import { resolve } from 'node:path'
import { loadPackage } from '@/data/load'
import { formatMessage } from '@/data/messages'
import { fsReader } from '@/cli/fsReader'
import type { Dataset } from '@/domain/types'
import { openDb, type Db, type DbLocation } from './connect'
import { migrate } from './migrate'
import { isEmpty, loadDataset } from './record'

/** Reads and validates a package folder; any error refuses it (a record never starts from a package with errors). */
export async function readPackageDir(dir: string): Promise<Dataset> {
  const { dataset, messages } = await loadPackage(fsReader(resolve(dir)))
  const errors = messages.filter((m) => m.level === 'error')
  if (errors.length > 0) throw new Error(`${dir} has ${errors.length} error(s):\n${errors.slice(0, 20).map(formatMessage).join('\n')}`)
  return dataset
}

/**
 * Opens the record and brings its schema up to date; an empty one is seeded from `seedDir` when given, as a batch
 * named `seedName` (what the history shows, not a path of the server's disk).
 */
export async function openRecord(location: DbLocation, seedDir?: string, seedName = 'data/'): Promise<{ db: Db; seeded: number | null }> {
  const db = await openDb(location)
  try {
    await migrate(db)
    if (seedDir === undefined || !(await isEmpty(db.kysely))) return { db, seeded: null }
    const { count } = await loadDataset(db, await readPackageDir(seedDir), 'seed', seedName)
    return { db, seeded: count }
  } catch (e) {
    await db.close()
    throw e
  }
}
