/** A run of report text: plain (`keys` empty) or marked for the candidates whose offsets cover it. */
export interface IngestSegment {
  text: string
  start: number
  keys: number[]
}

/**
 * Splits the text at the candidates' offsets. Unlike highlightQuotes (domain/highlight.ts), which finds a
 * quote's first occurrence, this uses the extractor's offsets, so a phrase stated twice marks the right one.
 * Overlapping candidates share one mark; the segments always join back into the text.
 */
export function segmentByOffsets(text: string, spans: readonly { key: number; start: number; end: number }[]): IngestSegment[] {
  const sorted = spans.filter((s) => s.start < s.end && s.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end)
  const segments: IngestSegment[] = []
  let at = 0
  for (let i = 0; i < sorted.length; ) {
    const start = sorted[i].start
    let end = sorted[i].end
    const keys: number[] = []
    while (i < sorted.length && sorted[i].start < end) {
      end = Math.max(end, sorted[i].end)
      keys.push(sorted[i++].key)
    }
    if (start > at) segments.push({ text: text.slice(at, start), start: at, keys: [] })
    segments.push({ text: text.slice(start, end), start, keys })
    at = end
  }
  if (at < text.length) segments.push({ text: text.slice(at), start: at, keys: [] })
  return segments
}
