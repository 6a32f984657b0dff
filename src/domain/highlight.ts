/** A run of report text: plain (`items` empty) or highlighted for the figures whose quotes cover it. */
export interface TextSegment<T> {
  text: string
  /** Offset of the segment in the report text. */
  start: number
  items: T[]
}

/** The report split into segments, and the items whose quote does not occur in the text. */
export interface Highlighted<T> {
  segments: TextSegment<T>[]
  missing: T[]
}

/**
 * Splits `text` into plain and highlighted segments, one highlight per quote found (its first occurrence).
 * Overlapping quotes merge into one highlight that carries every item covering it.
 */
export function highlightQuotes<T>(text: string, quotes: readonly { quote: string; item: T }[]): Highlighted<T> {
  const missing: T[] = []
  const spans: { start: number; end: number; item: T }[] = []
  for (const { quote, item } of quotes) {
    const start = quote ? text.indexOf(quote) : -1
    if (start < 0) missing.push(item)
    else spans.push({ start, end: start + quote.length, item })
  }
  return { segments: segmentSpans(text, spans), missing }
}

/**
 * Splits `text` at the given spans. Overlapping spans merge into one highlight that carries every item
 * covering it, so no character is marked twice; empty or out-of-range spans are ignored, and the segments
 * always join back into the text.
 */
export function segmentSpans<T>(text: string, spans: readonly { start: number; end: number; item: T }[]): TextSegment<T>[] {
  const ranges = spans.filter((s) => s.start >= 0 && s.start < s.end && s.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end)
  const segments: TextSegment<T>[] = []
  let at = 0
  for (let i = 0; i < ranges.length; ) {
    const start = ranges[i].start
    let end = ranges[i].end
    const items: T[] = []
    // Absorb every range that starts before the current highlight ends.
    while (i < ranges.length && ranges[i].start < end) {
      end = Math.max(end, ranges[i].end)
      items.push(ranges[i++].item)
    }
    if (start > at) segments.push({ text: text.slice(at, start), start: at, items: [] })
    segments.push({ text: text.slice(start, end), start, items })
    at = end
  }
  if (at < text.length) segments.push({ text: text.slice(at), start: at, items: [] })
  return segments
}
