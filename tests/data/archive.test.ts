import JSZip from 'jszip'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ARCHIVE_LIMITS, archiveProblem } from '@/data/archive'
import { openXlsx } from '@/data/import/xlsx'

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip()
  for (const [name, content] of Object.entries(files)) zip.file(name, content)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** The archive with its first entry's inflated size, as the central directory declares it, set to `size`. */
function declaringSize(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice()
  const view = new DataView(out.buffer)
  const end = out.length - 22
  view.setUint32(view.getUint32(end + 16, true) + 24, size, true)
  return out
}

describe(archiveProblem, () => {
  it('lets a real workbook through', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('数据').addRows([['指标', '数值'], ['覆盖率', 66.1]])
    expect(archiveProblem(new Uint8Array(await book.xlsx.writeBuffer()))).toBeNull()
  })

  it('refuses an entry that inflates hundreds of times its size', async () => {
    const bytes = await zipOf({ 'xl/sheet1.xml': new Uint8Array(2 * 1024 * 1024) })
    expect(archiveProblem(bytes)).toMatch(/^an entry inflates \d+ times its size: a zip bomb$/)
  })

  it('refuses an archive whose directory declares 400 MiB, before inflating anything', async () => {
    const bytes = declaringSize(await zipOf({ 'a.xml': 'x'.repeat(2000) }), 400 * 1024 * 1024)
    expect(archiveProblem(bytes)).toBe('the archive would inflate to more than 256 MiB')
  })

  it('refuses too many entries, a file that is no ZIP and a directory pointing nowhere', async () => {
    const bytes = await zipOf({ a: '1', b: '2', c: '3' })
    expect(archiveProblem(bytes, { ...ARCHIVE_LIMITS, entries: 2 })).toBe('the archive has 3 entries, more than 2')
    expect(archiveProblem(new TextEncoder().encode('PK not really'))).toContain('not a readable ZIP')
    const broken = bytes.slice()
    new DataView(broken.buffer).setUint32(broken.length - 22 + 16, 5, true)
    expect(archiveProblem(broken)).toBe('the archive’s central directory is broken')
  })
})

describe('opening a workbook', () => {
  it('refuses a zip bomb with the guard’s message, before exceljs inflates it', async () => {
    const bytes = declaringSize(await zipOf({ '[Content_Types].xml': 'x'.repeat(2000) }), 400 * 1024 * 1024)
    await expect(openXlsx(bytes)).rejects.toThrow('the archive would inflate to more than 256 MiB')
  })
})
