import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { readReportFile } from '@/cli/reportFiles'
import { buildPdf } from '../fixtures/pdf'

const root = resolve(import.meta.dirname, '../..')
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'src/cli/ingest.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 })

/** A minimal .docx whose body is the given paragraphs. */
async function buildDocx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`)
  return zip.generateAsync({ type: 'uint8array' })
}

/** A folder of reports about the same meeting: a .txt, a .docx that repeats its figure, a PDF that contradicts it, and a scan. */
async function archive(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'))
  writeFileSync(join(dir, 'a-2024-05-10.txt'), '鄄城县召开推进会\n\n本报讯 截至4月底，鄄城县共组建志愿服务队56支。\n')
  writeFileSync(join(dir, 'b-2024-05-11.docx'), await buildDocx(['鄄城县志愿服务综述', '截至4月底，鄄城县共组建志愿服务队56支，参与群众1200人。']))
  const pages = [
    ['鄄城县工作简报 第3期', '鄄城县志愿服务情况', '截至4月底，鄄城县共组建志愿服务队60支，古泉街道建成服务', '- 1 -'],
    ['鄄城县工作简报 第3期', '站12个。', '- 2 -'],
  ]
  writeFileSync(join(dir, 'c-2024-05-12.pdf'), buildPdf(pages))
  writeFileSync(join(dir, 'd-2024-05-13.pdf'), buildPdf([[], []]))
  return dir
}

describe('ingest CLI', () => {
  it('reads a folder of .txt, .docx and PDF reports into one queue: duplicates merged, conflicts side by side, a scan refused', async () => {
    const dir = await archive()
    const out = join(dir, 'queue.json')
    const r = run([dir, '--out', out])
    expect(r.status, r.stderr).toBe(1)
    expect(r.stderr).toMatch(/d-2024-05-13\.pdf: a scanned PDF without a text layer \(0 characters of text on 2 page\(s\)\)/)
    expect(r.stdout).toMatch(/a-2024-05-10\.txt: 1 figures found/)
    expect(r.stdout).toMatch(/b-2024-05-11\.docx: 2 figures found/)
    expect(r.stdout).toMatch(/c-2024-05-12\.pdf: 2 figures found/)
    const queue = JSON.parse(readFileSync(out, 'utf8'))
    const pdf = queue.reports.find((x: { file: string }) => x.file.endsWith('.pdf'))
    // The PDF's running header and page numbers are gone and its sentence runs on across the page break.
    expect(pdf.text).toBe('鄄城县志愿服务情况\n\n截至4月底，鄄城县共组建志愿服务队60支，古泉街道建成服务站12个。\n')
    // Every source's offsets point into the stored text of its report.
    for (const entry of queue.entries) {
      for (const s of entry.sources) expect(queue.reports.find((x: { file: string }) => x.file === s.file).text.slice(s.start, s.end)).toBe(s.quote)
    }
    const teams = queue.entries.filter((e: { unit: string }) => e.unit === '支')
    expect(teams.map((e: { value: number; sources: unknown[] }) => [e.value, e.sources.length])).toEqual([[56, 2], [60, 1]])
    expect(queue.conflicts).toHaveLength(1)
    expect(r.stdout).toMatch(/conflict .*鄄城县 · 2024-04-30.*: 56支 .*\| 60支/)
  })

  it('reads a PDF page’s text in reading order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-'))
    const file = join(dir, 'one.pdf')
    writeFileSync(file, buildPdf([['菏泽日报', '全县共有社区56个。']]))
    expect(await readReportFile(file)).toMatchObject({ text: '菏泽日报\n\n全县共有社区56个。\n' })
  })

  it('names the run it read in pieces beside the figures it found, in a dry run', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ingest-cli-')), 'report.txt')
    const long = '鄄城县开展志愿服务活动' + '社区党组织'.repeat(400) + '开展活动500余次'
    writeFileSync(file, `${long}。\n全县共有社会组织120家。`)
    const r = run([file, '--date', '2025-01-08'])
    expect(r.status).toBe(0)
    expect(r.stderr).toContain(`${file}: line 1, characters 1–${long.length + 1}: ${long.length + 1} characters without a sentence end`)
  })
})
