import * as pdfjs from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import { readPdfText, type PdfJs } from '@/extract/pages'

/** A PDF with no text layer: a scan, whose text must be recognised (OCR) before it can be read. */
export class ScannedPdfError extends Error {
  constructor(readonly chars: number, readonly pages: number) {
    super(`a scanned PDF without a text layer (${chars} characters of text on ${pages} page(s))`)
    this.name = 'ScannedPdfError'
  }
}

// pdf.js parses in a worker of its own, served from this origin like every other script.
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl

/** The report text of a PDF opened in 报告录入, loaded with its 400 KB of pdf.js only when a PDF is opened. */
export async function readPdfReport(bytes: Uint8Array): Promise<string> {
  const read = await readPdfText(pdfjs as unknown as PdfJs, bytes)
  if ('scanned' in read) throw new ScannedPdfError(read.scanned.chars, read.scanned.pages)
  return read.text
}
