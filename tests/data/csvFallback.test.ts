import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fixturePackage, fixtureTables, toCsv } from '../fixtures/package'

// Fresh modules per test: tests/setup.ts loads papaparse up front, as the page does not.
beforeEach(() => vi.resetModules())
const freshCsv = () => import('@/data/csv')
const freshLoad = () => import('@/data/load')

const irregular = 'a,b\n"open,x\n'

describe('papaparse on demand', () => {
  it('reads well-formed CSV without papaparse, and says so when an irregular file needs it', async () => {
    const { parseCsv, CsvFallbackMissing, loadCsvFallback } = await freshCsv()
    expect(parseCsv('a,b\n1,"x,y"\n').rows.map((r) => r.values)).toEqual([{ a: '1', b: 'x,y' }])
    expect(() => parseCsv(irregular)).toThrow(CsvFallbackMissing)
    await loadCsvFallback()
    expect(parseCsv(irregular).problems.map((p) => p.message)).toContain('Quoted field unterminated')
  })

  it('loads it when a package has an irregular file, and keeps papaparse’s located message', async () => {
    const { loadPackageColumns } = await freshLoad()
    const observations = `${toCsv(fixtureTables().observations)}activities,371726,2024,5,=,r1,"500余次\n`
    const raw = fixturePackage({ observations })
    const read = async (path: string) => (path === 'datapackage.json' ? raw.descriptor : (raw.tables[path] ?? raw.reports[path] ?? null))
    const { messages, columns } = await loadPackageColumns(read)
    expect(messages.some((m) => m.file === 'observations.csv' && m.message.includes('Quoted field unterminated'))).toBe(true)
    expect(columns.value.length).toBeGreaterThan(0)
  })
})
