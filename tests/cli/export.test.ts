import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const out = mkdtempSync(join(tmpdir(), 'export-cli-'))
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'src/cli/export.ts'), ...args], { cwd: root, encoding: 'utf8' })
const base = ['--view', 'trend', '--metric', 'assoc_party_coverage_rate', '--regions', '371700']

/** Runs the CLI writing `name` into a fresh folder and returns the file's bytes. */
function exported(name: string, extra: string[] = []): Buffer {
  const file = join(out, name)
  const r = run([...base, ...extra, '--out', file])
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  return readFileSync(file)
}

describe('export CLI', { timeout: 180_000 }, () => {
  it('writes a PNG of the export layout at the asked scale', () => {
    const png = exported('chart.png', ['--scale', '1'])
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720])
  })

  it('writes an SVG with title, place, source and an embedded font', () => {
    const svg = exported('chart.svg').toString('utf8')
    expect(svg).toContain('行业协会商会党组织覆盖率')
    expect(svg).toContain('菏泽市 · 2025年1月')
    expect(svg).toContain('数据来源：《菏泽：聚力推动行业协会商会高质量发展（社会工作版面）》')
    expect(svg).toContain('@font-face')
  })

  it('writes a deck with one native chart and a CSV and workbook of the figures', async () => {
    const zip = await JSZip.loadAsync(exported('deck.pptx'))
    expect(Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1)
    const csv = exported('data.csv', ['--format', 'csv']).toString('utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toContain('66.1')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(exported('data.xlsx') as unknown as ArrayBuffer)
    expect(book.worksheets.map((s) => s.name)).toEqual(['数据', '说明'])
  })

  it('exits 1 with a clear message on an unknown metric or region', () => {
    const metric = run(['--metric', 'no_such_metric', '--out', join(out, 'x.png')])
    expect(metric.status).toBe(1)
    expect(metric.stderr).toContain('unknown metric "no_such_metric"')
    const region = run([...base.slice(0, 4), '--regions', '371799', '--out', join(out, 'x.png')])
    expect(region.status).toBe(1)
    expect(region.stderr).toContain('unknown region 371799')
  })
})
