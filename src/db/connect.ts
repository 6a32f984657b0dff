import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { Database } from './schema'

/** An open record: typed queries for both engines, and a raw multi-statement `exec` for migrations. */
export interface Db {
  kysely: Kysely<Database>
  engine: 'pglite' | 'postgres'
  /** Runs SQL text of several statements (simple query protocol), as one implicit transaction. */
  exec(sql: string): Promise<void>
  close(): Promise<void>
}

/** Where the record lives: a PostgreSQL URL, or PGlite in a folder (`memory://` for a throwaway one). */
export type DbLocation = { url: string } | { dir: string }

/** Opens the record; PGlite takes seconds to start (WASM), so a process opens it once and keeps it. */
export async function openDb(location: DbLocation): Promise<Db> {
  if ('url' in location) {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 })
    // double precision and bigint come back as JS numbers and strings; timestamps as Dates (pg's defaults).
    return {
      kysely: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      engine: 'postgres',
      exec: async (sql) => void (await pool.query(sql)),
      close: () => pool.end(),
    }
  }
  if (!location.dir.startsWith('memory://')) mkdirSync(location.dir, { recursive: true })
  const pglite = await PGlite.create(location.dir)
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect(pglite) })
  return {
    kysely,
    engine: 'pglite',
    exec: async (sql) => void (await pglite.exec(sql)),
    // Kysely's destroy closes PGlite too.
    close: () => kysely.destroy(),
  }
}
