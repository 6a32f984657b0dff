import type { Insertable, Selectable } from 'kysely'
import { aggregateText } from '@/domain/batchCheck'
import type { Aggregate, Metric, MetricKind, Observation, Qualifier, Region, RegionLevel, Source, Temporal } from '@/domain/types'
import type { Database } from './schema'

/** Rows of the record and the package's types, one pair of functions a table. */
const list = (text: string) => text.split('|').map((s) => s.trim()).filter(Boolean)

export const regionRow = (r: Region): Insertable<Database['regions']> => ({ code: r.code, name: r.name, name_en: r.nameEn ?? '', level: r.level, parent: r.parent, aliases: r.aliases.join('|') })
export const toRegion = (r: Selectable<Database['regions']>): Region => {
  const region: Region = { code: r.code, name: r.name, level: r.level as RegionLevel, parent: r.parent, aliases: list(r.aliases) }
  return r.name_en ? { ...region, nameEn: r.name_en } : region
}

export const metricRow = (m: Metric): Insertable<Database['metrics']> => ({
  id: m.id,
  name: m.name,
  name_en: m.nameEn,
  unit: m.unit,
  kind: m.kind,
  temporal: m.temporal,
  aggregate: aggregateText(m),
  category: m.category,
  definition: m.definition,
  aliases: m.aliases.join('|'),
  target: m.target,
})
export const toMetric = (m: Selectable<Database['metrics']>): Metric => ({
  id: m.id,
  name: m.name,
  nameEn: m.name_en,
  unit: m.unit,
  kind: m.kind as MetricKind,
  temporal: m.temporal as Temporal,
  aggregate: parseAggregate(m.aggregate),
  category: m.category,
  definition: m.definition,
  aliases: list(m.aliases),
  target: m.target,
})

function parseAggregate(text: string): Aggregate {
  if (text === 'sum' || text === 'none') return { kind: text }
  const [numerator, denominator] = text.slice('ratio:'.length).split('/')
  return { kind: 'ratio', numerator, denominator }
}

export const sourceRow = (s: Source, batchId: string | null): Insertable<Database['sources']> => ({
  id: s.id,
  title: s.title,
  publication: s.publication,
  date: s.date,
  author: s.author,
  file: s.file,
  url: s.url,
  note: s.note,
  batch_id: batchId,
})
export const toSource = (s: Selectable<Database['sources']>): Source => ({
  id: s.id,
  title: s.title,
  publication: s.publication,
  date: s.date,
  author: s.author,
  file: s.file,
  url: s.url,
  note: s.note,
})

export const toObservation = (o: Pick<Selectable<Database['observations']>, 'metric' | 'region' | 'period' | 'value' | 'qualifier' | 'source' | 'quote'>): Observation => ({
  metric: o.metric,
  region: o.region,
  period: o.period,
  value: o.value,
  qualifier: o.qualifier as Qualifier,
  source: o.source,
  quote: o.quote,
})
