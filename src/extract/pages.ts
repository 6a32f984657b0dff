/** A page of a PDF as text lines, top to bottom, each with how much of the text width it fills (0–1). */
export interface PageLines {
  lines: { text: string; fill: number }[]
}

/** 第 3 页, - 3 -, 3 / 12, 第3页 共12页: a line that is only a page number. */
const PAGE_NUMBER = /^[\s\-—–－·]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[\s\-—–－·]*$/
const TERMINAL = /[。！？!?；;：:…”」』）)]$/
/** A line shorter than this share of the page's width ends its paragraph (a headline, a paragraph's last line). */
const SHORT_LINE = 0.85
/** How many lines at the top and the bottom of a page may be a running header or footer. */
const EDGE = 2

const shape = (line: string) => line.replace(/\d+/g, '#').replace(/\s+/g, '')

/**
 * The lines that repeat at the top or bottom of most pages (菏泽日报 2024年4月12日 第3版, with the digits free):
 * running headers and footers, not report text. A one-page document has none.
 */
function runningLines(pages: PageLines[]): Set<string> {
  const running = new Set<string>()
  if (pages.length < 2) return running
  const counts = new Map<string, number>()
  for (const page of pages) {
    const texts = page.lines.map((l) => l.text).filter((t) => t.trim())
    const edges = new Set([...texts.slice(0, EDGE), ...texts.slice(-EDGE)].map(shape))
    for (const s of edges) counts.set(s, (counts.get(s) ?? 0) + 1)
  }
  for (const [s, n] of counts) if (s && n >= Math.max(2, Math.ceil(pages.length / 2))) running.add(s)
  return running
}

/**
 * One report text from a PDF's pages: running headers, footers and page numbers dropped, the lines of a paragraph
 * (and one that runs on to the next page) joined, paragraphs separated by a blank line as in the seed report.
 * The result is the text that is stored and extracted, so figure offsets point into it.
 */
export function joinPages(pages: PageLines[]): string {
  const running = runningLines(pages)
  const paragraphs: string[] = []
  let current = ''
  for (const page of pages) {
    const lines = page.lines.filter((l) => l.text.trim())
    lines.forEach((line, i) => {
      const text = line.text.trim()
      const atEdge = i < EDGE || i >= lines.length - EDGE
      if (atEdge && (PAGE_NUMBER.test(text) || running.has(shape(text)))) return
      current += text
      // A full line that does not end a sentence runs on, on this page or the next.
      if (line.fill < SHORT_LINE || TERMINAL.test(text) && line.fill < 0.97) {
        paragraphs.push(current)
        current = ''
      }
    })
  }
  if (current) paragraphs.push(current)
  return paragraphs.join('\n\n') + (paragraphs.length ? '\n' : '')
}

/** A run of text on a PDF page: its string, its transform (x at [4], baseline y at [5], size at [3]) and its width. */
export interface TextRun {
  str: string
  transform: number[]
  width: number
}

/** Runs on one baseline (within a third of the font size) make a line; lines top to bottom, runs left to right. */
export function pageLines(runs: readonly TextRun[], pageWidth: number): PageLines {
  const rows: { y: number; size: number; runs: TextRun[] }[] = []
  for (const run of runs) {
    if (!run.str) continue
    const y = run.transform[5]
    const size = Math.abs(run.transform[3]) || 10
    const row = rows.find((r) => Math.abs(r.y - y) < size / 3)
    if (row) row.runs.push(run)
    else rows.push({ y, size, runs: [run] })
  }
  rows.sort((a, b) => b.y - a.y)
  // The text column: from the leftmost line start to the rightmost line end over the page.
  const starts = rows.flatMap((r) => r.runs.map((run) => run.transform[4]))
  const ends = rows.flatMap((r) => r.runs.map((run) => run.transform[4] + run.width))
  const left = starts.reduce((a, b) => Math.min(a, b), Infinity)
  const right = ends.reduce((a, b) => Math.max(a, b), -Infinity)
  const column = Math.max(1, Math.min(pageWidth, right - left))
  return {
    lines: rows.map((r) => {
      const sorted = [...r.runs].sort((a, b) => a.transform[4] - b.transform[4])
      const end = sorted.reduce((max, run) => Math.max(max, run.transform[4] + run.width), -Infinity)
      return { text: sorted.map((run) => run.str).join(''), fill: (end - left) / column }
    }),
  }
}

/** The part of pdf.js the reader uses, so that Node (legacy build) and the browser (with its worker) pass their own. */
export interface PdfJs {
  getDocument(options: { data: Uint8Array; isEvalSupported: boolean; disableFontFace: boolean; verbosity: number }): {
    promise: Promise<{
      numPages: number
      getPage(n: number): Promise<{
        getViewport(options: { scale: number }): { width: number }
        getTextContent(): Promise<{ items: unknown[] }>
        cleanup(): void
      }>
      destroy(): Promise<void>
    }>
  }
}

/** Fewer visible characters than this per page: the PDF has no text layer worth the name. */
const MIN_CHARS_PER_PAGE = 10

/** A PDF's report text, or, for a scan without a text layer, how little text it has. */
export type PdfText = { text: string } | { scanned: { chars: number; pages: number } }

/** Reads every page's text runs with the given pdf.js and joins them into the report text (`joinPages`). */
export async function readPdfText(pdfjs: PdfJs, bytes: Uint8Array): Promise<PdfText> {
  // A copy: pdf.js takes over (detaches) the buffer it is given.
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise
  const pages: PageLines[] = []
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const runs = (await page.getTextContent()).items.filter((i): i is TextRun => typeof i === 'object' && i !== null && 'str' in i)
      pages.push(pageLines(runs, page.getViewport({ scale: 1 }).width))
      page.cleanup()
    }
  } finally {
    await doc.destroy()
  }
  const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0)
  if (chars < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) return { scanned: { chars, pages: pages.length } }
  return { text: joinPages(pages) }
}
