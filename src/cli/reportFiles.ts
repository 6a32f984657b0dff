import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { assertSafeArchive } from '../data/archive'
import { readPdfText, type PdfJs } from '../extract/pages'

/** A report read from a file: its text as stored and extracted, or why it cannot be read. */
export type ReportFile = { file: string; text: string; bytes: Uint8Array } | { file: string; refused: string }

const KINDS = new Set(['.txt', '.docx', '.pdf'])
/** A report file larger than this is refused rather than read: no report page is 64 MiB. */
const MAX_BYTES = 64 * 1024 * 1024

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

/** The PDF's report text; a PDF without a text layer (a scan) is refused, naming what to do instead. */
async function pdfText(bytes: Uint8Array, file: string): Promise<string | { refused: string }> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs
  const read = await readPdfText(pdfjs, bytes)
  if ('text' in read) return read.text
  const { chars, pages } = read.scanned
  return { refused: `${file}: a scanned PDF without a text layer (${chars} characters of text on ${pages} page(s)): run it through text recognition (OCR) first, or paste its text` }
}
