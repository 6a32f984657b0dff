import JSZip from 'jszip'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ARCHIVE_LIMITS, archiveProblem, inflatedArchiveProblem } from '@/data/archive'
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

  it('refuses a stored entry whose declared size is not its own', async () => {
    const bytes = await zipOf({ 'xl/a.xml': 'x' })
    // JSZip stores the folder entry xl/ with no data: declare 100 bytes for it.
    const view = new DataView(bytes.buffer)
    const at = view.getUint32(bytes.length - 22 + 16, true)
    expect(view.getUint16(at + 10, true)).toBe(0)
    expect(archiveProblem(bytes)).toBeNull()
    view.setUint32(at + 24, 100, true)
    expect(archiveProblem(bytes)).toBe('the archive’s central directory is broken')
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

/** The archive with every deflated entry's inflated size, in the central directory and the local headers, declared as `size`. */
function lyingAboutSizes(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice()
  const view = new DataView(out.buffer)
  const end = out.length - 22
  let at = view.getUint32(end + 16, true)
  for (let n = 0; n < view.getUint16(end + 10, true); n++) {
    if (view.getUint16(at + 10, true) === 8) {
      view.setUint32(at + 24, size, true)
      view.setUint32(view.getUint32(at + 42, true) + 22, size, true)
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return out
}

describe(inflatedArchiveProblem, () => {
  it('counts the bytes an entry really inflates to, whatever the directory declares', async () => {
    // 8 MiB of zeros deflate to a few KiB; the directory says 100 bytes, so its own checks pass.
    const bomb = lyingAboutSizes(await zipOf({ 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) }), 100)
    expect(archiveProblem(bomb)).toBeNull()
    expect(await inflatedArchiveProblem(bomb)).toBe('an entry inflates more than 200 times its size: a zip bomb')
  })

  it('stops at the total limit on entries that each inflate at a plausible ratio', async () => {
    const noise = (seed: number) => Uint8Array.from({ length: 600_000 }, (_, i) => ((i * 7919 + seed) % 251) & (i % 3 ? 0xff : 0x0f))
    const bytes = lyingAboutSizes(await zipOf({ a: noise(1), b: noise(2), c: noise(3) }), 10)
    const limits = { ...ARCHIVE_LIMITS, expandedBytes: 1024 * 1024 }
    expect(archiveProblem(bytes, limits)).toBeNull()
    expect(await inflatedArchiveProblem(bytes, limits)).toBe('the archive inflates to more than 1 MiB')
  })

  it('lets a real workbook through, and refuses an entry that does not inflate', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('数据').addRows([['指标', '数值'], ['覆盖率', 66.1]])
    const bytes = new Uint8Array(await book.xlsx.writeBuffer())
    expect(await inflatedArchiveProblem(bytes)).toBeNull()
    const zip = await zipOf({ 'a.xml': 'x'.repeat(5000) })
    const view = new DataView(zip.buffer)
    const local = view.getUint32(view.getUint32(zip.length - 22 + 16, true) + 42, true)
    zip.fill(0xff, local + 30 + view.getUint16(local + 26, true), local + 36 + view.getUint16(local + 26, true))
    expect(await inflatedArchiveProblem(zip)).toBe('an entry of the archive is broken: it does not inflate')
  })
})

describe('opening a workbook', () => {
  it('refuses a workbook whose sizes lie, before exceljs inflates it', async () => {
    const bomb = lyingAboutSizes(await zipOf({ '[Content_Types].xml': new Uint8Array(8 * 1024 * 1024) }), 100)
    await expect(openXlsx(bomb)).rejects.toThrow('an entry inflates more than 200 times its size: a zip bomb')
  })

  it('refuses a zip bomb with the guard’s message, before exceljs inflates it', async () => {
    const bytes = declaringSize(await zipOf({ '[Content_Types].xml': 'x'.repeat(2000) }), 400 * 1024 * 1024)
    await expect(openXlsx(bytes)).rejects.toThrow('the archive would inflate to more than 256 MiB')
  })
})
