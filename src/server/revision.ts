import type { FastifyInstance } from 'fastify'
import type { Db } from '@/db/connect'
import { revision } from '@/db/record'

/** The record's revision as the server knows it: what cached answers are keyed by. */
export interface RevisionCache {
  current(): Promise<number>
}

/**
 * On PGlite this process is the record's only writer (the data folder is locked), so the revision is read once and
 * again only after a write request; a PostgreSQL record may have other writers, so it is read each time (a cheap
 * query that does not queue behind the others, as PGlite's one connection would).
 */
export function revisionCache(app: FastifyInstance, db: Db): RevisionCache {
  let known: number | null = null
  // Raised by each write: a read that began before it must not keep the revision it saw.
  let writes = 0
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      writes++
      known = null
    }
  })
  return {
    async current() {
      if (db.engine === 'pglite' && known !== null) return known
      const seen = writes
      const rev = await revision(db.kysely)
      if (db.engine === 'pglite' && seen === writes) known = rev
      return rev
    },
  }
}

/** Answers kept per request URL while the revision stands; the oldest go first past `max` entries. */
export class AnswerCache {
  private answers = new Map<string, { revision: number; body: string }>()
  constructor(private readonly max = 5000) {}

  get(key: string, revision: number): string | undefined {
    const hit = this.answers.get(key)
    return hit?.revision === revision ? hit.body : undefined
  }

  set(key: string, revision: number, body: string): void {
    this.answers.delete(key)
    if (this.answers.size >= this.max) this.answers.delete(this.answers.keys().next().value!)
    this.answers.set(key, { revision, body })
  }
}
