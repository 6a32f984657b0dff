import { describe, expect, it } from 'vitest'
import { formatMessage } from '@/data/messages'
import { validatePackage } from '@/data/validate'
import { DESCRIPTOR, fixturePackage } from '../fixtures/package'

/** The error lines of validating the fixture package under another descriptor. */
function errorsWith(descriptor: string): string[] {
  return validatePackage(fixturePackage({ descriptor })).messages.filter((m) => m.level === 'error').map(formatMessage)
}

/** The real descriptor with `change` applied to its parsed JSON. */
function edited(change: (json: { resources: Record<string, unknown>[] & { schema: { fields: { constraints?: object }[] } }[] }) => void): string {
  const json = JSON.parse(DESCRIPTOR)
  change(json)
  return JSON.stringify(json)
}

describe('the package descriptor', () => {
  it.each([
    ['null', 'datapackage.json: expected object, received null'],
    ['[]', 'datapackage.json: expected object, received array'],
    ['"x"', 'datapackage.json: expected object, received string'],
    ['{}', 'datapackage.json: resources: is missing'],
  ])('refuses %s with a located message', (descriptor, message) => {
    expect(errorsWith(descriptor)).toEqual([message])
  })

  it('refuses a schema without fields, naming the resource', () => {
    const descriptor = edited((json) => delete (json.resources[1].schema as { fields?: unknown }).fields)
    expect(errorsWith(descriptor)).toEqual(['datapackage.json: resources[1].schema.fields: is missing'])
  })

  it('refuses a pattern that cannot be compiled, naming the field', () => {
    const descriptor = edited((json) => (json.resources[0].schema.fields[0].constraints = { pattern: '(\\d' }))
    expect(errorsWith(descriptor)).toEqual([expect.stringMatching(/^datapackage\.json: resources\[0\]\.schema\.fields\[0\]\.constraints\.pattern: cannot be compiled \(.*missing closing \)/)])
  })

  it.each(['(a)\\1', '(?=a)a'])('refuses %s, which only a backtracking engine runs', (pattern) => {
    const descriptor = edited((json) => (json.resources[0].schema.fields[0].constraints = { pattern }))
    expect(errorsWith(descriptor)).toEqual([expect.stringContaining('constraints.pattern: cannot be compiled')])
  })

  it('checks cells against a pattern over the whole cell', () => {
    const descriptor = edited((json) => (json.resources[0].schema.fields[0].constraints = { pattern: '3717\\d\\d' }))
    const regions = [{ code: '3717260', name: '鄄城县', level: 'county', parent: '', aliases: '' }]
    const errors = validatePackage(fixturePackage({ descriptor, regions })).messages.map(formatMessage)
    expect(errors).toContain('regions.csv:2: code "3717260" does not match 3717\\d\\d')
  })

  it('refuses a second observations resource rather than dropping it silently', () => {
    const descriptor = edited((json) => json.resources.push({ ...json.resources[3], path: 'observations-2.csv' }))
    expect(errorsWith(descriptor)).toContain('datapackage.json: resource observations is listed 2 times: a package has one; none of them is read')
  })
})
