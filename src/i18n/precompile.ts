// Build-time only (vite.config.ts): message modules become vue-i18n ASTs, so the page needs no message compiler.
import { baseCompile } from '@intlify/message-compiler'

/**
 * A message tree as JS source with every string as vue-i18n's AST (what its runtime formats without the
 * compiler); a message without placeholders is the short `s("text")`, most of them. Throws on a message
 * vue-i18n cannot parse, naming its key.
 */
export function compileMessages(messages: unknown, path: string): string {
  if (typeof messages === 'string') {
    const onError = (e: Error) => {
      throw new Error(`${path}: ${e.message} in ${JSON.stringify(messages)}`)
    }
    const ast = baseCompile(messages, { jit: true, minify: true, location: false, onError }).ast as unknown as { b: { t: number; s?: string } }
    return ast.b.t === 2 && typeof ast.b.s === 'string' ? `s(${JSON.stringify(ast.b.s)})` : JSON.stringify(ast)
  }
  if (Array.isArray(messages)) return `[${messages.map((m, i) => compileMessages(m, `${path}.${i}`)).join(',')}]`
  if (messages && typeof messages === 'object') return `{${Object.entries(messages).map(([k, m]) => `${JSON.stringify(k)}:${compileMessages(m, `${path}.${k}`)}`).join(',')}}`
  return JSON.stringify(messages)
}

/**
 * The module source of a precompiled message module: its default export compiled; with `lang`, only that
 * language of a feature's `{ zh, en }` (the other left empty, so the shape stays the same).
 */
export function precompiledModule(messages: Record<string, unknown>, path: string, lang?: 'zh' | 'en'): string {
  const kept = lang ? { zh: {}, en: {}, [lang]: messages[lang] } : messages
  return `const s = (s) => ({ t: 0, b: { t: 2, s } })\nexport default ${compileMessages(kept, path)}\n`
}
