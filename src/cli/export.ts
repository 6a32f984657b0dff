import { writeFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { registerBarParts } from '../charts/echarts'
import { loadPackage } from '../data/load'
import { formatMessage } from '../data/messages'
import { ObservationIndex } from '../domain/observationIndex'
import { parsePeriod } from '../domain/period'
import { namedIn, RegionTree } from '../domain/regions'
import { figuresCsv, figuresXlsx } from '../export/dataFiles'
import { exportTexts } from '../export/messages'
import { todayIso } from '../export/meta'
import { chartPngDataUrl, embedSubsetFont, readBasemap, svgToPng } from '../export/node'
import { buildDeck } from '../export/pptx'
import { renderSvg } from '../export/render'
import { compareFromQuery, deckInput, mapFromQuery, selectionObservations, shownRows, trendExport, withDeckImages, type ExportChart, type ExportData, type ExportQuery } from '../export/viewExport'
import { figureRows } from '../export/rows'
import { fsReader, packageFolderProblem } from './fsReader'

const USAGE = `usage: npm run export -- --view trend|compare|map|table --metric ID --regions CODE[,CODE] [--from P] [--to P]
       [--format png|svg|pptx|csv|xlsx|txt] [--caption] [--scale 2] [--data DIR] [--demo] [--lang zh|en] [--all-metrics] --out FILE`
const FORMATS = ['png', 'svg', 'pptx', 'csv', 'xlsx', 'txt'] as const
type Format = (typeof FORMATS)[number]

/** A problem with the command line or the data it names: printed as one line, exit 1. */
class UsageError extends Error {}

/** `npm run export`: a briefing image, deck or data file of one view, through the same builders as the app. */
async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      view: { type: 'string', default: 'trend' },
      metric: { type: 'string' },
      regions: { type: 'string', default: '' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      scale: { type: 'string', default: '2' },
      data: { type: 'string', default: 'data' },
      demo: { type: 'boolean' },
      lang: { type: 'string', default: 'zh' },
      'all-metrics': { type: 'boolean', default: false },
      caption: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  })
  if (!values.out || !values.metric) throw new UsageError(`--metric and --out are required\n${USAGE}`)
  const format = (values.format ?? extname(values.out).slice(1).toLowerCase()) as Format
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}": use one of ${FORMATS.join(', ')}`)
  const scale = Number(values.scale)
  if (!(scale > 0 && scale <= 4)) throw new UsageError(`--scale must be a number from 0 to 4, not "${values.scale}"`)
  for (const key of ['from', 'to'] as const) if (values[key] && !parsePeriod(values[key])) throw new UsageError(`--${key} "${values[key]}" is not an ISO period such as 2024, 2024-Q4, 2024-12`)

  const folderProblem = await packageFolderProblem(values.data)
  if (folderProblem) throw new UsageError(folderProblem)
  const { dataset, messages } = await loadPackage(fsReader(resolve(values.data)))
  if (dataset.metrics.length === 0) throw new UsageError(`no data package in ${values.data}: ${messages.map(formatMessage).join('; ')}`)
  const data: ExportData = {
    index: new ObservationIndex(dataset.observations, dataset.metrics),
    tree: new RegionTree(namedIn(dataset.regions, values.lang === 'en' ? 'en' : 'zh')),
    sourceById: new Map(dataset.sources.map((s) => [s.id, s])),
    metricById: new Map(dataset.metrics.map((m) => [m.id, m])),
  }
  const metric = data.metricById.get(values.metric)
  if (!metric) throw new UsageError(`unknown metric "${values.metric}": see the id column of ${values.data}/metrics.csv`)
  const regions = values.regions.split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = regions.filter((code) => !data.tree.get(code))
  if (unknown.length) throw new UsageError(`unknown region ${unknown.join(', ')}: see the code column of ${values.data}/regions.csv`)

  const q: ExportQuery = {
    metric,
    regions,
    range: { from: values.from, to: values.to },
    // Without --demo, a folder named …demo is taken for the demo package, as before the flag existed.
    demo: values.demo ?? values.data.replace(/\/$/, '').endsWith('demo'),
    texts: exportTexts(values.lang === 'en' ? 'en' : 'zh'),
    exportDate: todayIso(),
  }
  const output = await render(values.view, format, data, q, { scale, allMetrics: values['all-metrics'], caption: values.caption }, dataset, values.data)
  await writeFile(values.out, output)
  console.log(`${values.out}: ${format}, ${output.length} bytes`)
  return 0
}

interface RenderOptions {
  scale: number
  allMetrics: boolean
  /** PNG and SVG carry the paragraph under the chart. */
  caption: boolean
}

async function render(view: string, format: Format, data: ExportData, q: ExportQuery, { scale, allMetrics, caption }: RenderOptions, dataset: Awaited<ReturnType<typeof loadPackage>>['dataset'], dataDir: string): Promise<Uint8Array | string> {
  if (format === 'csv' || format === 'xlsx') {
    const rows = allMetrics ? figureRows(selectionObservations(data, q), data, data.metricById, q.texts) : shownRows(data, q)
    return format === 'csv' ? figuresCsv(rows, q.texts) : figuresXlsx(rows, dataset.metrics, dataset.sources, q.texts)
  }
  const charts = await viewCharts(view, data, q, dataDir)
  if (format === 'pptx') return buildDeck(deckInput(data, q, await withDeckImages(charts, async (c) => chartPngDataUrl(c))))
  if (charts.length === 0) throw new UsageError(`the ${view} view has no chart to draw as ${format}: use csv, xlsx or pptx`)
  // The paragraph an official pastes under the chart, with the sources it rests on.
  if (format === 'txt') return `${charts.map((c) => [c.briefing, c.meta.source].join('\n')).join('\n\n')}\n`
  const svg = renderSvg(caption ? charts[0].captioned() : charts[0].option, charts[0].lang)
  return format === 'svg' ? embedSubsetFont(svg) : svgToPng(svg, scale)
}

/** The charts a view exports, at the latest period in the range for compare and map (the views' default). */
async function viewCharts(view: string, data: ExportData, q: ExportQuery, dataDir: string): Promise<ExportChart[]> {
  if (view === 'trend') return [trendExport(data, q)]
  if (view === 'table') return []
  if (view !== 'compare' && view !== 'map') throw new UsageError(`unknown view "${view}": use trend, compare, map or table`)
  // SSR draws only registered parts: the bar series, or the map series with its GeoJSON.
  let chart: ExportChart | null
  if (view === 'compare') {
    await registerBarParts()
    chart = compareFromQuery(data, q)
  } else {
    const base = await readBasemap(dataDir).catch((e: unknown) => {
      throw new UsageError(`cannot read the base map: ${e instanceof Error ? e.message : String(e)}`)
    })
    chart = mapFromQuery(data, q, base)
  }
  if (!chart) throw new UsageError(`no figures of ${q.metric.id} to ${view} within the period range: try another --from/--to or metric`)
  return [chart]
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (e) {
  if (!(e instanceof UsageError) && !(e instanceof TypeError && 'code' in e)) throw e
  console.error(`export: ${e.message}`)
  process.exitCode = 1
}
