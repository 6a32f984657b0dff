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

/** Runs the CLI with `args` writing `name` into a fresh folder and returns the file's bytes. */
function exportedWith(args: string[], name: string): Buffer {
  const file = join(out, name)
  const r = run([...args, '--out', file])
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  return readFileSync(file)
}

/** The trend export of the city's coverage rate with `extra` arguments. */
const exported = (name: string, extra: string[] = []) => exportedWith([...base, ...extra], name)

/** Every county-level unit of 菏泽市, as the compare view lists them (those without a figure too). */
const UNITS = ['牡丹区', '定陶区', '曹县', '单县', '成武县', '巨野县', '郓城县', '鄄城县', '东明县', '菏泽经济技术开发区', '菏泽高新技术开发区']

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

  it('exports the compare view of the embedded data as SVG and PNG: every county named, the computed figure marked', () => {
    const args = ['--view', 'compare', '--metric', 'volunteer_activities']
    const svg = exportedWith(args, 'compare.svg').toString('utf8')
    expect(svg).toContain('志愿服务活动次数')
    for (const name of UNITS) expect(svg).toContain(`>${name}<`)
    expect(svg).toContain('≥500次（推算）')
    expect(svg).not.toContain('演示数据')
    const png = exportedWith([...args, '--scale', '1'], 'compare.png')
    expect([png.subarray(1, 4).toString(), png.readUInt32BE(16)]).toEqual(['PNG', 1280])
  })

  it('exports the map of the embedded data as SVG with the county drawn and the 示意图 note', () => {
    const svg = exportedWith(['--view', 'map', '--metric', 'artworks_collected', '--regions', '371726'], 'map.svg').toString('utf8')
    expect(svg).toContain('书画展征集作品数')
    expect(svg).toContain('示意图，非标准地图')
    expect(svg).toContain('289幅')
    expect(svg).toMatch(/<path d="M[^"]{200,}/)
  })

  it('exports compare and map of data/demo with the 演示数据 mark, also as a deck with the map as a picture', async () => {
    const demo = ['--data', 'data/demo', '--metric', 'assoc_party_coverage_rate']
    const compare = exportedWith([...demo, '--view', 'compare'], 'demo-compare.svg').toString('utf8')
    expect(compare).toContain('行业协会商会党组织覆盖率')
    for (const name of UNITS) expect(compare).toContain(`>${name}<`)
    expect(compare).toContain('演示数据')
    const map = exportedWith([...demo, '--view', 'map'], 'demo-map.svg').toString('utf8')
    expect(map).toContain('示意图，非标准地图')
    expect(map).toContain('演示数据')
    const compared = exportedWith([...demo, '--view', 'compare', '--scale', '1'], 'demo-compare.png')
    expect(compared.subarray(1, 4).toString()).toBe('PNG')
    const deck = await JSZip.loadAsync(exportedWith([...demo, '--view', 'map'], 'demo-map.pptx'))
    expect(Object.keys(deck.files).filter((n) => /^ppt\/media\/.+\.png$/.test(n))).toHaveLength(1)
  })

  it('writes the paragraph under the chart as text, and as a caption under the chart when asked', () => {
    const text = exportedWith(['--view', 'trend', '--metric', 'volunteer_activities', '--regions', '371702', '--format', 'txt'], 'trend.txt').toString('utf8')
    expect(text).toBe('2022年—2025年1月，牡丹区吴店镇志愿服务活动次数累计为500余次。\n数据来源：《菏泽：聚力推动行业协会商会高质量发展（社会工作版面）》（菏泽日报，2025-01）\n')
    const paragraph = '截至2025年1月，菏泽市行业协会商会党组织覆盖率为66.1%，距100%目标尚差33.9个百分点。'
    expect(exported('captioned.svg', ['--caption']).toString('utf8')).toContain(paragraph)
    expect(exported('plain.svg').toString('utf8')).not.toContain(paragraph)
  })

  it('names places in English with --lang en, in the paragraph and the chart', () => {
    const args = ['--view', 'trend', '--metric', 'assoc_party_coverage_rate', '--data', 'data/demo', '--lang', 'en', '--regions', '371726,371702']
    const text = exportedWith([...args, '--format', 'txt'], 'trend-en.txt').toString('utf8')
    expect(text).toMatch(/^\(Demo data\) .*Mudan District.*Juancheng County/)
    expect(text.split('\n')[0]).not.toMatch(/[\u4e00-\u9fff]/)
    const svg = exportedWith([...args, '--format', 'svg'], 'trend-en.svg').toString('utf8')
    expect(svg).toContain('Juancheng County')
    expect(svg).not.toContain('鄄城县')
  })

  it('marks the embedded data as 演示数据 when asked with --demo', () => {
    expect(exported('marked.svg', ['--demo']).toString('utf8')).toContain('演示数据')
  })

  it('exits 1 when no county has a figure of the metric to compare or map', () => {
    for (const view of ['compare', 'map']) {
      const r = run(['--view', view, '--metric', 'assoc_party_coverage_rate', '--out', join(out, 'none.png')])
      expect(r.status).toBe(1)
      expect(r.stderr).toContain(`no figures of assoc_party_coverage_rate to ${view}`)
    }
  })

  it('exits 1 with a clear message on an unknown metric or region', () => {
    const metric = run(['--metric', 'no_such_metric', '--out', join(out, 'x.png')])
    expect(metric.status).toBe(1)
    expect(metric.stderr).toContain('unknown metric "no_such_metric"')
    const region = run([...base.slice(0, 4), '--regions', '371799', '--out', join(out, 'x.png')])
    expect(region.status).toBe(1)
    expect(region.stderr).toContain('unknown region 371799')
    const compare = run(['--view', 'compare', '--metric', 'volunteer_activities', '--regions', '371799', '--out', join(out, 'x.png')])
    expect(compare.status).toBe(1)
    expect(compare.stderr).toContain('unknown region 371799')
  })
})
