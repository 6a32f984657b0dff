/** An account as the server names it. */
export interface SessionUser {
  id: number
  username: string
  role: 'viewer' | 'editor' | 'admin'
  /** An editor's regions (codes): they write figures of these and of everything below them. */
  regions?: string[]
  /** Set after a reset: every other call answers 403 until the password is changed. */
  mustChangePassword?: boolean
}

/** GET/POST /api/session: who is signed in, and the token every write must carry. */
export interface SessionInfo {
  user: SessionUser | null
  csrfToken: string | null
}

/** A refusal the server located: `observations[3].quote` and what is wrong there. */
export interface ApiProblem {
  path: string
  message: string
  /** Why, as a code the app words in the reader's language (src/i18n/features/refusal.ts), with its values. */
  code?: string
  params?: Record<string, string | number>
}

/** An answer of the API: its status and JSON body (null when it had none). */
export interface ApiAnswer<T> {
  ok: boolean
  status: number
  body: T
}

/** An error body of the API: a message, located problems, and (on 409) the figure as it now stands. */
export interface ApiError {
  error?: string
  /** The reason as a code the app words in the reader's language, with its values. */
  code?: string
  params?: Record<string, string | number>
  problems?: ApiProblem[]
  current?: unknown
}

/**
 * Calls the API on this origin with a JSON body; a write carries `csrf`. Never throws: a network failure answers
 * status 0, a body that is not JSON answers null.
 */
export async function callApi<T>(path: string, init: { method?: string; body?: unknown; csrf?: string | null; signal?: AbortSignal } = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  if (init.csrf) headers['x-csrf-token'] = init.csrf
  try {
    const response = await fetch(new URL(path, document.baseURI), {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      signal: init.signal,
    })
    const text = await response.text()
    let body: unknown = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = null
    }
    return { ok: response.ok, status: response.status, body: body as T }
  } catch {
    return { ok: false, status: 0, body: null as T }
  }
}

/** What GET api/health says of the server. */
export interface Health {
  ok: true
  readRequiresLogin?: boolean
}

/** The office server's health when the page is served by one (GET api/health answers `{ ok: true }` within `timeoutMs`), else null. */
export async function hasServer(timeoutMs = 2000): Promise<Health | null> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    // The static build ships its own api/health (public/api/health, `ok: false`), so a static host answers 200 and the
    // console stays clean; a host without it answers 404 or its index.html: none of them is `{ ok: true }`.
    const answer = await callApi<{ ok?: unknown; readRequiresLogin?: boolean } | null>('api/health', { signal: controller.signal })
    return answer.ok && answer.body?.ok === true ? (answer.body as Health) : null
  } finally {
    clearTimeout(timer)
  }
}

/** A figure as the record holds it (GET /api/observations): the package's fields plus id, status and version. */
export interface StoredFigure {
  id: string
  metric: string
  region: string
  period: string
  value: number
  qualifier: '=' | '>=' | '~' | '<='
  source: string
  quote: string
  status: 'active' | 'withdrawn'
  version: number
}
