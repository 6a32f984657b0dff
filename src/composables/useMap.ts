import { computed, ref, shallowRef, type Ref } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import type { MapInput } from '@/charts/map'
import { mapLabels, mapRows, mapUnits, toChangeRows, toMapInput, toMapSideRows, type MapSideRow } from '@/charts/mapInput'
import { loadBasemap, type Basemap } from '@/data/geo'
import { periodsToCompare } from '@/domain/compare'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { usePickedPeriod } from './useCompare'
import { useSelection } from './useSelection'

export type { MapSideRow }

/** The choropleth of the city's counties at one period: the base map (loaded on first use), areas, zones and the legend. */
export function useMap(decal: Ref<boolean> = ref(false)) {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const { metric } = useSelection()
  const { t, locale } = useI18n()
  const basemap = shallowRef<Basemap | null>(null)
  const error = ref<string | null>(null)
  loadBasemap().then(
    (b) => (basemap.value = b),
    (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
  )

  const periods = computed(() => (metric.value ? periodsToCompare(data.index, data.tree, metric.value, mapUnits(data.tree)) : []))
  const { offered, period, pick } = usePickedPeriod(periods)
  // Values, or each county's change since the range's start (measure=, as on the trend).
  const rows = computed(() => {
    const values = mapRows(data, metric.value, period.value)
    return filters.measure ? toChangeRows(data, metric.value, values, period.value, filters.from, filters.measure) : values
  })
  const lang = computed(() => (locale.value === 'en' ? 'en' : 'zh'))
  const labels = computed(() => mapLabels(t))

  const sideRows = computed<MapSideRow[]>(() => toMapSideRows(data, metric.value, rows.value, basemap.value, filters.regions, lang.value, labels.value, filters.measure ?? 'value'))
  const input = computed<MapInput | null>(() =>
    basemap.value ? toMapInput(data, metric.value, rows.value, basemap.value, filters.regions, period.value, lang.value, labels.value, decal.value, filters.measure ?? 'value') : null,
  )

  return { metric, periods: offered, period, pick, basemap, error, input, sideRows, toggle: filters.toggleRegion }
}
