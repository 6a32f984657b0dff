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
