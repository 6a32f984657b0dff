import { segmentSpans } from './highlight'

/** A run of report text: plain (`keys` empty) or marked for the candidates whose offsets cover it. */
export interface IngestSegment {
  text: string
  start: number
  keys: number[]
}

/**
 * Splits the text at the candidates' offsets. Unlike highlightQuotes, which finds a quote's first occurrence,
 * this uses the extractor's offsets, so a phrase stated twice marks the right one.
 */
export function segmentByOffsets(text: string, spans: readonly { key: number; start: number; end: number }[]): IngestSegment[] {
  return segmentSpans(text, spans.map(({ key, start, end }) => ({ start, end, item: key }))).map(({ text, start, items }) => ({ text, start, keys: items }))
}
