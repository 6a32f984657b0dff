import type { Metric, Qualifier, Region } from '../domain/types'

/** What the extractor needs besides the text: the report's publication date and the catalogues. */
export interface ExtractContext {
  /** Publication date of the report: YYYY, YYYY-MM or YYYY-MM-DD; "目前" figures take it as is. */
  date: string
  regions: Region[]
  metrics: Metric[]
}

/** One candidate figure found in a report, traceable to its exact place in the original text. */
export interface Figure {
  value: number
  /** Upper end of a range such as 3至5个 (value holds the lower end). */
  value_max?: number
  unit: string
  qualifier: Qualifier
  /** Exact substring of the original text: original.slice(start, end). */
  quote: string
  start: number
  end: number
  region: string | null
  region_code: string | null
  period: string
  metric: string | null
  /** The matched metric's name, or a suggested name when no metric matched. */
  metric_name: string
  /** Name a reviewer could give a new metric, present when metric is null. */
  suggested_name?: string
  confidence: number
  /**
   * What the reviewer should check, when anything: 未识别地名：幸福里社区 (a place the region table does not know,
   * kept as region with no region_code), or a place or period taken from a fallback rather than the text around it.
   */
  flags?: string[]
}

/** Something the user should know about how a report was read, with its place in the original text. */
export interface ExtractNote {
  /**
   * long-sentence: a run of `length` characters without a sentence end, read in pieces of `max` characters.
   * too-many-figures: the report held more than `max` figures; the `length` characters from `start` were not read.
   */
  kind: 'long-sentence' | 'too-many-figures'
  start: number
  end: number
  length: number
  max: number
}

/** The figures of a report and the notes on how it was read. */
export interface ExtractResult {
  figures: Figure[]
  notes: ExtractNote[]
}
