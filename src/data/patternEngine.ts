import { RE2JS } from 're2js'

/**
 * A pattern from data, compiled by a linear-time engine (re2js): no cell can make it backtrack for minutes. This is
 * what the command line and the server use; the browser build swaps in patternEngine.browser.ts (vite.config.ts),
 * which keeps re2js's 47 KB off the first download.
 */
export function compilePattern(pattern: string): { test: (value: string) => boolean } {
  const re = RE2JS.compile(pattern)
  return { test: (value) => re.matches(value) }
}
