import { computed } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { formatValue, qualifierSymbol } from '@/domain/format'
import { formatPeriod } from '@/domain/period'
import { sortWideRows, wideRows, type WideKey } from '@/domain/wideRows'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { useSelection } from './useSelection'

/** One displayed row of the wide table. */
export interface WideTableRow {
  region: string
  name: string
  start: string
  startPeriod: string
  end: string
  endPeriod: string
  change: string
  relative: string
}

type WideSort = { key: WideKey; dir: 'asc' | 'desc' }
const DEFAULT_SORT: WideSort = { key: 'region', dir: 'asc' }

/** The 数据表's wide form: the page's metric, one row per place shown, sorted by a column. */
export function useWideTable() {
  const data = useDatasetStore()
  const { metric, series } = useSelection()
  const { locale } = useI18n()
  const filters = useFiltersStore()
  // The sort is in the link (filters.sort, null for this default).
  const sort = computed<WideSort>(() => (filters.table === 'wide' && filters.sort ? (filters.sort as WideSort) : DEFAULT_SORT))

  function sortBy(key: WideKey): void {
    // A second click reverses; a number column starts with the largest, places in code order.
    const next: WideSort = sort.value.key === key ? { key, dir: sort.value.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'region' ? 'asc' : 'desc' }
    filters.sort = next.key === DEFAULT_SORT.key && next.dir === DEFAULT_SORT.dir ? null : next
  }

  const rows = computed<WideTableRow[]>(() => {
    const lang = locale.value === 'en' ? 'en' : 'zh'
    const unit = metric.value?.unit ?? ''
    // A change of a rate is in percentage points: +11.3% would read as a relative change.
    const changeUnit = unit === '%' ? (lang === 'en' ? 'pp' : '个百分点') : unit
    const signed = (v: number, u: string, approximate: boolean) => `${approximate ? qualifierSymbol('~', lang) : ''}${v > 0 ? '+' : ''}${formatValue(Math.round(v * 10) / 10, '=', u, lang)}`
    const sorted = sortWideRows(wideRows(series.value), sort.value.key, sort.value.dir, (code) => Number(code))
    return sorted.map((r) => ({
      region: r.region,
      name: data.tree.get(r.region)?.name ?? r.region,
      start: r.start ? formatValue(r.start.value, r.start.qualifier, unit, lang) : '',
      startPeriod: r.start ? formatPeriod(r.start.period, lang) : '',
      end: r.end ? formatValue(r.end.value, r.end.qualifier, unit, lang) : '',
      endPeriod: r.end ? formatPeriod(r.end.period, lang) : '',
      change: r.change === null ? '—' : signed(r.change, changeUnit, r.approximate),
      relative: r.relative === null ? '—' : signed(r.relative * 100, '%', r.approximate),
    }))
  })

  return { metric, rows, sort, sortBy }
}
