import { describe, expect, it } from 'vitest'
import { loadPackage } from '@/data/load'
import { packagePathProblem } from '@/data/packagePath'
import { formatMessage } from '@/data/messages'
import { fixturePackage, fixtureTables } from '../fixtures/package'

describe(packagePathProblem, () => {
  it.each(['regions.csv', 'reports/r1.txt', 'a/b/c.csv', 'x..y.csv'])('accepts %s', (path) => {
    expect(packagePathProblem(path)).toBeNull()
  })

  it.each([
    ['../x.txt', 'leaves the package folder'],
    ['reports/../../x.txt', 'leaves the package folder'],
    ['..\\x.txt', 'leaves the package folder'],
    ['/etc/passwd', 'is absolute'],
    ['\\\\server\\share', 'is absolute'],
    ['C:\\x.txt', 'URL or a drive'],
    ['file:///etc/passwd', 'URL or a drive'],
    ['a\u0000.csv', 'control character'],
    ['', 'empty'],
    ['a'.repeat(300), 'longer than'],
  ])('refuses %j: %s', (path, why) => {
    expect(packagePathProblem(path)).toContain(why)
  })
})

describe('reading a package that names paths outside it', () => {
  /** A reader over the fixture package that records every path asked for. */
  function recordingReader(raw: ReturnType<typeof fixturePackage>) {
    const asked: string[] = []
    const files: Record<string, string | null> = { 'datapackage.json': raw.descriptor, ...raw.tables, ...raw.reports } as Record<string, string | null>
    return { asked, read: async (path: string) => (asked.push(path), files[path] ?? 'SECRET') }
  }

  it('reads no report file that leaves the folder, and says which row names it', async () => {
    const sources = fixtureTables().sources.map((s) => ({ ...s, file: '../secret.txt' }))
    const { asked, read } = recordingReader(fixturePackage({ sources }))
    const { messages } = await loadPackage(read)
    expect(asked).not.toContain('../secret.txt')
    expect(messages.map(formatMessage)).toContain('sources.csv:2: report file: the path "../secret.txt" leaves the package folder; it is not read')
  })

  it('reads no resource with an absolute path, and says so in the descriptor', async () => {
    const descriptor = fixturePackage().descriptor!.replace('"path": "regions.csv"', '"path": "/etc/passwd"')
    const { asked, read } = recordingReader(fixturePackage({ descriptor }))
    const { messages } = await loadPackage(read)
    expect(asked).not.toContain('/etc/passwd')
    expect(messages.map(formatMessage)).toContain('datapackage.json: resource regions: the path "/etc/passwd" is absolute: it must be relative to the package folder; it is not read')
  })
})
