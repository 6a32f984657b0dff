import { afterAll, describe, expect, it, vi } from 'vitest'
import { createI18n, type I18nOptions } from 'petite-vue-i18n'
import { compileMessages, precompiledModule } from '@/i18n/precompile'

// The page's vue-i18n runs without its message compiler (vite.config.ts); so does this file.
vi.hoisted(() => {
  ;(globalThis as Record<string, unknown>).__INTLIFY_DROP_MESSAGE_COMPILER__ = true
})
afterAll(() => {
  ;(globalThis as Record<string, unknown>).__INTLIFY_DROP_MESSAGE_COMPILER__ = false
})

/** Evaluates a precompiled module's source the way the page would import it. */
const evaluate = (source: string) => new Function(source.replace('export default', 'return'))() as { zh: Record<string, unknown>; en: Record<string, unknown> }

const feature = {
  zh: { greet: '你好，{name}', apples: '没有苹果 | 一个苹果 | {count} 个苹果', plain: '导出图表' },
  en: { greet: 'Hello, {name}', apples: 'no apples | one apple | {count} apples', plain: 'Export chart' },
}

function translate(messages: Record<string, unknown>): (key: string, arg?: number | Record<string, string>) => string {
  const { t } = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': messages } as I18nOptions['messages'] }).global
  return (key, arg) => (typeof arg === 'number' ? t(key, arg) : t(key, arg ?? {}))
}

describe('precompiledModule', () => {
  it('renders an interpolation, a plural and a plain text without the runtime compiler', () => {
    const t = translate(evaluate(precompiledModule(feature, 'features/test.ts')).zh)
    expect(t('greet', { name: '菏泽' })).toBe('你好，菏泽')
    expect([0, 1, 5].map((n) => t('apples', n))).toEqual(['没有苹果', '一个苹果', '5 个苹果'])
    expect(t('plain')).toBe('导出图表')
  })

  it('is needed: an uncompiled message shows its placeholder unfilled without the compiler', () => {
    const t = translate({ greet: '你好，{name}' })
    expect(t('greet', { name: '菏泽' })).toBe('你好，{name}')
  })

  it('keeps only the language asked for, in the same { zh, en } shape', () => {
    const compiled = evaluate(precompiledModule(feature, 'features/test.ts', 'en'))
    expect(compiled.zh).toEqual({})
    expect(Object.keys(compiled.en)).toEqual(['greet', 'apples', 'plain'])
  })
})

describe('compileMessages', () => {
  it('names the key of a message vue-i18n cannot parse', () => {
    expect(() => compileMessages({ menu: { title: '联系 office@heze.gov.cn' } }, 'features/export.ts')).toThrow(/features\/export\.ts\.menu\.title/)
  })

  it('compiles every message file of the app', () => {
    const files = import.meta.glob<Record<string, unknown>>(['../../src/i18n/{zh-CN,en}.ts', '../../src/i18n/features/*.ts'], { eager: true, import: 'default' })
    expect(Object.keys(files).length).toBeGreaterThan(5)
    for (const [path, messages] of Object.entries(files)) expect(() => compileMessages(messages, path)).not.toThrow()
  })
})
