/**
 * npm run extract -- [--date YYYY-MM-DD] [--format jsonl|csv] [FILE ...]
 * Prints the candidate figures of each report (stdin when no file), one per line.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import Papa from 'papaparse'
import { loadCsvFallback, parseCsv } from '../data/csv'
import { formatMessage } from '../data/messages'
import { checkVillages, VILLAGES_FILE } from '../data/villages'
import type { Aggregate, Metric, MetricKind, Region, RegionLevel, Temporal } from '../domain/types'
import { extractReport, type ExtractNote, type Figure } from '../extract/extract'

const ROOT = resolve(import.meta.dirname, '../..')
// The catalogue loaders below parse synchronously; any file the fast scanner declines needs papaparse loaded.
await loadCsvFallback()

/** Regions of data/regions.csv (or the given file). */
/** The regions of data/regions.csv with the villages and communities of data/villages.csv: what the extractor names places by. */
export function loadGazetteer(dir = resolve(ROOT, 'data')): Region[] {
  const regions = loadRegions(resolve(dir, 'regions.csv'))
  const villagesFile = resolve(dir, VILLAGES_FILE)
  if (!existsSync(villagesFile)) return regions
  const { villages, messages } = checkVillages(readFileSync(villagesFile, 'utf8'), regions)
  if (messages.length) throw new Error(`${villagesFile}: ${messages.length} bad row(s), e.g. ${formatMessage(messages[0])}`)
  return [...regions, ...villages]
}

export function loadRegions(file = resolve(ROOT, 'data/regions.csv')): Region[] {
  return parseCsv(readFileSync(file, 'utf8')).rows.map(({ values: v }) => ({
    code: v.code,
    name: v.name,
    level: v.level as RegionLevel,
    parent: v.parent || null,
    aliases: splitList(v.aliases),
  }))
}

/** Metrics of data/metrics.csv (or the given file). */
export function loadMetrics(file = resolve(ROOT, 'data/metrics.csv')): Metric[] {
  return parseCsv(readFileSync(file, 'utf8')).rows.map(({ values: v }) => ({
    id: v.id,
    name: v.name,
    nameEn: v.name_en ?? '',
    unit: v.unit,
    kind: v.kind as MetricKind,
    temporal: v.temporal as Temporal,
    aggregate: parseAggregate(v.aggregate ?? ''),
    category: v.category ?? '',
    definition: v.definition ?? '',
    aliases: splitList(v.aliases),
    target: v.target ? Number(v.target) : null,
  }))
}

function splitList(s: string | undefined): string[] {
  return (s ?? '').split('|').map((x) => x.trim()).filter(Boolean)
}

function parseAggregate(s: string): Aggregate {
  const m = /^ratio:([^/]+)\/(.+)$/.exec(s)
  if (m) return { kind: 'ratio', numerator: m[1], denominator: m[2] }
  return s === 'sum' ? { kind: 'sum' } : { kind: 'none' }
}

/** A report date from a file name such as heze-daily-2025-01.txt, if it carries one. */
export function dateFromName(name: string): string | null {
  const m = /(\d{4}-\d{2}(?:-\d{2})?)(?!\d)/.exec(basename(name))
  return m ? m[1] : null
}

const COLUMNS: (keyof Figure)[] = [
  'value', 'value_max', 'unit', 'qualifier', 'quote', 'start', 'end', 'region', 'region_code', 'period',
  'metric', 'metric_name', 'suggested_name', 'confidence', 'flags',
]

/** Free-text cells that begin with = + - @ get a leading ' so spreadsheets do not run them; qualifiers stay as they are. */
function csvCell(column: keyof Figure, value: unknown): string {
  const s = value === undefined || value === null ? '' : Array.isArray(value) ? value.join('；') : String(value)
  return column !== 'qualifier' && typeof value === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : s
}

interface Options {
  date: string | null
  format: 'jsonl' | 'csv'
  files: string[]
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { date: null, format: 'jsonl', files: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--date') opts.date = argv[++i] ?? ''
    else if (a.startsWith('--date=')) opts.date = a.slice(7)
    else if (a === '--format') opts.format = argv[++i] as Options['format']
    else if (a.startsWith('--format=')) opts.format = a.slice(9) as Options['format']
    else if (a === '--help' || a === '-h') usage(0)
    else if (a.startsWith('--')) fail(`unknown option ${a}`)
    else opts.files.push(a)
  }
  if (opts.format !== 'jsonl' && opts.format !== 'csv') fail(`--format must be jsonl or csv, got "${opts.format}"`)
  if (opts.date !== null && !/^\d{4}(-\d{2}){0,2}$/.test(opts.date)) fail(`--date must be YYYY, YYYY-MM or YYYY-MM-DD, got "${opts.date}"`)
  return opts
}

function usage(code: number): never {
  console.log('usage: npm run extract -- [--date YYYY-MM-DD] [--format jsonl|csv] [FILE ...]  (stdin when no file)')
  process.exit(code)
}

function fail(message: string): never {
  console.error(`extract: ${message}`)
  process.exit(1)
}

/** Each note as a line for the user, located by line and character of the text (notes come sorted by start). */
export function describeNotes(text: string, notes: ExtractNote[]): string[] {
  let line = 1
  let at = 0
  return notes.map((n) => {
    for (; at < n.start; at++) if (text.charCodeAt(at) === 10) line++
    const where = `line ${line}, characters ${n.start + 1}–${n.end}`
    return n.kind === 'too-many-figures'
      ? `${where}: not read, the report holds more than ${n.max} figures; split it and read each part`
      : `${where}: ${n.length} characters without a sentence end (。！？；), read in pieces of ${n.max}; a figure whose words cross a cut may be missed or read short`
  })
}

/** The largest report read, in bytes: a whole year of a daily paper's text is a few MB. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024

function readInput(file: string | null): string {
  // A folder, a device such as /dev/zero or a huge file is refused before reading: readFileSync would never end.
  if (file !== null) {
    const info = statSync(file, { throwIfNoEntry: false })
    if (!info) fail(`cannot read ${file}: no such file`)
    if (!info.isFile()) fail(`cannot read ${file}: not a regular file`)
    if (info.size > MAX_INPUT_BYTES) fail(`cannot read ${file}: larger than ${MAX_INPUT_BYTES >> 20} MiB`)
  }
  try {
    const buf = readFileSync(file ?? 0)
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf)
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = e instanceof TypeError ? 'not valid UTF-8 text' : code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'not readable'
    fail(`cannot read ${file ?? 'standard input'}: ${why}`)
  }
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2))
  let regions: Region[]
  let metrics: Metric[]
  try {
    regions = loadGazetteer()
    metrics = loadMetrics()
  } catch (e) {
    fail(`cannot load data/regions.csv, data/villages.csv or data/metrics.csv: ${(e as Error).message}`)
  }
  const inputs = opts.files.length ? opts.files : [null]
  // Every file is read before anything is printed, so a refused file leaves no partial output.
  const found: { file: string | null; figures: Figure[] }[] = []
  for (const file of inputs) {
    const text = readInput(file)
    const date = opts.date ?? (file && dateFromName(file))
    if (!date) fail(`no report date for ${file ?? 'standard input'}: pass --date YYYY-MM-DD`)
    try {
      const result = extractReport(text, { date, regions, metrics })
      found.push({ file, figures: result.figures })
      for (const line of describeNotes(text, result.notes)) console.error(`extract: ${file ?? 'standard input'}: ${line}`)
    } catch {
      fail(`cannot extract figures from ${file ?? 'standard input'}: the text is not one the extractor can read`)
    }
  }
  // Written a few thousand lines at a time: half a million figures as one string took most of a gigabyte.
  let rows: string[] = opts.format === 'csv' ? [(inputs.length > 1 ? 'file,' : '') + COLUMNS.join(',')] : []
  const flush = () => {
    if (rows.length) process.stdout.write(rows.join('\n') + '\n')
    rows = []
  }
  for (const { file, figures } of found) {
    for (const f of figures) {
      const row = inputs.length > 1 ? { file, ...f } : f
      if (opts.format === 'jsonl') rows.push(JSON.stringify(row))
      else rows.push(Papa.unparse([[...(inputs.length > 1 ? [file ?? ''] : []), ...COLUMNS.map((c) => csvCell(c, f[c]))]], { newline: '\n' }))
      if (rows.length >= 4096) flush()
    }
  }
  flush()
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main()
