import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { EMPTY_QUERY, type DashboardQuery, type TableSortQuery, type ViewId } from '@/domain/dashboardQuery'

/** The part of the link's state this store holds; language, print patterns and embedding are the display store's. */
export type FilterQuery = Omit<DashboardQuery, 'decal' | 'lang' | 'embed'>

/** What the user narrowed the dashboard to; mirrored in the URL by useUrlSync. */
export const useFiltersStore = defineStore('filters', () => {
  const view = ref<ViewId>(EMPTY_QUERY.view)
  const metric = ref<string | null>(null)
  /** Selected region codes; empty means every region with figures for the metric. */
  const regions = ref<string[]>([])
  const from = ref<string | null>(null)
  const to = ref<string | null>(null)
  /** The period 地图 and 对比 show, when the user picked one (else the latest within the range). */
  const at = ref<string | null>(null)
  /** 趋势 as change since the range's start (absolute or relative), or as values (null). */
  const measure = ref<'change' | 'percent' | null>(null)
  /** 数据表 as one row per place (`wide`) or the long list (null). */
  const table = ref<'wide' | null>(null)
  /** The 数据表's sort; null: the mode's default. */
  const sort = ref<TableSortQuery | null>(null)
  /** The source picked in 来源 (when no figure is focused). */
  const source = ref<string | null>(null)
  /** The figure 来源 was opened at (`figureKey`); the focus store finds it in the data. */
  const figure = ref<string | null>(null)
  /** `demo` while the demonstration package is shown. */
  const data = ref<'demo' | null>(null)
  /** Link parts dropped because the data does not know them, shown as a notice. */
  const dropped = ref<string[]>([])

  const query = computed<FilterQuery>(() => ({
    view: view.value,
    metric: metric.value,
    regions: regions.value,
    from: from.value,
    to: to.value,
    at: at.value,
    measure: measure.value,
    table: table.value,
    sort: sort.value,
    source: source.value,
    figure: figure.value,
    data: data.value,
  }))

  function apply(next: FilterQuery): void {
    view.value = next.view
    metric.value = next.metric
    regions.value = [...next.regions]
    from.value = next.from
    to.value = next.to
    at.value = next.at
    measure.value = next.measure
    table.value = next.table
    sort.value = next.sort
    source.value = next.source
    figure.value = next.figure
    data.value = next.data
  }

  function toggleRegion(code: string): void {
    regions.value = regions.value.includes(code) ? regions.value.filter((c) => c !== code) : [...regions.value, code].sort()
  }

  /** Clears the filters; the view, the table's form and sort, 来源's source and figure and the chosen package stay. */
  function reset(): void {
    apply({ ...EMPTY_QUERY, view: view.value, table: table.value, sort: sort.value, source: source.value, figure: figure.value, data: data.value })
    dropped.value = []
  }

  return { view, metric, regions, from, to, at, measure, table, sort, source, figure, data, dropped, query, apply, toggleRegion, reset }
})
