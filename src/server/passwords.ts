import { readFileSync } from 'node:fs'
import type { RefusalCode } from '@/domain/refusal'

/** The 10 000 most common passwords (scripts/gen-passwords.ts says where they come from), lower-cased. */
const COMMON = new Set(readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8').split('\n').map((p) => p.trim().toLowerCase()).filter(Boolean))

/** Why a password may not be used (null when it may): too short, one of the most common, or the user's own name. */
export function passwordProblem(password: string, username: string): RefusalCode | null {
  if ([...password].length < 10) return 'passwordShort'
  if (COMMON.has(password.toLowerCase())) return 'passwordCommon'
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'passwordHasName'
  return null
}
