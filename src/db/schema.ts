import type { ColumnType, Generated } from 'kysely'

/** A timestamp: the database gives a Date, a writer may give a string or leave the default. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

/** A column with a default: a writer may leave it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>

/** The tables of migrations/0001_record.sql, as Kysely sees them. */
export interface Database {
  regions: { code: string; seq: Generated<string>; name: string; name_en: Generated<string>; level: string; parent: string | null; aliases: string }
  metrics: {
    id: string
    seq: Generated<string>
    name: string
    name_en: string
    unit: string
    kind: string
    temporal: string
    aggregate: string
    category: string
    definition: string
    aliases: string
    target: number | null
  }
  users: {
    id: Generated<number>
    username: string
    password_hash: string
    role: Role
    disabled: Generated<boolean>
    created_at: Timestamp
    must_change_password: Generated<boolean>
    failed_logins: Generated<number>
    locked_until: Date | null
  }
  user_regions: { user_id: number; region: string }
  batches: {
    id: string
    kind: BatchKind
    name: string
    file_name: string
    sha256: string
    row_count: number
    created_by: number | null
    created_at: Timestamp
  }
  sources: {
    id: string
    seq: Generated<string>
    title: string
    publication: string
    date: string
    author: string
    file: string
    url: string
    note: string
    batch_id: string | null
  }
  reports: { source_id: string; text: string; file_name: string; sha256: string }
  observations: {
    id: Generated<string>
    metric: string
    region: string
    period: string
    value: number
    qualifier: string
    source: string
    quote: string
    quote_start: number | null
    quote_end: number | null
    status: Generated<'active' | 'withdrawn'>
    version: Generated<number>
    batch_id: string | null
    created_by: number | null
    created_at: Timestamp
    updated_at: Timestamp
  }
  sessions: { id_hash: string; user_id: number; csrf: string; created_at: Timestamp; seen_at: Timestamp }
  api_tokens: {
    id: Generated<number>
    user_id: number
    name: string
    token_hash: string
    created_at: Timestamp
    used_at: Date | null
    revoked_at: Date | null
  }
  audit: {
    id: Generated<string>
    at: Timestamp
    user_id: number | null
    username: Defaulted<string>
    action: string
    entity: string
    entity_id: Defaulted<string>
    before: Defaulted<unknown>
    after: Defaulted<unknown>
    batch_id: Defaulted<string | null>
    reason: Defaulted<string>
  }
  settings: { key: string; value: string }
  schema_migrations: { name: string; applied_at: Timestamp }
}

/** What an account may do: read, write figures, or everything (accounts included). */
export type Role = 'viewer' | 'editor' | 'admin'

/** How figures came into the record. */
export type BatchKind = 'seed' | 'import' | 'report' | 'restore'
