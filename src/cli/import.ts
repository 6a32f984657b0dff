import { lstat, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { appendBatch } from '../data/import/appendBatch'
import { fileSourceFor, importBytes, MAX_BYTES, toBatch, type ImportData } from '../data/import/importFile'
import { createMetrics, draftFor } from '../data/import/metrics'
import { toDataMessage } from '../data/import/problems'
import { withCsvFallback } from '../data/csv'
import { readPackage } from '../data/load'
import { formatMessage, type DataMessage } from '../data/messages'
import { validatePackage, type RawPackage } from '../data/validate'
import { toColumns } from '../domain/columnar'
import messages from '../i18n/features/import'
import { fsReader, packageFolderProblem } from './fsReader'
import { loadServerPackage, postBatch, serverTarget } from './serverClient'

const USAGE = 'usage: npm run import -- FILE [--data DIR [--out DIR] | --server URL [--token TOKEN]] [--sheet NAME] [--create-metrics]'
const printErrors = (list: DataMessage[]) => list.filter((m) => m.level === 'error').forEach((m) => console.error(`error ${formatMessage(m)}`))

/** `npm run import -- FILE`: checks a CSV/XLSX file against a package, prints located problems; exit 1 on any rejected row. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string', default: 'data' },
      server: { type: 'string' },
      token: { type: 'string' },
      out: { type: 'string' },
      sheet: { type: 'string' },
      'create-metrics': { type: 'boolean', default: false },
    },
  })
  if (positionals.length !== 1 || (values.server !== undefined && values.out !== undefined)) return console.error(USAGE), 2
  const file = positionals[0]
  const refusal =
    (await notAFile(file)) ?? (values.server === undefined ? await packageFolderProblem(values.data) : null) ?? (values.out !== undefined ? await outTaken(values.out) : null)
  if (refusal) return console.error(`error ${refusal}`), 1
  const dataDir = resolve(values.data)
  // With --server the rows are checked against the shared record, and an accepted file is added to it.
  const target = serverTarget(values.server, values.token)
  const raw = target ? null : await readPackage(fsReader(dataDir))
  const pkg = raw ? await withCsvFallback(() => validatePackage(raw)) : await loadServerPackage(target!)
  // Written out, a base row the validator rejects would be dropped or fail the new package: refuse instead.
  const baseErrors = pkg.messages.filter((m) => m.level === 'error')
  if (values.out !== undefined && baseErrors.length > 0) {
    printErrors(baseErrors)
    return console.error(`error ${values.data}: the package has ${baseErrors.length} error(s); fix them first: nothing written`), 1
  }
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
  if (target) {
    const count = await postBatch(target, toBatch(run, id, now), { name: basename(file), bytes })
    console.log(`added ${count} figures to ${target.url}`)
  }
  if (values.out === undefined || !raw) return 0
  const merged = appendBatch(raw, toBatch(run, id, now))
  const check = await withCsvFallback(() => validatePackage(merged))
  if (check.messages.some((m) => m.level === 'error')) {
    printErrors(check.messages)
    return console.error(`error ${values.out}: the merged package would not validate: nothing written`), 1
  }
  await writePackage(resolve(values.out), merged)
  console.log(`wrote ${values.out}`)
  return 0
}

/** Why FILE cannot be imported (missing, a folder, larger than the importer reads), or null. */
async function notAFile(file: string): Promise<string | null> {
  try {
    const info = await stat(file)
    if (!info.isFile()) return `${file}: is not a file: a CSV or XLSX file is expected`
    // Refused before reading: a file of gigabytes would fill the memory before importBytes could say it is too big.
    return info.size > MAX_BYTES ? `${file}: larger than ${MAX_BYTES >> 20} MiB, which the importer reads at most` : null
  } catch {
    return `${file}: no such file`
  }
}

/** Why --out cannot be written (it exists: a package is never written over; the folder to hold it does not), or null. */
async function outTaken(out: string): Promise<string | null> {
  try {
    await lstat(out)
    return `${out}: already exists: give a new folder for the merged package; nothing written`
  } catch {
    const parent = await stat(dirname(resolve(out))).catch(() => null)
    return parent?.isDirectory() ? null : `${out}: the folder ${dirname(out)} does not exist: create it first; nothing written`
  }
}

/** Writes the package into a new folder beside `out`, then renames it into place: all of it or nothing. */
async function writePackage(out: string, raw: RawPackage): Promise<void> {
  const files: [string, string | Uint8Array][] = [['datapackage.json', raw.descriptor ?? '']]
  for (const [name, text] of [...Object.entries(raw.tables), ...Object.entries(raw.reports)]) if (text !== null) files.push([name, text])
  const tmp = await mkdtemp(resolve(dirname(out), `.${basename(out)}-`))
  try {
    for (const [name, text] of files) {
      const target = resolve(tmp, name)
      const inside = relative(tmp, target)
      if (inside.startsWith('..') || isAbsolute(inside)) throw new Error(`${name}: outside the package folder`)
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, text)
    }
    await rename(tmp, out)
  } catch (e) {
    await rm(tmp, { recursive: true, force: true })
    throw e
  }
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (e) {
  // A failure of the machine (disk full, no permission) or of the arguments: one line, no stack trace.
  console.error(`error ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
}
