import { parsePeriod } from './period'

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
  /** `demo` selects the demonstration package; null the embedded real one. */
  data: 'demo' | null
}

/** The state of a fresh dashboard: 总览, the view that shows the most of the data. */
export const EMPTY_QUERY: DashboardQuery = { view: 'overview', metric: null, regions: [], from: null, to: null, at: null, measure: null, data: null }

/**
 * The view a link without `view` means: 趋势 when it names a metric (links were written so before 总览 became the
 * landing view, and a metric is what a trend draws), else 总览.
 */
export function impliedView(metric: string | null): ViewId {
  return metric ? 'trend' : 'overview'
}

/** Reads `?view=trend&metric=…&regions=371726,371702&from=2024&to=2025-01&at=2024-06&data=demo`; unknown keys are ignored. */
export function parseDashboardQuery(search: string): DashboardQuery {
  const params = new URLSearchParams(search)
  const text = (key: string) => params.get(key)?.trim() || null
  const regions = (params.get('regions') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  const view = text('view')
  return {
    view: view && (VIEWS as readonly string[]).includes(view) ? (view as ViewId) : impliedView(text('metric')),
    metric: text('metric'),
    regions: [...new Set(regions)],
    from: text('from'),
    to: text('to'),
    at: text('at'),
    measure: text('measure') === 'change' ? 'change' : text('measure') === 'percent' ? 'percent' : null,
    data: text('data') === 'demo' ? 'demo' : null,
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
  if (state.data) params.set('data', state.data)
  const query = params.toString().replace(/%2C/g, ',')
  return query ? `?${query}` : ''
}

/** Drops what the loaded data does not know (a link from another dataset, a typo) and says what was dropped. */
export function sanitizeQuery(
  query: DashboardQuery,
  known: { metric: (id: string) => boolean; region: (code: string) => boolean },
): { query: DashboardQuery; dropped: string[] } {
  const dropped: string[] = []
  const metric = query.metric && !known.metric(query.metric) ? (dropped.push(`metric=${query.metric}`), null) : query.metric
  const regions = query.regions.filter((code) => known.region(code) || (dropped.push(`regions=${code}`), false))
  const period = (key: 'from' | 'to' | 'at') => (query[key] && !parsePeriod(query[key]) ? (dropped.push(`${key}=${query[key]}`), null) : query[key])
  return { query: { ...query, metric, regions, from: period('from'), to: period('to'), at: period('at') }, dropped }
}
