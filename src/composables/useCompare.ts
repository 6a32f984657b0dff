import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import type { CompareInput } from '@/charts/compare'
import { compareLabels, compareView, toCompareInput } from '@/charts/compareInput'
import { compareScope, periodsToCompare } from '@/domain/compare'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { useSelection } from './useSelection'

/** A period the user may pick from `periods`; follows the latest while none is picked or the pick is not offered. */
export function usePickedPeriod(periods: Ref<string[]>) {
  const picked = ref<string | null>(null)
  const period = computed(() => (picked.value && periods.value.includes(picked.value) ? picked.value : (periods.value.at(-1) ?? null)))
  return { picked, period }
}

/** The regions to compare, the period (latest by default, or the one picked) and the ranked rows, through the same pure shaping the CLI uses. */
export function useCompare(decal: Ref<boolean> = ref(false)) {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const { metric } = useSelection()
  const { t, locale } = useI18n()

  const scope = computed(() => compareScope(filters.regions, data.tree))
  const periods = computed(() => (metric.value ? periodsToCompare(data.index, data.tree, metric.value, scope.value.regions) : []))
  const { picked, period } = usePickedPeriod(periods)
  const view = computed(() => compareView(data, metric.value, filters.regions, period.value))
  const rows = computed(() => view.value.rows)
  /** Regions without a figure at the period (all of them when no period has any), listed rather than dropped. */
  const missing = computed(() => view.value.missing.map((code) => data.tree.get(code)?.name ?? code))
  const input = computed<CompareInput>(() => toCompareInput(data, metric.value, view.value, locale.value === 'en' ? 'en' : 'zh', compareLabels(t), decal.value))

  return { metric, scope, periods, period, picked, rows, missing, input }
}
