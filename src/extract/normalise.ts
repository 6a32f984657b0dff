/** Report text with page-column breaks joined; offsets[i] is the original offset of text[i]. */
export interface NormalisedText {
  text: string
  original: string
  /** Original offset of each normalised character, plus one entry for the end of the text. */
  offsets: Int32Array
}

const TERMINAL = new Set('。！？!?；;…：:'.split(''))
const BODY_PUNCT = /[，。、；！？,;]/
const NEW_BLOCK = /^(▲|本报讯|记者|通讯员|见习记者|特约记者|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)])/

/**
 * Joins lines that a newspaper layout broke mid-sentence ("5个\n\n部门整合…"), maps full-width
 * digits and percent signs to ASCII one for one, and keeps a map back to the original offsets.
 */
export function normaliseText(original: string): NormalisedText {
  const parts: string[] = []
  const offsets = new Int32Array(original.length + 1)
  let n = 0
  const emit = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (original.charCodeAt(i) === 13) continue
      offsets[n++] = i
    }
    parts.push(original.slice(from, to).replace(/\r/g, ''))
  }
  const lines = splitLines(original)
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]
    emit(line.start, line.end)
    if (li === lines.length - 1) break
    // Decide what separates this line from the next non-blank one.
    let next = li + 1
    while (next < lines.length && isBlank(original, lines[next])) next++
    const blankCount = next - li - 1
    const current = original.slice(line.start, line.end).trim()
    if (next < lines.length && current && blankCount <= 1 && isBrokenLine(current, original.slice(lines[next].start, lines[next].end).trim())) {
      li = next - 1
      continue
    }
    for (let k = li; k < next && k < lines.length - 1; k++) {
      parts.push('\n')
      offsets[n++] = lines[k].end
    }
    li = next - 1
  }
  offsets[n] = original.length
  return { text: parts.join('').replace(FOLD, foldChar), original, offsets: offsets.subarray(0, n + 1) }
}

const FOLD = /[０-９％．\u3000\u00a0]/g

/** The original range [start, end) covering the normalised range [start, end). */
export function toOriginalRange(n: NormalisedText, start: number, end: number): [number, number] {
  if (end <= start) return [n.offsets[start], n.offsets[start]]
  return [n.offsets[start], n.offsets[end - 1] + 1]
}

function isBrokenLine(line: string, nextLine: string): boolean {
  if (!nextLine || NEW_BLOCK.test(nextLine)) return false
  const last = line[line.length - 1]
  if (TERMINAL.has(last)) return false
  if ((last === '”' || last === '’' || last === '」') && TERMINAL.has(line[line.length - 2])) return false
  return BODY_PUNCT.test(line) || line.length >= 30
}

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0)
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48)
  if (ch === '％') return '%'
  if (ch === '．') return '.'
  if (ch === '\u3000' || ch === '\u00a0') return ' '
  return ch
}

interface LineSpan {
  start: number
  end: number
}

function splitLines(text: string): LineSpan[] {
  const lines: LineSpan[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lines.push({ start, end: i })
      start = i + 1
    }
  }
  lines.push({ start, end: text.length })
  return lines
}

function isBlank(text: string, line: LineSpan): boolean {
  for (let i = line.start; i < line.end; i++) if (!/\s/.test(text[i])) return false
  return true
}
