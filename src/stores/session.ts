import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { callApi, hasServer, type ApiAnswer, type ApiError, type SessionInfo, type SessionUser } from '@/data/api'

/** Why signing in failed: 401 wrong credentials, 403 a spent setup link, 400 a name or password that does not qualify, 0 no answer. */
export interface SignInRefusal {
  status: number
  detail: string
  /** The reason's code and values, which the form words in the reader's language. */
  code?: string
  params?: Record<string, string | number>
}

/** How the page runs: not known yet, from plain files (static), or over the office server's shared record. */
export type AppMode = 'unknown' | 'static' | 'server'

/** Whether the page has a server, who is signed in there, and the CSRF token that every write of theirs carries. */
export const useSessionStore = defineStore('session', () => {
  const mode = ref<AppMode>('unknown')
  const user = shallowRef<SessionUser | null>(null)
  const csrf = ref<string | null>(null)
  /** The one-time token of the link `npm start` prints (`?setup=…`), until the first administrator is made with it. */
  const setupToken = ref<string | null>(null)
  /** The server reads its record only to signed-in accounts (READ_REQUIRES_LOGIN). */
  const readRequiresLogin = ref(false)
  /** Editors and administrators write to the record; viewers and anonymous readers only read. */
  const canWrite = computed(() => user.value?.role === 'editor' || user.value?.role === 'admin')
  const isAdmin = computed(() => user.value?.role === 'admin')

  function take(info: SessionInfo | null): void {
    user.value = info?.user ?? null
    csrf.value = info?.csrfToken ?? null
  }

  /** Asks api/health once; with a server, also who is signed in. */
  async function detect(timeoutMs?: number): Promise<AppMode> {
    const health = await hasServer(timeoutMs)
    mode.value = health ? 'server' : 'static'
    readRequiresLogin.value = health?.readRequiresLogin === true
    if (mode.value === 'server') take((await callApi<SessionInfo>('api/session')).body)
    return mode.value
  }

  /** Signs in (or, while `setupToken` is set, creates the first administrator); null, or the refusal's status and message. */
  async function signIn(username: string, password: string): Promise<SignInRefusal | null> {
    const token = setupToken.value
    const answer = token
      ? await callApi<SessionInfo & ApiError>('api/setup', { method: 'POST', body: { token, username, password } })
      : await callApi<SessionInfo & ApiError>('api/session', { method: 'POST', body: { username, password } })
    if (!answer.ok) return { status: answer.status, detail: answer.body?.error ?? `HTTP ${answer.status}`, code: answer.body?.code, params: answer.body?.params }
    take(answer.body)
    setupToken.value = null
    return null
  }

  async function signOut(): Promise<void> {
    await callApi('api/session', { method: 'DELETE', csrf: csrf.value })
    take(null)
  }

  /** A call to the API as the signed-in user: writes carry the CSRF token; a 401 means the session ended (idle), so the header offers 登录 again. */
  async function send<T>(path: string, method = 'GET', body?: unknown): Promise<ApiAnswer<T>> {
    const answer = await callApi<T>(path, { method, body, csrf: method === 'GET' ? null : csrf.value })
    if (answer.status === 401) take(null)
    return answer
  }

  return { mode, user, csrf, setupToken, readRequiresLogin, canWrite, isAdmin, detect, signIn, signOut, send }
})
