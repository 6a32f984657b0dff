import { createHash } from 'node:crypto'
import { fetchReader, loadPackage } from '../data/load'
import type { ValidatedPackage } from '../data/validate'
import type { UserBatch } from '../domain/types'

/** A shared-record server as the command line reaches it: its URL and a personal API token (HEZE_TOKEN). */
export interface ServerTarget {
  url: string
  token: string
}

/** The target from `--server` and `--token` (or HEZE_TOKEN, kept out of the shell's history); null without `--server`. */
export function serverTarget(server: string | undefined, token: string | undefined): ServerTarget | null {
  if (!server) return null
  const url = new URL(server).origin
  const secret = token ?? process.env.HEZE_TOKEN
  if (!secret) throw new Error('--server needs an API token: --token TOKEN or HEZE_TOKEN (create one in the app, 用户 → API 令牌)')
  return { url, token: secret }
}

/** The record as the server publishes it (/api/package/), validated like any package. */
export function loadServerPackage(target: ServerTarget): Promise<ValidatedPackage> {
  return loadPackage(fetchReader(`${target.url}/api/package/`))
}

/** Sends one batch; resolves to the server's count, or throws with every located problem the server gave. */
export async function postBatch(target: ServerTarget, batch: UserBatch, file?: { name: string; bytes: Uint8Array }): Promise<number> {
  const body = {
    kind: batch.kind,
    name: batch.name.slice(0, 300),
    ...(file && { fileName: file.name.slice(0, 300), sha256: createHash('sha256').update(file.bytes).digest('hex') }),
    observations: batch.observations,
    sources: batch.sources,
    metrics: batch.metrics,
    reports: batch.reports,
  }
  const response = await fetch(`${target.url}/api/batches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
    body: JSON.stringify(body),
  })
  const answer = (await response.json().catch(() => ({}))) as { count?: number; error?: string; problems?: { path: string; message: string }[] }
  if (response.status === 201) return answer.count ?? 0
  const problems = (answer.problems ?? []).map((p) => `  ${p.path}: ${p.message}`)
  throw new Error([`the server refused the batch (${response.status}): ${answer.error ?? response.statusText}`, ...problems].join('\n'))
}
