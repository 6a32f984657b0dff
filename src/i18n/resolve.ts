import type { MessageResolver } from 'petite-vue-i18n'

/**
 * Finds a message by its dotted key (`chart.capped`, `import.field.metric`). Our keys are plain names, never quoted
 * or indexed, so a walk down the nested objects does what vue-i18n's general path parser (`resolveValue`, ~1 KB gzip
 * of the first download) does for them; tests/i18n compares the two on every key.
 */
export const resolveDotted: MessageResolver = (messages, key) => {
  let node: unknown = messages
  for (const name of key.split('.')) {
    if (node === null || typeof node !== 'object') return null
    node = (node as Record<string, unknown>)[name]
  }
  return (node ?? null) as ReturnType<MessageResolver>
}
