import { fixtureTables, REPORT } from '../../fixtures/package'
import { fileSourceFor, type ImportData } from '@/data/import/importFile'
import { validatePackage } from '@/data/validate'
import { toColumns } from '@/domain/columnar'
import { fixturePackage } from '../../fixtures/package'

/** The small fixture package as import data, with a file source for `name`. */
export function importData(overrides: Partial<ImportData> = {}, name = 'test.csv'): ImportData {
  const { dataset } = validatePackage(fixturePackage())
  return {
    regions: dataset.regions,
    metrics: dataset.metrics,
    sources: dataset.sources,
    reports: dataset.reports,
    existing: toColumns(dataset.observations),
    fileSource: fileSourceFor(name, 'import-1', '2026-11-29T10:00:00Z'),
    ...overrides,
  }
}

/** UTF-8 bytes of CSV lines. */
export const utf8 = (...lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n')

export { fixtureTables, REPORT }
