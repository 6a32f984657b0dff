import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileSourceFor, importBytes, toBatch, type ImportData } from '../data/import/importFile'
import { createMetrics, draftFor } from '../data/import/metrics'
import { toDataMessage } from '../data/import/problems'
import { packageTables } from '../data/import/writeCsv'
import { loadPackage } from '../data/load'
import { formatMessage } from '../data/messages'
import { toColumns } from '../domain/columnar'
import { mergeDataset } from '../domain/merge'
import messages from '../i18n/features/import'
import { fsReader } from './fsReader'

const USAGE = 'usage: npm run import -- FILE [--data DIR] [--out DIR] [--sheet NAME] [--create-metrics]'

/** `npm run import -- FILE`: checks a CSV/XLSX file against a package, prints located problems; exit 1 on any rejected row. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string', default: 'data' }, out: { type: 'string' }, sheet: { type: 'string' }, 'create-metrics': { type: 'boolean', default: false } },
  })
  if (positionals.length !== 1) return console.error(USAGE), 2
  const file = positionals[0]
  const dataDir = resolve(values.data)
  const pkg = await loadPackage(fsReader(dataDir))
  const now = new Date().toISOString()
  const id = `import-${now.replace(/\D/g, '').slice(0, 14)}`
  const data: ImportData = { ...pkg.dataset, existing: toColumns(pkg.dataset.observations), fileSource: fileSourceFor(basename(file), id, now) }
  const bytes = new Uint8Array(await readFile(file))
  let run = await importBytes(bytes, basename(file), data, { sheet: values.sheet })
  if (values['create-metrics'] && run.result.unknownMetrics.length > 0) {
    const drafts = Object.fromEntries(run.result.unknownMetrics.map((u) => [u.text, draftFor(u)]))
    run = await importBytes(bytes, basename(file), { ...data, created: createMetrics(drafts, pkg.dataset.metrics) }, { sheet: values.sheet, mapping: run.mapping })
  }
  const { result } = run
  for (const p of result.problems) console.log(`${p.level} ${formatMessage(toDataMessage(p, file, messages.en.problem))}`)
  const errors = result.problems.filter((p) => p.level === 'error').length
  const rejected = result.rowCount - result.observations.length
  console.log(`${file}: ${result.rowCount} rows, ${result.observations.length} accepted, ${rejected} rejected; ${errors} error(s), ${result.problems.length - errors} warning(s)${run.encoding ? `; read as ${run.encoding}` : ''}${run.sheet ? `; sheet ${run.sheet}` : ''}`)
  if (errors > 0) return 1
  if (values.out) await writePackage(resolve(values.out), dataDir, mergeDataset(pkg.dataset, [toBatch(run, id, now)]))
  return 0
}

/** Writes the merged package: the descriptor and report texts as they were, the four tables with the imported rows. */
async function writePackage(out: string, from: string, dataset: ReturnType<typeof mergeDataset>): Promise<void> {
  const files: Record<string, string> = { 'datapackage.json': await readFile(resolve(from, 'datapackage.json'), 'utf8'), ...packageTables(dataset) }
  for (const source of dataset.sources) if (source.file && dataset.reports[source.id] !== undefined) files[source.file] = dataset.reports[source.id]
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(resolve(out, name)), { recursive: true })
    await writeFile(resolve(out, name), text)
  }
  console.log(`wrote ${out}`)
}

process.exitCode = await main(process.argv.slice(2))
