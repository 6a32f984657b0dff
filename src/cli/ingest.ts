import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadPackage } from '../data/load'
import { buildReportBatch, reviewProblems, titleFromText, toReview, type ReviewFigure } from '../domain/ingest'
import { RegionTree } from '../domain/regions'
import { extractReport } from '../extract/extract'
import { dateFromName, describeNotes } from './extract'
import { fsReader } from './fsReader'
import { loadServerPackage, postBatch, serverTarget } from './serverClient'

const USAGE = 'usage: npm run ingest -- FILE... [--date YYYY-MM-DD] [--publication NAME] [--server URL] [--token TOKEN] [--data DIR]'

/**
 * `npm run ingest -- FILE...`: extracts each report's figures against the record's catalogue and, with `--server`,
 * adds the report and the figures that need no decision (known metric, region and period) to the shared record as
 * one batch; the rest are listed for review in the app. Without `--server` it only says what it would add.
 */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { date: { type: 'string' }, publication: { type: 'string', default: '' }, server: { type: 'string' }, token: { type: 'string' }, data: { type: 'string', default: 'data' } },
  })
  if (positionals.length === 0) return console.error(USAGE), 2
  const target = serverTarget(values.server, values.token)
  const pkg = target ? await loadServerPackage(target) : await loadPackage(fsReader(resolve(values.data)))
  if (pkg.dataset.regions.length === 0) throw new Error(`no catalogue to read reports against (${target ? target.url : values.data}): ${pkg.messages[0]?.message ?? 'empty'}`)
  const { regions, metrics } = pkg.dataset
  const tree = new RegionTree(regions)
  const known = { metric: (id: string) => metrics.some((m) => m.id === id), tree }
  let failed = 0
  for (const file of positionals) {
    const bytes = new Uint8Array(await readFile(file))
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
    const date = values.date ?? dateFromName(file)
    if (!date) throw new Error(`no report date for ${file}: pass --date YYYY-MM-DD`)
    const extracted = extractReport(text, { date, regions, metrics })
    for (const line of describeNotes(text, extracted.notes)) console.error(`${file}: ${line}`)
    const review = toReview(extracted.figures, tree)
    // A figure joins only if nothing about it needs a person's decision, and once per metric, region and period.
    const accepted: ReviewFigure[] = []
    for (const f of review) if (reviewProblems(f, known, accepted).length === 0) accepted.push({ ...f, status: 'accepted' })
    const batch = buildReportBatch({ title: titleFromText(text), publication: values.publication, date, text }, accepted, [], new Date().toISOString())
    const left = review.length - accepted.length
    if (!target) {
      console.log(`${file}: ${review.length} figures found, ${accepted.length} ready to add, ${left} to review in the app (dry run: --server URL adds them)`)
      continue
    }
    try {
      const count = await postBatch(target, batch, { name: basename(file), bytes })
      console.log(`${file}: added ${count} figures to ${target.url}; ${left} to review in the app`)
    } catch (e) {
      failed++
      console.error(`${file}: ${(e as Error).message}`)
    }
  }
  return failed > 0 ? 1 : 0
}

process.exitCode = await main(process.argv.slice(2)).catch((e: Error) => (console.error(`ingest: ${e.message}`), 1))
