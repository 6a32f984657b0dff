import { resolveValue } from '@intlify/core-base'
import { describe, expect, it } from 'vitest'
import en from '@/i18n/en'
import { resolveDotted } from '@/i18n/resolve'
import zh from '@/i18n/zh-CN'

// Every message key of the UI, features included: `chart.capped`, `import.field.metric`…
const features = import.meta.glob<{ default: { zh: object; en: object } }>('../../src/i18n/features/*.ts', { eager: true })
const messages = {
  zh: { ...zh, ...Object.fromEntries(Object.entries(features).map(([p, m]) => [p.replace(/^.*\/|\.ts$/g, ''), m.default.zh])) },
  en: { ...en, ...Object.fromEntries(Object.entries(features).map(([p, m]) => [p.replace(/^.*\/|\.ts$/g, ''), m.default.en])) },
}

function keys(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object') return [prefix]
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe(resolveDotted, () => {
  it('finds every key of both languages as vue-i18n’s path resolver does', () => {
    for (const tree of [messages.zh, messages.en]) {
      const all = keys(tree)
      expect(all.length).toBeGreaterThan(300)
      for (const key of all) expect(resolveDotted(tree, key), key).toBe(resolveValue(tree, key))
    }
  })

  it('gives null for a missing key, a key under a message, and a namespace’s missing child', () => {
    expect(resolveDotted(messages.zh, 'chart.nope')).toBeNull()
    expect(resolveDotted(messages.zh, 'nope.chart')).toBeNull()
    expect(resolveDotted(messages.zh, 'chart.target.value')).toBeNull()
    expect(resolveDotted(messages.zh, 'chart')).toBe(resolveValue(messages.zh, 'chart'))
  })
})
