import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { parseGold } from '../../src/extract/score'

const ROOT = resolve(import.meta.dirname, '../..')
const WRITTEN = resolve(import.meta.dirname, 'written')

/** What the texts written for testing consist of: file names, headlines, their lines and their figures' quotes. */
interface Written {
  files: Set<string>
  headlines: Set<string>
  lines: string[]
  quotes: string[]
}

/** A data package as the check sees it: its sources, observations and report texts. */
interface PackageView {
  name: string
  sources: Record<string, string>[]
  observations: Record<string, string>[]
  reports: Record<string, string>
}

function readWritten(): Written {
  const texts = readdirSync(WRITTEN).filter((f) => f.endsWith('.txt'))
  const bodies = texts.map((f) => readFileSync(join(WRITTEN, f), 'utf8'))
  const quotes = readdirSync(WRITTEN)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => parseGold(readFileSync(join(WRITTEN, f), 'utf8')).map((g) => g.quote))
  return {
    files: new Set(texts.flatMap((f) => [f, f.replace(/\.txt$/, '')])),
    headlines: new Set(bodies.map((b) => b.split('\n')[0].trim())),
    // A line long enough to be the team's own sentence, not a stock phrase another report could share.
    lines: bodies.flatMap((b) => b.split('\n').map((l) => l.trim()).filter((l) => l.length >= 20)),
    quotes,
  }
}

const csv = (path: string) => (existsSync(path) ? Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data : [])

function readPackage(dir: string): PackageView {
  const reportsDir = join(dir, 'reports')
  const reports: Record<string, string> = {}
  if (existsSync(reportsDir)) for (const f of readdirSync(reportsDir)) reports[f] = readFileSync(join(reportsDir, f), 'utf8')
  return { name: dir, sources: csv(join(dir, 'sources.csv')), observations: csv(join(dir, 'observations.csv')), reports }
}

/** Every data package under dir: each folder holding a datapackage.json. */
function packagesUnder(dir: string): string[] {
  const here = existsSync(join(dir, 'datapackage.json')) ? [dir] : []
  const subdirs = readdirSync(dir).map((f) => join(dir, f)).filter((p) => statSync(p).isDirectory())
  return [...here, ...subdirs.flatMap(packagesUnder)]
}

/** Each way the package carries material of the written texts, located; empty when it carries none. */
function writtenMaterialIn(pkg: PackageView, w: Written): string[] {
  const found: string[] = []
  pkg.sources.forEach((s, i) => {
    const line = `${pkg.name}/sources.csv:${i + 2}`
    if (w.files.has(basename(s.file ?? '')) || w.files.has(s.id ?? '')) found.push(`${line}: source ${s.id} is a written text`)
    if (w.headlines.has((s.title ?? '').trim())) found.push(`${line}: title ${s.title} is a written text's headline`)
  })
  pkg.observations.forEach((o, i) => {
    if (o.quote && w.quotes.includes(o.quote)) found.push(`${pkg.name}/observations.csv:${i + 2}: quote ${o.quote} is an invented figure`)
  })
  for (const [file, text] of Object.entries(pkg.reports)) {
    if (w.files.has(file)) found.push(`${pkg.name}/reports/${file} is a written text`)
    const line = w.lines.find((l) => text.includes(l))
    if (line) found.push(`${pkg.name}/reports/${file} holds a written text's line: ${line.slice(0, 20)}…`)
  }
  return found
}

describe('the texts written for testing', () => {
  const written = readWritten()

  it('say in their folder that they were written for testing with invented figures', () => {
    const readme = readFileSync(join(WRITTEN, 'README.md'), 'utf8')
    expect(readme).toMatch(/written by the team for testing/)
    expect(readme).toMatch(/invented/)
    expect(written.files.size).toBeGreaterThanOrEqual(16)
  })

  it('reach no data package under data/: no source, report text or quote comes from them', () => {
    const packages = packagesUnder(resolve(ROOT, 'data'))
    expect(packages.length).toBeGreaterThanOrEqual(2)
    expect(packages.flatMap((dir) => writtenMaterialIn(readPackage(dir), written))).toEqual([])
  })

  it('are caught when a package takes a source, a quote or a report text from them', () => {
    const name = [...written.files].find((f) => f.endsWith('.txt'))!
    const text = readFileSync(join(WRITTEN, name), 'utf8')
    const planted: PackageView = {
      name: 'planted',
      sources: [{ id: 'x', title: text.split('\n')[0], file: `reports/${name}` }],
      observations: [{ quote: written.quotes[0] }],
      reports: { 'copy.txt': `前言\n${text}` },
    }
    const found = writtenMaterialIn(planted, written)
    expect(found).toHaveLength(4)
    expect(found[0]).toMatch(/^planted\/sources\.csv:2: source x/)
  })
})
