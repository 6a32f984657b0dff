/**
 * Why a regular expression might backtrack for a long time, or null when it cannot: back-references and look-arounds
 * are refused, and so is a repeated group (`*`, `+`, `{n,}`, `{n,m}` with m > 1) that holds a quantifier or an
 * alternation — the shapes of (a+)+ and (a|a)*. A conservative screen: it refuses some harmless patterns.
 */
export function backtrackingRisk(pattern: string): string | null {
  if (/\\[1-9]|\\k</.test(pattern)) return 'back-references are not allowed in a pattern'
  if (/\(\?<?[=!]/.test(pattern)) return 'look-arounds are not allowed in a pattern'
  // One entry per open group: whether its body holds a quantifier or an alternation.
  const stack: boolean[] = []
  let busy = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '[') {
      // A character class is one atom: skip to its end.
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++
      continue
    }
    if (c === '(') {
      stack.push(busy)
      busy = false
      continue
    }
    if (c === '|') busy = true
    const repeat = quantifierAt(pattern, i)
    if (c === ')') {
      const inner = busy
      busy = stack.pop() ?? false
      const after = quantifierAt(pattern, i + 1)
      if (after && after.repeats && inner) return 'a repeated group holds another quantifier or an alternation, which can backtrack for minutes'
      if (after) busy = true
      continue
    }
    if (repeat) busy = true
  }
  return null
}

/** The quantifier starting at `i`, if any, and whether it repeats (more than once). */
function quantifierAt(pattern: string, i: number): { repeats: boolean } | null {
  const c = pattern[i]
  if (c === '*' || c === '+') return { repeats: true }
  if (c === '?') return { repeats: false }
  const m = /^\{(\d*)(,(\d*))?\}/.exec(pattern.slice(i, i + 24))
  if (!m) return null
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])
  return { repeats: max > 1 }
}
