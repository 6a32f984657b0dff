import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import { sql, type Kysely } from 'kysely'
import type { Database, Role } from './schema'

/** A signed-in person as the server sees them. */
export interface User {
  id: number
  username: string
  role: Role
  /** The regions an editor writes for (and everything below them). */
  regions: string[]
  /** Set by a password reset: until changed, the account may do nothing else. */
  mustChangePassword: boolean
}

/** What an administrator may change of an account. */
export interface UserChange {
  role?: Role
  regions?: string[]
  disabled?: boolean
  /** A new password set by an administrator: the user must change it at the next login. */
  password?: string
}

/** Failed logins in a row that lock an account, and for how long. */
export const LOCK_AFTER = 10
export const LOCK_MINUTES = 15

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex')
/** A random secret for a cookie, token or link: 32 bytes, URL-safe. */
export const newSecret = () => randomBytes(32).toString('base64url')

// Verifying against this when the name is unknown takes as long as a real check: no one learns which names exist.
let dummyHash: Promise<string> | undefined

async function regionsOf(db: Kysely<Database>, id: number): Promise<string[]> {
  return (await db.selectFrom('user_regions').select('region').where('user_id', '=', id).orderBy('region').execute()).map((r) => r.region)
}

/** The account with this id, disabled or not. */
async function readUser(db: Kysely<Database>, id: number): Promise<(User & { disabled: boolean }) | null> {
  const row = await db.selectFrom('users').select(['id', 'username', 'role', 'disabled', 'must_change_password']).where('id', '=', id).executeTakeFirst()
  if (!row) return null
  return { id: row.id, username: row.username, role: row.role, regions: await regionsOf(db, row.id), mustChangePassword: row.must_change_password, disabled: row.disabled }
}

/** The account with this id, if it exists and is enabled. */
export async function loadUser(db: Kysely<Database>, id: number): Promise<User | null> {
  const user = await readUser(db, id)
  if (!user || user.disabled) return null
  return { id: user.id, username: user.username, role: user.role, regions: user.regions, mustChangePassword: user.mustChangePassword }
}

/** How a login went: the user, or why not (a locked account is said apart only to the audit, not to the caller). */
export type LoginResult = { ok: true; user: User } | { ok: false; reason: 'wrong' | 'locked' | 'disabled' }

/**
 * Checks a name and password. A failure counts against the account; the tenth in a row locks it for
 * LOCK_MINUTES, during which even the right password is refused.
 */
export async function checkPassword(db: Kysely<Database>, username: string, password: string): Promise<LoginResult> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
  const ok = await verify(row?.password_hash ?? (await (dummyHash ??= hash(newSecret()))), password).catch(() => false)
  if (!row) return { ok: false, reason: 'wrong' }
  if (row.locked_until && row.locked_until.getTime() > Date.now()) return { ok: false, reason: 'locked' }
  if (row.disabled) return { ok: false, reason: 'disabled' }
  if (!ok) {
    const failed = row.failed_logins + 1
    const lock = failed >= LOCK_AFTER
    await db
      .updateTable('users')
      .set({ failed_logins: lock ? 0 : failed, locked_until: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : row.locked_until })
      .where('id', '=', row.id)
      .execute()
    return { ok: false, reason: lock ? 'locked' : 'wrong' }
  }
  if (row.failed_logins > 0) await db.updateTable('users').set({ failed_logins: 0 }).where('id', '=', row.id).execute()
  return { ok: true, user: (await loadUser(db, row.id))! }
}

/** Creates an account; argon2id (the library's default) hashes the password. */
export async function createUser(db: Kysely<Database>, username: string, password: string, role: Role, regions: string[] = []): Promise<User> {
  const row = await db.insertInto('users').values({ username, password_hash: await hash(password), role }).returning(['id']).executeTakeFirstOrThrow()
  if (regions.length) await db.insertInto('user_regions').values(regions.map((region) => ({ user_id: row.id, region }))).execute()
  return (await loadUser(db, row.id))!
}

/** Changes an account in one transaction and ends its sessions: a new role or password applies at once. */
export function updateUser(db: Kysely<Database>, id: number, change: UserChange): Promise<{ before: User & { disabled: boolean }; after: User & { disabled: boolean } } | null> {
  return db.transaction().execute(async (trx) => {
    const before = await readUser(trx, id)
    if (!before) return null
    await trx
      .updateTable('users')
      .set({
        role: change.role ?? before.role,
        disabled: change.disabled ?? before.disabled,
        ...(change.password !== undefined && { password_hash: await hash(change.password), must_change_password: true, failed_logins: 0, locked_until: null }),
      })
      .where('id', '=', id)
      .execute()
    if (change.regions) {
      await trx.deleteFrom('user_regions').where('user_id', '=', id).execute()
      if (change.regions.length) await trx.insertInto('user_regions').values(change.regions.map((region) => ({ user_id: id, region }))).execute()
    }
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute()
    return { before, after: (await readUser(trx, id))! }
  })
}

/** The user's own password change: clears a reset's mark and ends the user's other sessions. */
export async function changePassword(db: Kysely<Database>, user: User, password: string, keepSession: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: await hash(password), must_change_password: false }).where('id', '=', user.id).execute()
    let others = trx.deleteFrom('sessions').where('user_id', '=', user.id)
    if (keepSession) others = others.where('id_hash', '!=', digest(keepSession))
    await others.execute()
  })
}

export async function listUsers(db: Kysely<Database>) {
  const rows = await db.selectFrom('users').select(['id', 'username', 'role', 'disabled', 'created_at', 'must_change_password']).orderBy('id').execute()
  const scopes = await db.selectFrom('user_regions').selectAll().orderBy('region').execute()
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    role: r.role,
    regions: scopes.filter((s) => s.user_id === r.id).map((s) => s.region),
    disabled: r.disabled,
    mustChangePassword: r.must_change_password,
    createdAt: r.created_at.toISOString(),
  }))
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

/**
 * The session's user and CSRF token, when the secret names a live session of an enabled account: used within the last
 * `idleMinutes`, and begun less than `maxHours` ago (a session in constant use still ends, and its user signs in again).
 */
export async function findSession(db: Kysely<Database>, secret: string, idleMinutes: number, maxHours = 12): Promise<{ user: User; csrf: string } | null> {
  const row = await db.selectFrom('sessions').select(['user_id', 'csrf', 'seen_at', 'created_at']).where('id_hash', '=', digest(secret)).executeTakeFirst()
  if (!row) return null
  const user = await loadUser(db, row.user_id)
  if (!user || Date.now() - row.seen_at.getTime() > idleMinutes * 60_000 || Date.now() - row.created_at.getTime() > maxHours * 3_600_000) {
    await endSession(db, secret)
    return null
  }
  // Idle time is counted in minutes: marking the session seen once a minute spares a write on every request.
  if (Date.now() - row.seen_at.getTime() > 60_000) await db.updateTable('sessions').set({ seen_at: sql<Date>`now()` }).where('id_hash', '=', digest(secret)).execute()
  return { user, csrf: row.csrf }
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

/** The user an unrevoked token belongs to (with the token's id), or null; marks it used. */
export async function findToken(db: Kysely<Database>, token: string): Promise<{ user: User; tokenId: number } | null> {
  const row = await db.selectFrom('api_tokens').select(['id', 'user_id']).where('token_hash', '=', digest(token)).where('revoked_at', 'is', null).executeTakeFirst()
  const user = row && (await loadUser(db, row.user_id))
  if (!row || !user) return null
  await db.updateTable('api_tokens').set({ used_at: sql<Date>`now()` }).where('id', '=', row.id).execute()
  return { user, tokenId: row.id }
}

/** A token as its list shows it; `username` is its owner's. */
export interface TokenInfo {
  id: number
  name: string
  username: string
  createdAt: string
  usedAt: string | null
  revoked: boolean
}

/** The API tokens of `user`, or of every account when `user` is null (an administrator's list). */
export async function listTokens(db: Kysely<Database>, user: User | null): Promise<TokenInfo[]> {
  let query = db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.name', 'users.username', 'api_tokens.created_at', 'api_tokens.used_at', 'api_tokens.revoked_at'])
  if (user) query = query.where('api_tokens.user_id', '=', user.id)
  const rows = await query.orderBy('api_tokens.id').execute()
  return rows.map((r) => ({ id: r.id, name: r.name, username: r.username, createdAt: r.created_at.toISOString(), usedAt: r.used_at?.toISOString() ?? null, revoked: r.revoked_at !== null }))
}

/**
 * Revokes a token: one of `user`'s own, or anyone's when `user` is null (an administrator). Returns the owner's
 * name, or null when there is no such live token to revoke.
 */
export async function revokeToken(db: Kysely<Database>, user: User | null, id: number): Promise<string | null> {
  let query = db.updateTable('api_tokens').set({ revoked_at: sql<Date>`now()` }).where('id', '=', id).where('revoked_at', 'is', null)
  if (user) query = query.where('user_id', '=', user.id)
  const row = await query.returning('user_id').executeTakeFirst()
  if (!row) return null
  return (await loadUser(db, row.user_id))?.username ?? ''
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
