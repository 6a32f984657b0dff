import { readdirSync, readFileSync } from 'node:fs'
import { sql } from 'kysely'
import type { Db } from './connect'

const FOLDER = new URL('./migrations/', import.meta.url)

/** The migrations in order of their file names (0001_…, 0002_…). */
export function migrations(): { name: string; sql: string }[] {
  return readdirSync(FOLDER)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(new URL(name, FOLDER), 'utf8') }))
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each with its record row in one transaction, so a
 * crash leaves a migration wholly applied or not at all. Returns the names applied.
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
  const done = new Set((await db.kysely.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name))
  const applied: string[] = []
  for (const m of migrations()) {
    if (done.has(m.name)) continue
    const record = sql`INSERT INTO schema_migrations (name) VALUES (${sql.lit(m.name)})`.compile(db.kysely).sql
    // One query string of several statements is one implicit transaction on both engines.
    await db.exec(`${m.sql}\n;${record};`)
    applied.push(m.name)
  }
  return applied
}
