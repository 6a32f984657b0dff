import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { assertSafeArchive } from '../data/archive'
import { joinPages, type PageLines } from '../extract/pages'

/** A report read from a file: its text as stored and extracted, or why it cannot be read. */
export type ReportFile = { file: string; text: string; bytes: Uint8Array } | { file: string; refused: string }

const KINDS = new Set(['.txt', '.docx', '.pdf'])
/** A report file larger than this is refused rather than read: no report page is 64 MiB. */
const MAX_BYTES = 64 * 1024 * 1024
/** Fewer visible characters than this per page: the PDF has no text layer worth the name. */
const MIN_CHARS_PER_PAGE = 10

/** The report files named, folders walked (sorted, hidden files skipped), in the order given. */
export async function listReportFiles(paths: string[]): Promise<string[]> {
  const out: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (!info?.isDirectory()) {
      out.push(path)
      continue
    }
    const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort()
    out.push(...(await listReportFiles(names.map((n) => join(path, n)).filter((p) => KINDS.has(extname(p).toLowerCase()) || !extname(p)))))
  }
  return out
}

/** Reads a .txt (UTF-8, else GB18030), .docx or text PDF as report text; never throws, a refusal says why. */
export async function readReportFile(file: string): Promise<ReportFile> {
  const kind = extname(file).toLowerCase()
  if (!KINDS.has(kind)) return { file, refused: `${basename(file)}: not a .txt, .docx or .pdf report` }
  try {
    const info = await stat(file)
    if (!info.isFile()) return { file, refused: `${file}: not a file` }
    if (info.size > MAX_BYTES) return { file, refused: `${file}: larger than ${MAX_BYTES >> 20} MiB` }
    const bytes = new Uint8Array(await readFile(file))
    const text = kind === '.docx' ? await docxText(bytes) : kind === '.pdf' ? await pdfText(bytes, file) : decodeText(bytes)
    return typeof text === 'string' ? { file, text: text.replace(/^\uFEFF/, ''), bytes } : { file, refused: text.refused }
  } catch (e) {
    return { file, refused: `${file}: cannot be read (${(e as Error).message})` }
  }
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  assertSafeArchive(bytes)
  const mammoth = await import('mammoth')
  // As in the app: the Node build reads `buffer`, and JSZip takes an ArrayBuffer there too.
  const buffer = bytes.slice().buffer
  return (await mammoth.extractRawText({ arrayBuffer: buffer, buffer })).value
}

/** The PDF's pages as text lines; a PDF without a text layer (a scan) is refused, naming what to do instead. */
async function pdfText(bytes: Uint8Array, file: string): Promise<string | { refused: string }> {
  const pages = await pdfPages(bytes)
  const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0)
  if (chars < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
    return { refused: `${file}: a scanned PDF without a text layer (${chars} characters of text on ${pages.length} page(s)): run it through text recognition (OCR) first, or paste its text` }
  }
  return joinPages(pages)
}

/** A run of text on a page: its string, its transform (x at [4], baseline y at [5]) and its width. */
interface TextItem {
  str: string
  transform: number[]
  width: number
}

/** Reads every page's text items with pdf.js (loaded on first use) and groups them into lines by their baseline. */
export async function pdfPages(bytes: Uint8Array): Promise<PageLines[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // A copy: pdf.js takes over (detaches) the buffer it is given.
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pages: PageLines[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const { width } = page.getViewport({ scale: 1 })
      const items = (await page.getTextContent()).items.flatMap((i): TextItem[] => ('str' in i ? [{ str: i.str, transform: i.transform as number[], width: i.width }] : []))
      pages.push(toLines(items, width))
      page.cleanup()
    }
    return pages
  } finally {
    await doc.destroy()
  }
}

/** Items on one baseline (within a third of the font size) make a line; lines top to bottom, items left to right. */
function toLines(items: TextItem[], pageWidth: number): PageLines {
  const rows: { y: number; size: number; items: TextItem[] }[] = []
  for (const item of items) {
    if (!item.str) continue
    const y = item.transform[5]
    const size = Math.abs(item.transform[3]) || 10
    const row = rows.find((r) => Math.abs(r.y - y) < size / 3)
    if (row) row.items.push(item)
    else rows.push({ y, size, items: [item] })
  }
  rows.sort((a, b) => b.y - a.y)
  // The text column: from the leftmost line start to the rightmost line end over the page.
  const left = Math.min(...rows.map((r) => Math.min(...r.items.map((i) => i.transform[4]))))
  const right = Math.max(...rows.map((r) => Math.max(...r.items.map((i) => i.transform[4] + i.width))))
  const column = Math.max(1, Math.min(pageWidth, right - left))
  return {
    lines: rows.map((r) => {
      const sorted = r.items.sort((a, b) => a.transform[4] - b.transform[4])
      const end = Math.max(...sorted.map((i) => i.transform[4] + i.width))
      return { text: sorted.map((i) => i.str).join(''), fill: (end - left) / column }
    }),
  }
}
