import { readFile, writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadPackage } from '../data/load'
import { VILLAGES_FILE, withVillages } from '../data/villages'
import { buildReportBatch, reviewProblems, titleFromText, toReview, type ReviewFigure } from '../domain/ingest'
import { RegionTree } from '../domain/regions'
import { buildReviewQueue, type QueueEntry, type QueueReport } from '../domain/reviewQueue'
import { extractReport } from '../extract/extract'
import { dateFromName, describeNotes } from './extract'
import { fsReader } from './fsReader'
import { listReportFiles, readReportFile } from './reportFiles'
import { loadServerPackage, postBatch, serverTarget } from './serverClient'

const USAGE = 'usage: npm run ingest -- FILE_OR_DIR... [--date YYYY-MM-DD] [--publication NAME] [--out QUEUE.json] [--server URL] [--token TOKEN] [--data DIR]'

/**
 * `npm run ingest -- FILE_OR_DIR...`: reads every .txt, .docx and text PDF named (folders walked), extracts each report's
 * figures against the record's catalogue, and prints one review queue for them all: a figure stated in two reports once
 * with both sources, conflicting values side by side, each suggested new metric once, the doubtful first. `--out`
 * writes the queue with the reports' stored texts (the quotes' offsets point into them). With `--server`, each report
 * and its figures that need no decision are added to the shared record as one batch; the rest wait for review in the app.
 */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: 'string' }, publication: { type: 'string', default: '' }, out: { type: 'string' },
      server: { type: 'string' }, token: { type: 'string' }, data: { type: 'string', default: 'data' },
    },
  })
  if (positionals.length === 0) return console.error(USAGE), 2
  const target = serverTarget(values.server, values.token)
  const pkg = target ? await loadServerPackage(target) : await loadPackage(fsReader(resolve(values.data)))
  if (pkg.dataset.regions.length === 0) throw new Error(`no catalogue to read reports against (${target ? target.url : values.data}): ${pkg.messages[0]?.message ?? 'empty'}`)
  const { metrics } = pkg.dataset
  const villages = await readFile(resolve(values.data, VILLAGES_FILE), 'utf8').catch(() => null)
  const regions = withVillages(pkg.dataset.regions, villages)
  const tree = new RegionTree(pkg.dataset.regions)
  const known = { metric: (id: string) => metrics.some((m) => m.id === id), tree }
  let failed = 0
  const read: (QueueReport & { date: string; title: string; text: string })[] = []
  for (const file of await listReportFiles(positionals)) {
    const report = await readReportFile(file)
    if ('refused' in report) {
      failed++
      console.error(report.refused)
      continue
    }
    const date = values.date ?? dateFromName(file)
    if (!date) {
      failed++
      console.error(`${file}: no report date in its name: pass --date YYYY-MM-DD`)
      continue
    }
    const { text, bytes } = report
    const extracted = extractReport(text, { date, regions, metrics })
    for (const line of describeNotes(text, extracted.notes)) console.error(`${file}: ${line}`)
    const { figures } = extracted
    read.push({ file, date, title: titleFromText(text), text, figures })
    const review = toReview(figures, tree)
    // A figure joins only if nothing about it needs a person's decision, and once per metric, region and period.
    const accepted: ReviewFigure[] = []
    for (const f of review) if (reviewProblems(f, known, accepted).length === 0) accepted.push({ ...f, status: 'accepted' })
    const left = review.length - accepted.length
    if (!target) {
      console.log(`${file}: ${review.length} figures found, ${accepted.length} ready to add, ${left} to review (dry run: --server URL adds them)`)
      continue
    }
    const batch = buildReportBatch({ title: titleFromText(text), publication: values.publication, date, text }, accepted, [], new Date().toISOString())
    try {
      const count = await postBatch(target, batch, { name: basename(file), bytes })
      console.log(`${file}: added ${count} figures to ${target.url}; ${left} to review in the app`)
    } catch (e) {
      failed++
      console.error(`${file}: ${(e as Error).message}`)
    }
  }
  const queue = buildReviewQueue(read)
  printQueue(queue)
  if (values.out) {
    const reports = read.map(({ file, date, title, text }) => ({ file, date, title, text }))
    await writeFile(values.out, JSON.stringify({ reports, ...queue }, null, 1) + '\n')
    console.log(`wrote the queue and the reports' texts to ${values.out}`)
  }
  return failed > 0 ? 1 : 0
}

const show = (e: QueueEntry) => `${e.qualifier === '=' ? '' : e.qualifier}${e.value}${e.unit}`
const where = (e: QueueEntry) => e.sources.map((s) => `${basename(s.file)}「${s.quote.replace(/\s+/g, " ")}」`).join('、')

function printQueue(queue: ReturnType<typeof buildReviewQueue>): void {
  const merged = queue.entries.filter((e) => e.sources.length > 1).length
  const doubtful = queue.entries.filter((e) => e.flags.length > 0 || e.confidence < 0.7).length
  console.log(`review queue: ${queue.entries.length} figures, ${doubtful} doubtful first; ${merged} stated in more than one report, merged; ${queue.conflicts.length} conflicts`)
  for (const e of queue.entries) {
    const flags = e.flags.length ? `  [${e.flags.join('；')}]` : ''
    console.log(`  ${e.confidence.toFixed(2)}  ${e.name || '?'} · ${e.region || '?'} · ${e.period || '?'} · ${show(e)}  ${where(e)}${flags}`)
  }
  for (const c of queue.conflicts) console.log(`conflict ${c.name} · ${c.region} · ${c.period}: ${c.entries.map((e) => `${show(e)} (${where(e)})`).join(' | ')}`)
  for (const m of queue.newMetrics) console.log(`new metric suggested once for the batch: ${m.name} (${m.unit}), ${m.entries} figure(s)`)
}

process.exitCode = await main(process.argv.slice(2)).catch((e: Error) => (console.error(`ingest: ${e.message}`), 1))
