import { parsePeriod } from './period'

/** What the URL holds of the dashboard's state. */
export interface DashboardQuery {
  metric: string | null
  /** Selected region codes; empty means every region with data. */
  regions: string[]
  from: string | null
  to: string | null
}

/** The state of a fresh dashboard. */
export const EMPTY_QUERY: DashboardQuery = { metric: null, regions: [], from: null, to: null }

/** Reads `?metric=…&regions=371726,371702&from=2024&to=2025-01`; unknown keys are ignored. */
export function parseDashboardQuery(search: string): DashboardQuery {
  const params = new URLSearchParams(search)
  const text = (key: string) => params.get(key)?.trim() || null
  const regions = (params.get('regions') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  return { metric: text('metric'), regions: [...new Set(regions)], from: text('from'), to: text('to') }
}

/** Writes the query string for a state, keys in a fixed order, empty values left out. */
export function toDashboardQuery(state: DashboardQuery): string {
  const params = new URLSearchParams()
  if (state.metric) params.set('metric', state.metric)
  if (state.regions.length > 0) params.set('regions', state.regions.join(','))
  if (state.from) params.set('from', state.from)
  if (state.to) params.set('to', state.to)
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
  const period = (key: 'from' | 'to') => (query[key] && !parsePeriod(query[key]) ? (dropped.push(`${key}=${query[key]}`), null) : query[key])
  return { query: { metric, regions, from: period('from'), to: period('to') }, dropped }
}
