import { computed, ref, shallowRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { MapInput } from '@/charts/map'
import { loadBasemap, type Basemap } from '@/data/geo'
import { compareRows, periodsToCompare, type CompareRow } from '@/domain/compare'
import { formatValue } from '@/domain/format'
import { formatPeriod } from '@/domain/period'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { usePickedPeriod, useRowText } from './useCompare'
import { useSelection } from './useSelection'

/** A county-level unit the base map has no polygon for (the development zones), listed beside the map. */
export interface MapSideRow {
  code: string
  name: string
  label: string
  selected: boolean
}

/** The choropleth of the city's counties at one period: the base map (loaded on first use), areas, zones and the legend. */
export function useMap(decal: Ref<boolean> = ref(false)) {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const { metric } = useSelection()
  const { t } = useI18n()
  const text = useRowText()
  const basemap = shallowRef<Basemap | null>(null)
  const error = ref<string | null>(null)
  loadBasemap().then(
    (b) => (basemap.value = b),
    (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
  )

  const units = computed(() => {
    const city = data.tree.all().find((r) => r.level === 'city')
    return city ? data.tree.countiesOf(city.code).map((r) => r.code) : []
  })
  const periods = computed(() => (metric.value ? periodsToCompare(data.index, data.tree, metric.value, units.value) : []))
  const { picked, period } = usePickedPeriod(periods)
  // Without any period every unit is still drawn and listed, as 无数据.
  const rows = computed<CompareRow[]>(() =>
    metric.value && period.value
      ? compareRows(data.index, data.tree, metric.value.id, units.value, period.value)
      : units.value.map((region) => ({ region, status: 'missing', value: null, qualifier: '=', figures: [] })),
  )
  const drawn = computed(() => new Set(basemap.value?.codes ?? []))
  const selected = computed(() => new Set(filters.regions))
  const unit = computed(() => metric.value?.unit ?? '')
  const name = (code: string) => data.tree.get(code)?.name ?? code

  const sideRows = computed<MapSideRow[]>(() =>
    rows.value
      .filter((r) => !drawn.value.has(r.region))
      .map((r) => ({ code: r.region, name: name(r.region), label: text.label(r, unit.value), selected: selected.value.has(r.region) })),
  )

  const scale = computed(() => {
    const values = rows.value.flatMap((r) => (r.value === null ? [] : [r.value]))
    // The shown range, widened to whole numbers: counties at 66–72% would all look alike on a 0–100 scale.
    const min = values.length ? Math.floor(Math.min(...values)) : 0
    const max = values.length ? Math.max(Math.ceil(Math.max(...values)), min + 1) : 1
    const format = (v: number) => formatValue(v, '=', unit.value, text.lang.value)
    return { min, max, minLabel: format(min), maxLabel: format(max) }
  })

  const subtitle = computed(() => {
    const b = basemap.value
    if (!b) return ''
    return [b.title, b.schematic ? t('map.schematic') : '', b.approval ? t('map.approval', { approval: b.approval }) : ''].filter(Boolean).join(' · ')
  })

  const input = computed<MapInput | null>(() => {
    const b = basemap.value
    if (!b) return null
    const areas = rows.value
      .filter((r) => drawn.value.has(r.region))
      .map((r) => ({ code: r.region, name: name(r.region), value: r.value, label: text.label(r, unit.value), computed: r.status === 'computed', selected: selected.value.has(r.region) }))
    const periodText = period.value ? formatPeriod(period.value, text.lang.value) : ''
    const values = areas.filter((a) => a.value !== null).map((a) => `${a.name} ${a.label}`)
    return {
      mapName: b.mapName,
      title: [text.metricName(metric.value), periodText].filter(Boolean).join(' · '),
      subtitle: subtitle.value,
      unit: unit.value,
      areas,
      scale: scale.value,
      description: t('map.description', { title: subtitle.value, values: values.join('，') || t('compare.noData') }),
      decal: decal.value,
    }
  })

  return { metric, periods, period, picked, basemap, error, input, sideRows, toggle: filters.toggleRegion }
}
