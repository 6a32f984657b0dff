import { describe, expect, it } from 'vitest'
import { compilePattern } from '@/data/patternEngine.browser'
import { backtrackingRisk } from '@/data/patternRisk'

describe(backtrackingRisk, () => {
  it.each(['[0-9]{6}([0-9]{3}([0-9]{3})?)?', '[a-z][a-z0-9_]*', 'sum|none|ratio:[a-z][a-z0-9_]*/[a-z][a-z0-9_]*', '(ab)+', '[(+*)]+'])(
    'lets %s through: it cannot backtrack badly',
    (pattern) => expect(backtrackingRisk(pattern)).toBeNull(),
  )

  it.each(['(a+)+$', '(a|a)*', '(a|b)*c', '(x*y*)+', '(a{2,})*', '(a+){2,9}', '(a)\\1', '(?=a)a', '(?<!a)b'])('refuses %s', (pattern) => {
    expect(backtrackingRisk(pattern)).not.toBeNull()
  })
})

describe('the browser pattern engine', () => {
  it('matches a whole cell, as a Table Schema pattern does', () => {
    const code = compilePattern('[0-9]{6}([0-9]{3}([0-9]{3})?)?')
    expect(['371726', '371726001', '371726001001'].map(code.test)).toEqual([true, true, true])
    expect(['37172', '371726x', 'x371726'].map(code.test)).toEqual([false, false, false])
  })

  it('refuses the pattern that took a backtracking engine a minute on a 34-character cell', () => {
    expect(() => compilePattern('(a+)+$')).toThrow(/backtrack/)
  })
})
