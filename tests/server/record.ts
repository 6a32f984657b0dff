import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { validatePackage } from '@/data/validate'
import { openDb, type Db } from '@/db/connect'
import { migrate } from '@/db/migrate'
import { loadDataset } from '@/db/record'
import type { Dataset } from '@/domain/types'
import { fixturePackage } from '../fixtures/package'

/** The two storage engines every storage and API test runs on. */
export const ENGINES = ['pglite', 'postgres'] as const
export type Engine = (typeof ENGINES)[number]

/** A new, migrated, empty record: PGlite in memory, or a new database on the test cluster. */
export async function emptyRecord(engine: Engine): Promise<Db> {
  let db: Db
  if (engine === 'pglite') db = await openDb({ dir: 'memory://' })
  else {
    const admin = inject('postgresUrl')
    const name = `t_${randomBytes(6).toString('hex')}`
    const client = new pg.Client(admin)
    await client.connect()
    await client.query(`CREATE DATABASE ${name}`)
    await client.end()
    db = await openDb({ url: admin.replace(/\/postgres$/, `/${name}`) })
  }
  await migrate(db)
  return db
}

/** The small valid package of the fixtures, as a dataset, with 单县 beside 鄄城县 (two counties, two editors). */
export function fixtureDataset(): Dataset {
  const { dataset, messages } = validatePackage(fixturePackage())
  if (messages.some((m) => m.level === 'error')) throw new Error('the fixture package has errors')
  return { ...dataset, regions: [...dataset.regions, { code: '371722', name: '单县', level: 'county', parent: '371700', aliases: ['单县'] }] }
}

/** A record seeded with the fixture package. */
export async function seededRecord(engine: Engine): Promise<Db> {
  const db = await emptyRecord(engine)
  await loadDataset(db, fixtureDataset(), 'seed', 'fixture')
  return db
}
