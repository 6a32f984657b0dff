import { packageTables } from '@/data/import/writeCsv'
import type { Dataset } from '@/domain/types'
import descriptor from './descriptor.json'

/** The record as a data package: file path → text (datapackage.json, the four tables, the report texts). */
export function packageFiles(dataset: Dataset): Map<string, string> {
  const files = new Map<string, string>([['datapackage.json', JSON.stringify(descriptor, null, 2) + '\n']])
  for (const [name, text] of Object.entries(packageTables(dataset))) files.set(name, text)
  for (const source of dataset.sources) {
    const text = dataset.reports[source.id]
    // Report paths were checked on the way in (relative .txt, no `..`), so they stay inside the package.
    if (text !== undefined && source.file) files.set(source.file, text)
  }
  return files
}
