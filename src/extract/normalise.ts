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
    if (from === to) return
    for (let i = from; i < to; i++) {
      if (original.charCodeAt(i) === 13) continue
      offsets[n++] = i
    }
    parts.push(original.slice(from, to).replace(/\r/g, ''))
  }
  // Line k runs from ends[k - 1] + 1 to ends[k]; typed, because a text of blank lines has a million of them.
  const ends = lineEnds(original)
  const startOf = (k: number) => (k === 0 ? 0 : ends[k - 1] + 1)
  const count = ends.length
  for (let li = 0; li < count; li++) {
    emit(startOf(li), ends[li])
    if (li === count - 1) break
    // Decide what separates this line from the next non-blank one.
    let next = li + 1
    while (next < count && isBlank(original, startOf(next), ends[next])) next++
    const blankCount = next - li - 1
    if (next < count && blankCount <= 1) {
      const current = original.slice(startOf(li), ends[li]).trim()
      if (current && isBrokenLine(current, original.slice(startOf(next), ends[next]).trim())) {
        li = next - 1
        continue
      }
    }
    const last = Math.min(next, count - 1)
    for (let k = li; k < last; k++) offsets[n++] = ends[k]
    if (last > li) parts.push('\n'.repeat(last - li))
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

/** Where each line ends: the position of each line feed, then the text's length. */
function lineEnds(text: string): Int32Array {
  let count = 1
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++
  const ends = new Int32Array(count)
  let k = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) ends[k++] = i
  ends[k] = text.length
  return ends
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!/\s/.test(text[i])) return false
  return true
}
