import { compareRows, type CompareRow } from '@/domain/compare'
import { formatValue, unitIn } from '@/domain/format'
import { formatPeriod, parsePeriod } from '@/domain/period'
import type { RegionTree } from '@/domain/regions'
import type { Metric } from '@/domain/types'
import { compareLabels, rowLabel, type RowLabels, type Translate } from './compareInput'
import type { MapBin, MapInput } from './map'
import { changeSince, measureUnit, metricName, type ChartData, type TrendMeasure } from './trendInput'

/** The base map's facts the input needs (data/geo's Basemap, without importing the loader). */
export interface MapBase {
  mapName: string
  /** County codes the GeoJSON has polygons for. */
  codes: readonly string[]
  title: string
  schematic: boolean
  approval: string
}

/** The map texts: the row labels of the compare view, the base map's note and the aria description. */
export interface MapLabels extends RowLabels {
  schematic: string
  approval: (approval: string) => string
  description: (params: { title: string; values: string }) => string
}

/** The map texts in the current language, from any translator over the app's messages. */
export function mapLabels(t: Translate): MapLabels {
  return {
    ...compareLabels(t),
    schematic: t('map.schematic'),
    approval: (approval) => t('map.approval', { approval }),
    description: (params) => t('map.description', params),
  }
}

/** A county-level unit the base map has no polygon for (the development zones), listed beside the map. */
export interface MapSideRow {
  code: string
  name: string
  label: string
  selected: boolean
}

/** The county-level units of the city: what the map draws or lists. */
export function mapUnits(tree: RegionTree): string[] {
  const city = tree.all().find((r) => r.level === 'city')
  return city ? tree.countiesOf(city.code).map((r) => r.code) : []
}

/** Every unit's row at `period`; without a period every unit is still drawn and listed, as 无数据. */
export function mapRows(data: ChartData, metric: Metric | undefined, period: string | null): CompareRow[] {
  const units = mapUnits(data.tree)
  return metric && period
    ? compareRows(data.index, data.tree, metric.id, units, period)
    : units.map((region) => ({ region, status: 'missing', value: null, qualifier: '=', figures: [] }))
}

/**
 * Each unit's change from its first figure within the range (from `from` to `period`) to its figure at `period`,
 * absolute (a rate's in percentage points) or relative, as the trend's change lines measure it: a unit without a
 * figure of its own at both ends, or with sources in conflict, has no change (无数据); a change from or to a 余/约
 * figure is approximate; a relative change from 0 has no value.
 */
export function toChangeRows(data: ChartData, metric: Metric | undefined, rows: readonly CompareRow[], period: string | null, from: string | null, measure: Exclude<TrendMeasure, 'value'>): CompareRow[] {
  const missing = (r: CompareRow): CompareRow => ({ ...r, status: 'missing', value: null, qualifier: '=' })
  if (!metric || !period || !parsePeriod(period)) return rows.map(missing)
  return rows.map((r) => {
    if (r.status !== 'reported' || r.value === null) return missing(r)
    const [series] = data.index.series(metric.id, [r.region], { from: from ?? undefined, to: period })
    const base = series.points.find((o) => !o.period.includes('/'))
    if (!base || (measure === 'percent' && base.value === 0)) return missing(r)
    return { ...r, ...changeSince(base, { value: r.value, qualifier: r.qualifier }, measure) }
  })
}

/** The units without a polygon, with their labels, for the list beside the map. */
export function toMapSideRows(data: ChartData, metric: Metric | undefined, rows: readonly CompareRow[], base: MapBase | null, selected: readonly string[], locale: 'zh' | 'en', labels: RowLabels, measure: TrendMeasure = 'value'): MapSideRow[] {
  const drawn = new Set(base?.codes ?? [])
  const unit = measureUnit(unitIn(metric?.unit ?? '', locale), measure, locale)
  return rows
    .filter((r) => !drawn.has(r.region))
    .map((r) => ({ code: r.region, name: data.tree.get(r.region)?.name ?? r.region, label: signed(r, rowLabel(r, unit, locale, labels), measure), selected: selected.includes(r.region) }))
}

/** A change reads with its sign: +3.2个百分点. */
function signed(row: CompareRow, text: string, measure: TrendMeasure): string {
  return measure !== 'value' && row.value !== null && row.value > 0 ? `+${text}` : text
}

/** The base map's note: its title, 示意图 or its 审图号. */
export function mapSubtitle(base: MapBase, labels: MapLabels): string {
  return [base.title, base.schematic ? labels.schematic : '', base.approval ? labels.approval(base.approval) : ''].filter(Boolean).join(' · ')
}

/** Shapes the units' rows into buildMapOption's input: the drawn areas, the colour scale, title, note and description. */
export function toMapInput(data: ChartData, metric: Metric | undefined, rows: readonly CompareRow[], base: MapBase, selected: readonly string[], period: string | null, locale: 'zh' | 'en', labels: MapLabels, decal = false, measure: TrendMeasure = 'value'): MapInput {
  const unit = measureUnit(unitIn(metric?.unit ?? '', locale), measure, locale)
  const drawn = new Set(base.codes)
  const areas = rows
    .filter((r) => drawn.has(r.region))
    .map((r) => ({ code: r.region, name: data.tree.get(r.region)?.name ?? r.region, value: r.value, label: signed(r, rowLabel(r, unit, locale, labels), measure), computed: r.status === 'computed', selected: selected.includes(r.region) }))
  // Bins over the areas drawn (not the zones listed beside): counties at 66–72% would all look alike on a 0–100 scale.
  const values = areas.flatMap((a) => (a.value === null ? [] : [a.value]))
  const format = (v: number) => formatValue(v, '=', unit, locale)
  const subtitle = mapSubtitle(base, labels)
  const described = areas.filter((a) => a.value !== null).map((a) => `${a.name} ${a.label}`)
  return {
    mapName: base.mapName,
    title: [metricName(metric, locale), period ? formatPeriod(period, locale) : ''].filter(Boolean).join(' · '),
    subtitle,
    unit,
    areas,
    bins: mapBins(values, format),
    noData: labels.noData,
    description: labels.description({ title: subtitle, values: described.join('，') || labels.noData }),
    decal,
  }
}

/** A round step near `raw`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw))
  const m = raw / power
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * power
}

/** About `count` bins of a round width covering `values` (the areas drawn), labelled `60%–65%`; one bin when all are equal. */
export function mapBins(values: readonly number[], format: (v: number) => string, count = 5): MapBin[] {
  if (values.length === 0) return []
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  if (lo === hi) return [{ min: lo, max: hi, label: format(lo) }]
  const step = niceStep((hi - lo) / count)
  const round = (v: number) => Number(v.toFixed(10))
  const bins: MapBin[] = []
  let from = round(Math.floor(lo / step) * step)
  do {
    const to = round(from + step)
    bins.push({ min: from, max: to, label: `${format(from)}–${format(to)}` })
    from = to
  } while (from < hi)
  return bins
}
