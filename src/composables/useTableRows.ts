import { computed, ref, watch } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { formatValue, unitIn } from '@/domain/format'
import { formatPeriod } from '@/domain/period'
import { selectRows, sortRows, type SortKey, type TableSort } from '@/domain/tableRows'
import type { Observation } from '@/domain/types'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'

/** One displayed row of the data table. */
export interface TableRow {
  key: string
  obs: Observation
  metric: string
  region: string
  period: string
  value: string
  unit: string
  source: string
}

const DEFAULT_SORT: TableSort = { key: 'metric', dir: 'asc' }

/** The data table's rows: every metric's figures in the filtered regions and range, sorted, one page at a time. */
export function useTableRows(pageSize = 200) {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const { locale } = useI18n()
  /** An optional metric filter local to the table. */
  const metric = ref<string | null>(null)
  // The sort is in the link (filters.sort, null for this default).
  const sort = computed<TableSort>(() => (filters.table === null && filters.sort ? (filters.sort as TableSort) : DEFAULT_SORT))
  const page = ref(0)

  // Row ids, not objects: at a million figures only the visible page is ever made into observations.
  const selected = computed(() => selectRows(data.index, { regions: filters.regions, from: filters.from, to: filters.to, metric: metric.value }, data.tree))
  const sorted = computed(() => {
    const order = new Map(data.dataset.metrics.map((m, i) => [m.id, i]))
    return sortRows(data.index, selected.value, sort.value, {
      metricOrder: (id) => order.get(id) ?? order.size,
      unit: (id) => data.metricById.get(id)?.unit ?? '',
      sourceTitle: (id) => data.sourceById.get(id)?.title ?? id,
    })
  })
  const pages = computed(() => Math.max(1, Math.ceil(sorted.value.length / pageSize)))
  watch(sorted, () => (page.value = 0))

  // Only the visible page is formatted and rendered, so 100k figures never reach the DOM at once.
  const rows = computed<TableRow[]>(() => {
    const lang = locale.value === 'en' ? 'en' : 'zh'
    const first = page.value * pageSize
    return data.index.observationsAt(sorted.value, first, first + pageSize).map((o, i) => {
      const m = data.metricById.get(o.metric)
      return {
        key: `${first + i}|${o.metric}|${o.region}|${o.period}|${o.source}`,
        obs: o,
        metric: m ? (lang === 'en' ? m.nameEn : m.name) : o.metric,
        region: data.tree.get(o.region)?.name ?? o.region,
        period: formatPeriod(o.period, lang),
        value: formatValue(o.value, o.qualifier, '', lang),
        unit: unitIn(m?.unit ?? '', lang),
        source: data.sourceById.get(o.source)?.title ?? o.source,
      }
    })
  })

  /** Sorts by a column; a second click on the same column reverses it. */
  function sortBy(key: SortKey): void {
    const next: TableSort = { key, dir: sort.value.key === key && sort.value.dir === 'asc' ? 'desc' : 'asc' }
    filters.sort = next.key === DEFAULT_SORT.key && next.dir === DEFAULT_SORT.dir ? null : next
  }

  return { metric, sort, sortBy, page, pages, total: computed(() => sorted.value.length), pageSize, rows }
}
