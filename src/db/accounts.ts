import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import { sql, type Kysely } from 'kysely'
import type { Database, Role } from './schema'

/** A signed-in person as the server sees them. */
export interface User {
  id: number
  username: string
  role: Role
}

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex')
/** A random secret for a cookie, token or link: 32 bytes, URL-safe. */
export const newSecret = () => randomBytes(32).toString('base64url')

// Verifying against this when the name is unknown takes as long as a real check: no one learns which names exist.
let dummyHash: Promise<string> | undefined

/** The user whose name and password match, or null (unknown name, wrong password, disabled account alike). */
export async function checkPassword(db: Kysely<Database>, username: string, password: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
  const ok = await verify(row?.password_hash ?? (await (dummyHash ??= hash(newSecret()))), password).catch(() => false)
  return ok && row && !row.disabled ? { id: row.id, username: row.username, role: row.role } : null
}

/** Creates an account; argon2id (the library's default) hashes the password. */
export async function createUser(db: Kysely<Database>, username: string, password: string, role: Role): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({ username, password_hash: await hash(password), role })
    .returning(['id', 'username', 'role'])
    .executeTakeFirstOrThrow()
  return row
}

export async function listUsers(db: Kysely<Database>): Promise<(User & { disabled: boolean; createdAt: string })[]> {
  const rows = await db.selectFrom('users').select(['id', 'username', 'role', 'disabled', 'created_at']).orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, username: r.username, role: r.role, disabled: r.disabled, createdAt: r.created_at.toISOString() }))
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  return (await db.selectFrom('users').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n
}

/** Starts a session: the cookie's secret (only its hash is stored) and the CSRF token the page sends back. */
export async function startSession(db: Kysely<Database>, user: User): Promise<{ secret: string; csrf: string }> {
  const secret = newSecret()
  const csrf = newSecret()
  await db.insertInto('sessions').values({ id_hash: digest(secret), user_id: user.id, csrf }).execute()
  return { secret, csrf }
}

/** The session's user and CSRF token, when the secret names a live session of an enabled account. */
export async function findSession(db: Kysely<Database>, secret: string, idleMinutes: number): Promise<{ user: User; csrf: string } | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.username', 'u.role', 'u.disabled', 's.csrf', 's.seen_at'])
    .where('s.id_hash', '=', digest(secret))
    .executeTakeFirst()
  if (!row || row.disabled) return null
  if (Date.now() - row.seen_at.getTime() > idleMinutes * 60_000) {
    await endSession(db, secret)
    return null
  }
  await db.updateTable('sessions').set({ seen_at: sql<Date>`now()` }).where('id_hash', '=', digest(secret)).execute()
  return { user: { id: row.id, username: row.username, role: row.role }, csrf: row.csrf }
}

export async function endSession(db: Kysely<Database>, secret: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', digest(secret)).execute()
}

/** A personal API token for the CLI: returned once, stored hashed. */
export async function createToken(db: Kysely<Database>, user: User, name: string): Promise<{ id: number; token: string }> {
  const token = `hzt_${newSecret()}`
  const row = await db.insertInto('api_tokens').values({ user_id: user.id, name, token_hash: digest(token) }).returning('id').executeTakeFirstOrThrow()
  return { id: row.id, token }
}

/** The user an unrevoked token belongs to, or null; marks it used. */
export async function findToken(db: Kysely<Database>, token: string): Promise<User | null> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 'u.id', 'u.username', 'u.role', 'u.disabled'])
    .where('t.token_hash', '=', digest(token))
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row || row.disabled) return null
  await db.updateTable('api_tokens').set({ used_at: sql<Date>`now()` }).where('id', '=', row.token_id).execute()
  return { id: row.id, username: row.username, role: row.role }
}

export async function listTokens(db: Kysely<Database>, user: User) {
  const rows = await db.selectFrom('api_tokens').select(['id', 'name', 'created_at', 'used_at', 'revoked_at']).where('user_id', '=', user.id).orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString(), usedAt: r.used_at?.toISOString() ?? null, revoked: r.revoked_at !== null }))
}

/** Revokes one of the user's tokens; false when the user has no such token. */
export async function revokeToken(db: Kysely<Database>, user: User, id: number): Promise<boolean> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: sql<Date>`now()` }).where('id', '=', id).where('user_id', '=', user.id).where('revoked_at', 'is', null).executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/**
 * The one-time link's token for creating the first administrator: made (and its hash stored) while the record has
 * no account; null once one exists.
 */
export async function setupToken(db: Kysely<Database>): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null
  const token = newSecret()
  await db
    .insertInto('settings')
    .values({ key: 'setup_token', value: digest(token) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: digest(token) }))
    .execute()
  return token
}

/** Creates the first administrator when the token matches and no account exists yet; the token is then spent. */
export function claimSetup(db: Kysely<Database>, token: string, username: string, password: string): Promise<User | null> {
  return db.transaction().execute(async (trx) => {
    const stored = await trx.selectFrom('settings').select('value').where('key', '=', 'setup_token').forUpdate().executeTakeFirst()
    if (!stored || stored.value !== digest(token) || (await countUsers(trx)) > 0) return null
    await trx.deleteFrom('settings').where('key', '=', 'setup_token').execute()
    return createUser(trx, username, password, 'admin')
  })
}
