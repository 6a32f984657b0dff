/** How a reported figure relates to the true value: exact, at least (余/多/以上), about (约/近), at most (不超过). */
export type Qualifier = '=' | '>=' | '~' | '<='

export const QUALIFIERS: readonly Qualifier[] = ['=', '>=', '~', '<=']

/** Administrative level; `zone` is a functional zone (经开区, 高新区) without a GB county code of its own kind. */
export type RegionLevel = 'city' | 'county' | 'zone' | 'town' | 'village'

/** One row of regions.csv. */
export interface Region {
  code: string
  name: string
  level: RegionLevel
  /** Code of the enclosing region; null for the city. */
  parent: string | null
  /** Short forms a report may use (鄄城 for 鄄城县). */
  aliases: string[]
  /** The English name (Juancheng County); absent in packages without the `name_en` column. */
  nameEn?: string
}

export type MetricKind = 'count' | 'rate'
export type Temporal = 'stock' | 'flow' | 'cumulative'

/** How values of one metric roll up from child regions to their parent. */
export type Aggregate =
  | { kind: 'sum' }
  | { kind: 'none' }
  | { kind: 'ratio'; numerator: string; denominator: string }

/** One row of metrics.csv. */
export interface Metric {
  id: string
  name: string
  nameEn: string
  unit: string
  kind: MetricKind
  temporal: Temporal
  aggregate: Aggregate
  category: string
  definition: string
  /** Phrases reports use for this metric. */
  aliases: string[]
  /** A goal value drawn as a target line (100 for full coverage), when the metric has one. */
  target: number | null
}

/** One row of sources.csv. */
export interface Source {
  id: string
  title: string
  publication: string
  /** ISO date or month of publication. */
  date: string
  author: string
  /** Report text under data/reports/, when shipped. */
  file: string
  url: string
  note: string
}

/** One row of observations.csv: one metric × region × period figure with its provenance. */
export interface Observation {
  metric: string
  region: string
  /** ISO 8601 period: 2024, 2024-Q4, 2024-12, 2024-12-31 or an interval 2022/2025-01. */
  period: string
  value: number
  qualifier: Qualifier
  source: string
  /** Shortest exact substring of the source's report text that states the figure; '' when no text is shipped. */
  quote: string
}

/** Everything the app charts: the validated data package plus the report texts by source id. */
export interface Dataset {
  regions: Region[]
  metrics: Metric[]
  sources: Source[]
  observations: Observation[]
  reports: Record<string, string>
}

/** Figures a user added in the browser: one imported file or one reviewed report, kept and undone as a whole. */
export interface UserBatch {
  id: string
  kind: 'import' | 'report'
  /** File name or report title, as the user knows it. */
  name: string
  /** ISO timestamp of when it was added. */
  createdAt: string
  observations: Observation[]
  sources: Source[]
  /** Metrics the user created while importing or reviewing. */
  metrics: Metric[]
  /** Report texts by source id. */
  reports: Record<string, string>
}
