import { memoryStore } from '@/data/persist'
import { useDatasetStore } from '@/stores/dataset'
import { useSessionStore } from '@/stores/session'
import { useUserDataStore } from '@/stores/userData'
import { packageUrl } from './useUrlSync'

/** Learns whether an office server is there; with one, the browser's own saved batches stay out of the shared view. */
export async function startAppMode(): Promise<void> {
  const session = useSessionStore()
  // Read before the address bar is synced with the filters, which drops keys it does not know.
  session.setupToken = new URLSearchParams(window.location.search).get('setup')
  if ((await session.detect()) === 'server') useUserDataStore().setStorage(memoryStore())
}

/** Reads the shared record again after a write, when it is what the page shows (not the demonstration package). */
export function reloadRecord(): Promise<void> {
  const data = useDatasetStore()
  return data.loadedKey === null ? data.refresh(packageUrl(null, true)) : Promise.resolve()
}

