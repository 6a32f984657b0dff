import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { loadMetrics, loadRegions } from '@/cli/extract'
import { parseCsv } from '@/data/csv'
import { readPackage } from '@/data/load'
import { validatePackage } from '@/data/validate'
import { buildReportBatch, newMetric, toReview } from '@/domain/ingest'
import { RegionTree } from '@/domain/regions'
import type { UserBatch } from '@/domain/types'
import { COLUMNS, csvCell, ingestPackageFiles, zipFiles } from '@/export/ingestPackage'
import { extractFigures } from '@/extract/extract'

const DATA = resolve(import.meta.dirname, '../../data')
const TEXT = '鄄城县：2024年以来，开展志愿服务活动120余次，参与群众3000余人，其中“小小志愿者”作品展征集作品289幅。\n吴店镇新建“梧桐书屋”5个。'

/** A reviewed report as the app builds it: extracted, every figure placed, one of them under a metric the reviewer created. */
function reviewedBatch(title = '鄄城县志愿服务纪实'): UserBatch {
  const regions = loadRegions()
  const metrics = loadMetrics()
  const tree = new RegionTree(regions)
  const figures = toReview(extractFigures(TEXT, { date: '2025-02', regions, metrics }), tree)
  const created = newMetric({ name: '新建书屋数', nameEn: 'Reading rooms built', unit: '个', kind: 'count', temporal: 'flow', category: '报告录入', phrase: '新建书屋' }, new Set(metrics.map((m) => m.id)))
  const accepted = figures
    .filter((f) => f.value !== 3000)
    .map((f) => (f.metric ? f : { ...f, metric: created.id, region: f.region || '371702' }))
  return buildReportBatch({ title, publication: '菏泽日报', date: '2025-02', text: TEXT }, accepted, [created], '2026-01-01T00:00:00Z')
}

/** The shipped package with the exported rows appended to its tables, as an office would merge them. */
function mergedWithPackage(files: Record<string, string>) {
  const read = async (path: string) => {
    try {
      return readFileSync(resolve(DATA, path), 'utf8')
    } catch {
      return null
    }
  }
  return readPackage(read).then((raw) => {
    // The reader above gives text, so the tables are text.
    const append = (name: string) => String(raw.tables[name]).replace(/\n?$/, '\n') + files[name].split('\n').slice(1).join('\n')
    const tables = { ...raw.tables, 'metrics.csv': append('metrics.csv'), 'sources.csv': append('sources.csv'), 'observations.csv': append('observations.csv') }
    const reports = { ...raw.reports, ...Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith('reports/'))) }
    return { ...raw, tables, reports }
  })
}

describe(ingestPackageFiles, () => {
  it('writes files that validate without a message when merged into the shipped package', async () => {
    const batch = reviewedBatch()
    const files = ingestPackageFiles([batch])
    const { dataset, messages } = validatePackage(await mergedWithPackage(files))
    expect(messages.filter((m) => m.level === 'error')).toEqual([])
    expect(dataset.observations.filter((o) => o.source === batch.id)).toHaveLength(batch.observations.length)
    expect(dataset.metrics.some((m) => m.id === 'reading_rooms_built')).toBe(true)
  })

  it('keeps the package’s column order and ships the original report text', () => {
    const batch = reviewedBatch()
    const files = ingestPackageFiles([batch])
    const descriptor = JSON.parse(readFileSync(resolve(DATA, 'datapackage.json'), 'utf8'))
    const fields = (name: string) => descriptor.resources.find((r: { name: string }) => r.name === name).schema.fields.map((f: { name: string }) => f.name)
    for (const name of ['observations', 'sources', 'metrics'] as const) {
      expect(parseCsv(files[`${name}.csv`]).header).toEqual(fields(name))
      expect([...COLUMNS[name]]).toEqual(fields(name))
    }
    expect(files[`reports/${batch.id}.txt`]).toBe(TEXT)
    const rows = parseCsv(files['observations.csv']).rows.map((r) => r.values)
    expect(rows.find((r) => r.value === '120')).toMatchObject({ metric: 'volunteer_activities', region: '371726', qualifier: '>=' })
  })

  it('escapes a title starting with = but leaves the qualifier column as the schema wants it', () => {
    const files = ingestPackageFiles([reviewedBatch('=HYPERLINK("http://x")')])
    const source = parseCsv(files['sources.csv']).rows[0].values
    expect(source.title).toBe(`'=HYPERLINK("http://x")`)
    expect(parseCsv(files['observations.csv']).rows.map((r) => r.values.qualifier)).toContain('>=')
  })

  it('lists a metric two reports share once', () => {
    const a = reviewedBatch()
    const b = { ...a, id: 'other', sources: [{ ...a.sources[0], id: 'other', file: '' }], observations: [] }
    expect(parseCsv(ingestPackageFiles([a, b])['metrics.csv']).rows).toHaveLength(1)
  })
})

describe(csvCell, () => {
  it('quotes commas, quotes and line breaks, and prefixes free text that a spreadsheet would run', () => {
    expect(csvCell('a,"b"\nc', 'quote')).toBe('"a,""b""\nc"')
    expect(csvCell('+86', 'note')).toBe(`'+86`)
    expect(csvCell('@x', 'publication')).toBe(`'@x`)
    expect(csvCell(-3, 'value')).toBe('-3')
    expect(csvCell('>=', 'qualifier')).toBe('>=')
  })
})

describe(zipFiles, () => {
  it('packs every file under its path', async () => {
    const files = ingestPackageFiles([reviewedBatch()])
    const zip = await JSZip.loadAsync(await (await zipFiles(files)).arrayBuffer())
    expect(Object.keys(zip.files).filter((p) => !zip.files[p].dir).sort()).toEqual(Object.keys(files).sort())
    expect(await zip.file('observations.csv')!.async('string')).toBe(files['observations.csv'])
  })
})
