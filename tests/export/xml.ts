/**
 * A small, strict XML well-formedness check (no DTDs): one root, every tag closed in order, attributes quoted
 * and unique, only the five predefined or numeric entities, no stray `<` or `&`. Returns the first problem or null.
 */
export function xmlProblem(xml: string): string | null {
  const text = xml.replace(/^\uFEFF/, '').replace(/^<\?xml[^?]*\?>/, '')
  const stack: string[] = []
  let roots = 0
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g
  for (const m of text.matchAll(token)) {
    const [, close, name, attrs, selfClose, chars, stray] = m
    if (stray) return `stray < at ${m.index}: ${text.slice(m.index, m.index + 40)}`
    if (chars !== undefined) {
      if (stack.length === 0 && chars.trim()) return `text outside the root at ${m.index}`
      const bad = chars.match(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/)
      if (bad) return `bad entity at ${m.index + bad.index!}`
      continue
    }
    if (!name) continue
    if (close) {
      if (stack.pop() !== name) return `</${name}> closes the wrong element at ${m.index}`
      continue
    }
    const names = [...(attrs ?? '').matchAll(/([A-Za-z_][\w.:-]*)\s*=/g)].map((a) => a[1])
    if (new Set(names).size !== names.length) return `duplicate attribute in <${name}> at ${m.index}`
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(attrs ?? '')) return `bad entity in <${name}> attributes`
    if (stack.length === 0 && ++roots > 1) return `second root <${name}>`
    if (!selfClose) stack.push(name)
  }
  return stack.length ? `<${stack[stack.length - 1]}> never closed` : roots === 1 ? null : 'no root element'
}
