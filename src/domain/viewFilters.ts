import type { ViewId } from './dashboardQuery'

/** A part of the filter panel. */
export type FilterPart = 'metric' | 'period' | 'regions'

/**
 * The filters each view reads, so the panel shows only what changes what is on screen: 总览 shows every metric's
 * latest figure for the regions picked; 来源, 报告录入, 导入数据 and 操作记录 read no filter at all.
 */
export const VIEW_FILTERS: Record<ViewId, readonly FilterPart[]> = {
  overview: ['regions'],
  trend: ['metric', 'period', 'regions'],
  compare: ['metric', 'period', 'regions'],
  map: ['metric', 'period', 'regions'],
  table: ['metric', 'period', 'regions'],
  sources: [],
  ingest: [],
  import: [],
  audit: [],
}
