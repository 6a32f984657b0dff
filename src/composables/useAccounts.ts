import { ref, shallowRef } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import type { ApiError, SessionUser } from '@/data/api'
import { useSessionStore } from '@/stores/session'
import { useRefusal } from './useRefusal'

/** An account as GET /api/users lists it. */
export type Account = SessionUser & { disabled?: boolean; createdAt?: string }
/** What an administrator changes of an account: PATCH /api/users/:id. */
export type AccountChange = Partial<{ role: SessionUser['role']; regions: string[]; disabled: boolean; password: string }>
export interface AccountMessage {
  ok: boolean
  text: string
}

/** 用户管理: the accounts, creating and changing them, and the last outcome in words (the server's reason on a refusal). */
export function useAccounts() {
  const session = useSessionStore()
  const { t } = useI18n()
  const refused = useRefusal()
  const users = shallowRef<Account[]>([])
  const message = ref<AccountMessage | null>(null)

  async function load(): Promise<void> {
    const answer = await session.send<Account[]>('api/users')
    users.value = answer.ok && Array.isArray(answer.body) ? answer.body : []
  }

  async function create(account: { username: string; password: string; role: SessionUser['role']; regions: string[] }): Promise<boolean> {
    const name = account.username
    const answer = await session.send<ApiError | null>('api/users', 'POST', account)
    if (answer.ok) message.value = { ok: true, text: t('accounts.userCreated', { name }) }
    else if (answer.status === 409) message.value = { ok: false, text: t('accounts.userExists', { name }) }
    else message.value = { ok: false, text: t('accounts.userRefused', { error: refused.error(answer.body, answer.status) }) }
    if (answer.ok) await load()
    return answer.ok
  }

  /** Sends a change; the message names what was done (`done`: a key of accounts.*) or why it was refused. */
  async function update(user: Account, change: AccountChange, done: string): Promise<boolean> {
    const answer = await session.send<ApiError | null>(`api/users/${user.id}`, 'PATCH', change)
    const name = user.username
    message.value = answer.ok ? { ok: true, text: t(`accounts.${done}`, { name }) } : { ok: false, text: t('accounts.updateRefused', { name, error: refused.error(answer.body, answer.status) }) }
    if (answer.ok) await load()
    return answer.ok
  }

  return { users, message, load, create, update }
}
