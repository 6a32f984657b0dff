import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import type { CompareInput } from '@/charts/compare'
import { compareLabels, compareView, toCompareInput } from '@/charts/compareInput'
import { compareScope, periodsInRange, periodsToCompare, pickPeriod } from '@/domain/compare'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { useSelection } from './useSelection'

/**
 * The period a one-period view shows: the one picked (kept in the URL as `at`) when the range offers it, else the
 * latest within 起始/截止. `periods` holds every period with figures; `offered` those within the range.
 */
export function usePickedPeriod(periods: Ref<string[]>) {
  const filters = useFiltersStore()
  const offered = computed(() => periodsInRange(periods.value, filters.from, filters.to))
  const period = computed(() => pickPeriod(periods.value, filters, filters.at))
  const pick = (p: string) => (filters.at = p)
  return { offered, period, pick }
}

/** The regions to compare, the period (latest within the range by default, or the one picked) and the ranked rows, through the same pure shaping the CLI uses. */
export function useCompare(decal: Ref<boolean> = ref(false)) {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const { metric } = useSelection()
  const { t, locale } = useI18n()

  const scope = computed(() => compareScope(filters.regions, data.tree))
  const periods = computed(() => (metric.value ? periodsToCompare(data.index, data.tree, metric.value, scope.value.regions) : []))
  const { offered, period, pick } = usePickedPeriod(periods)
  const view = computed(() => compareView(data, metric.value, filters.regions, period.value))
  const rows = computed(() => view.value.rows)
  /** Regions without a figure at the period (all of them when no period has any), listed rather than dropped. */
  const missing = computed(() => view.value.missing.map((code) => data.tree.get(code)?.name ?? code))
  const input = computed<CompareInput>(() => toCompareInput(data, metric.value, view.value, locale.value === 'en' ? 'en' : 'zh', compareLabels(t), decal.value))

  return { metric, scope, periods: offered, period, pick, rows, missing, input }
}
