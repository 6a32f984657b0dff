import { backtrackingRisk } from './patternRisk'

/**
 * The browser's pattern engine: the page's own RegExp, for patterns that cannot backtrack badly (see
 * `backtrackingRisk`); any other pattern is refused, so a hostile descriptor cannot freeze the page either.
 */
export function compilePattern(pattern: string): { test: (value: string) => boolean } {
  const risk = backtrackingRisk(pattern)
  if (risk) throw new Error(risk)
  const re = new RegExp(`^(?:${pattern})$`, 'u')
  return { test: (value) => re.test(value) }
}
