import { parsePeriod } from './period'
import type { SortKey } from './tableRows'
import type { WideKey } from './wideRows'

/** The dashboard's views, in tab order; 操作记录 (`audit`) is offered to administrators only. */
export const VIEWS = ['overview', 'trend', 'compare', 'map', 'table', 'sources', 'ingest', 'import', 'audit'] as const
export type ViewId = (typeof VIEWS)[number]

/** What the URL holds of the dashboard's state. */
export interface DashboardQuery {
  view: ViewId
  metric: string | null
  /** Selected region codes; empty means every region with data. */
  regions: string[]
  from: string | null
  to: string | null
  /** The one period 地图 and 对比 show; null (or one outside the range) means the latest within the range. */
  at: string | null
  /** 趋势 as each line's change since its first figure in the range (`change`) or relative change (`percent`); null: values. */
  measure: 'change' | 'percent' | null
  /** 数据表 as one row per place (各地起止对比, `wide`); null: the long list of every figure. */
  table: 'wide' | null
  /** The 数据表's sort column and direction; null: the mode's default (metric, or place, ascending). */
  sort: TableSortQuery | null
  /** The source 来源 shows, when no figure is focused; null: the first with a report text. */
  source: string | null
  /** The figure 来源 brings into view, as its `figureKey` (domain/figureKey); one the data lacks is dropped when 来源 opens. */
  figure: string | null
  /** `demo` selects the demonstration package; null the embedded real one. */
  data: 'demo' | null
  /** Print patterns on (true) or off (false); null: not stated, so the machine's last choice applies. Written only when on. */
  decal: boolean | null
  /** The page's language; null: not stated, so the machine's last choice applies. Written only when `en`. */
  lang: 'en' | 'zh' | null
  /** Only the view's chart and its frame, for an intranet portal's iframe. */
  embed: boolean
}

/** A 数据表 sort as a link holds it: a column of the current mode and a direction. */
export interface TableSortQuery {
  key: SortKey | WideKey
  dir: 'asc' | 'desc'
}

/** The columns each 数据表 mode sorts by. */
export const SORT_KEYS = {
  long: ['metric', 'region', 'period', 'value', 'unit', 'source'] as const satisfies readonly SortKey[],
  wide: ['region', 'start', 'end', 'change', 'relative'] as const satisfies readonly WideKey[],
}

/** The state of a fresh dashboard: 总览, the view that shows the most of the data. */
export const EMPTY_QUERY: DashboardQuery = {
  view: 'overview',
  metric: null,
  regions: [],
  from: null,
  to: null,
  at: null,
  measure: null,
  table: null,
  sort: null,
  source: null,
  figure: null,
  data: null,
  decal: null,
  lang: null,
  embed: false,
}

/**
 * The view a link without `view` means: 趋势 when it names a metric (links were written so before 总览 became the
 * landing view, and a metric is what a trend draws), else 总览.
 */
export function impliedView(metric: string | null): ViewId {
  return metric ? 'trend' : 'overview'
}

/** A figure key's shape (see `figureKey`): four parts, none empty. */
const FIGURE_KEY = /^[^~]+~[^~]+~[^~]+~[^~]+$/

/** Reads `?view=trend&metric=…&regions=371726,371702&from=2024&to=2025-01&at=2024-06&data=demo`; unknown keys are ignored. */
export function parseDashboardQuery(search: string): DashboardQuery {
  return readDashboardQuery(search).query
}

/**
 * Reads a link and lists the values of known keys it did not understand (`lang=fr`, `table=pivot`), as `key=value`,
 * so the page can say in words what it ignored.
 */
export function readDashboardQuery(search: string): { query: DashboardQuery; unknown: string[] } {
  const params = new URLSearchParams(search)
  const unknown: string[] = []
  const text = (key: string) => params.get(key)?.trim() || null
  /** The key's value when `ok`; anything else is noted and read as the default (null). */
  const pick = (key: string, ok: (value: string) => boolean) => {
    const value = text(key)
    return value === null || ok(value) ? value : (unknown.push(`${key}=${value}`), null)
  }
  const flag = (key: string) => pick(key, (v) => v === '1' || v === '0')
  const regions = (params.get('regions') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  const view = text('view')
  const table = pick('table', (v) => v === 'wide' || v === 'long')
  const columns: readonly string[] = SORT_KEYS[table === 'wide' ? 'wide' : 'long']
  const sort = pick('sort', (v) => columns.includes(v.replace(/^-/, '')))
  const figure = pick('figure', (v) => FIGURE_KEY.test(v))
  const decal = flag('decal')
  const lang = pick('lang', (v) => v === 'en' || v === 'zh') as DashboardQuery['lang']
  const embed = flag('embed')
  return {
    query: {
      view: view && (VIEWS as readonly string[]).includes(view) ? (view as ViewId) : impliedView(text('metric')),
      metric: text('metric'),
      regions: [...new Set(regions)],
      from: text('from'),
      to: text('to'),
      at: text('at'),
      measure: text('measure') === 'change' ? 'change' : text('measure') === 'percent' ? 'percent' : null,
      table: table === 'wide' ? 'wide' : null,
      sort: sort ? { key: sort.replace(/^-/, '') as TableSortQuery['key'], dir: sort[0] === '-' ? 'desc' : 'asc' } : null,
      source: text('source'),
      figure,
      data: text('data') === 'demo' ? 'demo' : null,
      decal: decal === null ? null : decal === '1',
      lang,
      embed: embed === '1',
    },
    unknown,
  }
}

/** Writes the query string for a state, keys in a fixed order, defaults and empty values left out. */
export function toDashboardQuery(state: DashboardQuery): string {
  const params = new URLSearchParams()
  if (state.view !== impliedView(state.metric)) params.set('view', state.view)
  if (state.metric) params.set('metric', state.metric)
  if (state.regions.length > 0) params.set('regions', state.regions.join(','))
  if (state.from) params.set('from', state.from)
  if (state.to) params.set('to', state.to)
  if (state.at) params.set('at', state.at)
  if (state.measure) params.set('measure', state.measure)
  if (state.table) params.set('table', state.table)
  if (state.sort) params.set('sort', `${state.sort.dir === 'desc' ? '-' : ''}${state.sort.key}`)
  if (state.source) params.set('source', state.source)
  if (state.figure) params.set('figure', state.figure)
  if (state.data) params.set('data', state.data)
  if (state.decal) params.set('decal', '1')
  if (state.lang === 'en') params.set('lang', 'en')
  if (state.embed) params.set('embed', '1')
  // Commas, tildes and slashes are safe in a query and keep shared links readable.
  const query = params.toString().replace(/%2C/g, ',').replace(/%7E/g, '~').replace(/%2F/g, '/')
  return query ? `?${query}` : ''
}

/** Drops what the loaded data does not know (a link from another dataset, a typo) and says what was dropped. */
export function sanitizeQuery(
  query: DashboardQuery,
  known: { metric: (id: string) => boolean; region: (code: string) => boolean; source: (id: string) => boolean },
): { query: DashboardQuery; dropped: string[] } {
  const dropped: string[] = []
  const metric = query.metric && !known.metric(query.metric) ? (dropped.push(`metric=${query.metric}`), null) : query.metric
  const regions = query.regions.filter((code) => known.region(code) || (dropped.push(`regions=${code}`), false))
  const period = (key: 'from' | 'to' | 'at') => (query[key] && !parsePeriod(query[key]) ? (dropped.push(`${key}=${query[key]}`), null) : query[key])
  const source = query.source && !known.source(query.source) ? (dropped.push(`source=${query.source}`), null) : query.source
  return { query: { ...query, metric, regions, from: period('from'), to: period('to'), at: period('at'), source }, dropped }
}
