import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openDb } from '@/db/connect'
import { packageFiles } from '@/db/exportPackage'
import { migrate } from '@/db/migrate'
import { openRecord, readPackageDir } from '@/db/open'
import { isEmpty, loadDataset, readDataset } from '@/db/record'
import { lockDataDir, readConfig } from '@/server/config'
import { writePackageDir } from './packageDir'

const USAGE = `usage:
  npm run db:seed [-- --force]     load data/ into an empty record (--force: wipe the record first, accounts and history included)
  npm run db:export -- --out DIR   write the whole record as a data package (a backup that npm run validate accepts)
  npm run db:import -- DIR         restore a data package into an empty record`

/** `npm run db:*`: seed, back up and restore the record named by DATABASE_URL or DATA_DIR (as `npm start` uses). */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { force: { type: 'boolean', default: false }, out: { type: 'string' } } })
  const config = readConfig()
  const unlock = lockDataDir(config.location)
  try {
    switch (command) {
      case 'seed':
        return await seed(config.location, values.force)
      case 'export':
        if (!values.out) return console.error(USAGE), 2
        return await exportTo(config.location, values.out)
      case 'import':
        if (positionals.length !== 1) return console.error(USAGE), 2
        return await importFrom(config.location, positionals[0])
      default:
        return console.error(USAGE), 2
    }
  } finally {
    unlock()
  }
}

type Location = ReturnType<typeof readConfig>['location']

async function seed(location: Location, force: boolean): Promise<number> {
  const db = await openDb(location)
  try {
    await migrate(db)
    if (!(await isEmpty(db.kysely))) {
      if (!force) return console.error('the record is not empty: nothing was loaded (npm run db:seed -- --force wipes it first)'), 1
      // The one way to load over a record: drop it whole (figures, accounts, history) and start again.
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;')
      console.log('wiped the record')
    }
  } finally {
    await db.close()
  }
  const { db: seeded, seeded: count } = await openRecord(location, resolve('data'))
  await seeded.close()
  console.log(`loaded data/ (${count} figures)`)
  return 0
}

async function exportTo(location: Location, out: string): Promise<number> {
  const { db } = await openRecord(location)
  try {
    const files = packageFiles(await readDataset(db.kysely))
    await writePackageDir(out, files)
    console.log(`wrote ${out} (${files.size} files)`)
    return 0
  } finally {
    await db.close()
  }
}

async function importFrom(location: Location, dir: string): Promise<number> {
  const dataset = await readPackageDir(dir)
  const { db } = await openRecord(location)
  try {
    const { count } = await loadDataset(db, dataset, 'restore', basename(resolve(dir)))
    console.log(`restored ${dir} (${count} figures)`)
    return 0
  } finally {
    await db.close()
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((e: Error) => (console.error(`error: ${e.message}`), 1))
