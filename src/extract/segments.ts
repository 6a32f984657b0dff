/** A half-open range [start, end) of the normalised text. */
export interface Span {
  start: number
  end: number
}

/** One article of a page: its heading lines, its lead paragraph and its whole extent. */
export interface Article extends Span {
  /** Heading lines (empty when the article has none). */
  head: Span
  /** Heading lines and the first body paragraph: where the dateline names the place. */
  lead: Span
}

/** The text cut into the scopes that govern a figure, each list sorted by start. */
export interface Segments {
  articles: Article[]
  paragraphs: Span[]
  sentences: Span[]
  clauses: Span[]
  /** Runs longer than MAX_SPAN without a sentence end, which `sentences` and `clauses` cut into pieces. */
  cuts: Span[]
  /**
   * Per character: NAME inside a short quoted name (“两个覆盖”) or a document title (《…》), whose
   * numbers are not measures; SPEECH inside direct speech.
   */
  quoted: Uint8Array
}

export const NAME = 1
export const SPEECH = 2

const SENTENCE_END = /[。！？!?；;\n]/
const CLAUSE_END = /[。！？!?；;\n，,：:]/
const BYLINE = /^(本报)?(记者|通讯员|见习记者|特约记者|实习生|编辑|责任编辑|来源)[\s：:]|摄$/
const ENUMERATED = /^([一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])/

export function segmentText(text: string): Segments {
  const paragraphs = splitParagraphs(text)
  const cuts: Span[] = []
  return {
    articles: groupArticles(text, paragraphs),
    paragraphs: paragraphs.map(({ start, end }) => ({ start, end })),
    sentences: splitBy(text, SENTENCE_END, cuts),
    clauses: splitBy(text, CLAUSE_END),
    cuts,
    quoted: markQuoted(text),
  }
}

/** The span of `spans` (sorted, disjoint) containing pos, if any. */
export function spanAt<T extends Span>(spans: T[], pos: number): T | undefined {
  let lo = 0
  let hi = spans.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = spans[mid]
    if (pos < s.start) hi = mid - 1
    else if (pos >= s.end) lo = mid + 1
    else return s
  }
  return undefined
}

interface Paragraph extends Span {
  /** Blank lines before it. */
  gap: number
}

function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = []
  let newlines = 0
  let i = 0
  while (i < text.length) {
    if (text[i] === '\n') {
      newlines++
      i++
      continue
    }
    let end = text.indexOf('\n', i)
    if (end < 0) end = text.length
    if (text.slice(i, end).trim()) out.push({ start: i, end, gap: Math.max(0, newlines - 1) })
    newlines = 0
    i = end
  }
  return out
}

function isHeading(line: string): boolean {
  return line.length <= 40 && !/[，。；！？,;!?]/.test(line) && !BYLINE.test(line) && !ENUMERATED.test(line)
}

function groupArticles(text: string, paragraphs: Paragraph[]): Article[] {
  const articles: Article[] = []
  let current: { start: number; end: number; headEnd: number; leadEnd: number } | null = null
  let prevWasByline = false
  let prevWasHeading = false
  for (const p of paragraphs) {
    const line = text.slice(p.start, p.end).trim()
    const heading = isHeading(line)
    const byline = BYLINE.test(line) && line.length <= 30
    const startsNew =
      !current || p.gap >= 2 || prevWasByline || line.startsWith('▲') || (heading && !byline && !prevWasHeading)
    if (startsNew) {
      if (current) articles.push(toArticle(current))
      current = { start: p.start, end: p.end, headEnd: p.start, leadEnd: -1 }
    }
    const c = current!
    c.end = p.end
    if (heading && c.leadEnd < 0 && !byline) c.headEnd = p.end
    else if (c.leadEnd < 0 && !byline) c.leadEnd = p.end
    prevWasByline = byline
    prevWasHeading = heading && !byline
  }
  if (current) articles.push(toArticle(current))
  return articles
}

function toArticle(c: { start: number; end: number; headEnd: number; leadEnd: number }): Article {
  return {
    start: c.start,
    end: c.end,
    head: { start: c.start, end: c.headEnd },
    lead: { start: c.start, end: c.leadEnd < 0 ? c.headEnd : c.leadEnd },
  }
}

/**
 * The longest sentence or clause, in characters; a longer run without punctuation is cut into pieces this long.
 * Each figure's work grows with its clause, so text without punctuation would cost the square of its length.
 */
export const MAX_SPAN = 1000

/**
 * The spans between boundaries, each with its boundary. A boundary standing alone (a blank line, 。， in a row)
 * holds no words and gets no span: nothing looks one up, and a page of blank lines would make a million.
 */
function splitBy(text: string, boundary: RegExp, cuts: Span[] = []): Span[] {
  const spans: Span[] = []
  const re = new RegExp(boundary.source, 'g')
  let start = 0
  for (;;) {
    const m = re.exec(text)
    const end = m ? m.index + 1 : text.length
    if (end - start > 1 || (end - start === 1 && !m)) {
      if (end - start > MAX_SPAN) cuts.push({ start, end })
      for (; end - start > MAX_SPAN; start += MAX_SPAN) spans.push({ start, end: start + MAX_SPAN })
      spans.push({ start, end })
    }
    if (!m) return spans
    start = end
  }
}

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '《': '》', '〈': '〉', '『': '』' }
const OPENS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([open, close]) => [close, open]))
/** How far after its opening mark a quotation or a title may close. */
const QUOTE_REACH = 600

/**
 * Each opening mark is paired with its closing mark through one pass and a stack per kind of mark (nested marks of a
 * kind pair inside out); a line break ends every open title or quotation but “…”. A pass that scanned forward from
 * every mark would cost QUOTE_REACH characters per mark on a text of unclosed marks.
 */
function markQuoted(text: string): Uint8Array {
  const mask = new Uint8Array(text.length)
  const stacks = new Map<string, number[]>(Object.keys(PAIRS).map((open) => [open, []]))
  const spans: { open: number; close: number }[] = []
  /** Marks other than “ opened since the last line break. */
  let openTitles = 0
  const marks = /[“”‘’「」《》〈〉『』\n]/g
  for (let m = marks.exec(text); m; m = marks.exec(text)) {
    const [k, c] = [m.index, m[0]]
    if (c === '\n') {
      // Most lines open nothing: a text of blank lines should not pay for clearing every stack on each.
      if (openTitles > 0) for (const [open, stack] of stacks) if (open !== '“') stack.length = 0
      openTitles = 0
    } else if (PAIRS[c]) {
      stacks.get(c)!.push(k)
      if (c !== '“') openTitles++
    }
    else if (OPENS[c]) {
      const open = stacks.get(OPENS[c])!.pop()
      if (open !== undefined && k - open <= QUOTE_REACH) spans.push({ open, close: k })
    }
  }
  spans.sort((a, b) => a.open - b.open)
  const marked = { [NAME]: -1, [SPEECH]: -1 }
  for (const { open, close } of spans) {
    const kind = text[open] !== '《' && text[open] !== '〈' && isSpeech(text, open, close) ? SPEECH : NAME
    // Nested spans of a kind are marked once.
    for (let k = Math.max(open, marked[kind] + 1); k <= close; k++) mask[k] |= kind
    marked[kind] = Math.max(marked[kind], close)
  }
  return mask
}

function isSpeech(text: string, open: number, close: number): boolean {
  const inner = text.slice(open + 1, close)
  const before = text[open - 1] ?? '\n'
  return inner.length > 25 || /[。！？!?]/.test(inner) || before === '：' || before === ':' || before === '\n'
}
