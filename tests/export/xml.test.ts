import { describe, expect, it } from 'vitest'
import { xmlProblem } from './xml'

describe(xmlProblem, () => {
  it('accepts well-formed XML and rejects the usual breakages', () => {
    expect(xmlProblem('<?xml version="1.0"?><a x="1"><b/>文&amp;字<c:v>3</c:v></a>')).toBeNull()
    expect(xmlProblem('<a><b></a>')).toMatch(/wrong element/)
    expect(xmlProblem('<a>x & y</a>')).toMatch(/entity/)
    expect(xmlProblem('<a x=1></a>')).toMatch(/stray/)
    expect(xmlProblem('<a x="1" x="2"/>')).toMatch(/duplicate/)
    expect(xmlProblem('<a/><b/>')).toMatch(/second root/)
    expect(xmlProblem('<a>')).toMatch(/never closed/)
  })
})
