import type { ECOption } from './echarts'
import { escapeHtml } from './markup'
import { MOTION } from './motion'
import { PALETTE } from './palette'

/** One county polygon's figure, with its display text already made. */
export interface MapArea {
  /** GB code: the name the registered GeoJSON's features carry in `properties.code`. */
  code: string
  name: string
  value: number | null
  /** '66.1%', '≥500次', '无数据'. */
  label: string
  computed: boolean
  selected: boolean
}

/** Everything buildMapOption needs. */
export interface MapInput {
  /** Name the GeoJSON was registered under (registerMap). */
  mapName: string
  /** Metric, period — shown on the map and therefore in its exports. */
  title: string
  /** 示意图 note or the 审图号, shown on the map and in its exports. */
  subtitle: string
  unit: string
  areas: MapArea[]
  /** The legend's bins, ascending and contiguous, each with its label (`60%–65%`); computed over the areas drawn. */
  bins: MapBin[]
  /** The legend's entry for areas without a figure: `无数据`. */
  noData: string
  description: string
  /** Patterns per value band, for black-and-white printing. */
  decal?: boolean
  animation?: boolean
}

/** One bin of the map's legend: values from `min` (inclusive) to `max` (exclusive, inclusive for the last bin). */
export interface MapBin {
  min: number
  max: number
  label: string
}

/** ColorBrewer Blues: one hue, lightness rising with the value, so it reads with any colour vision and in greyscale. */
const SEQUENTIAL = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const
/** Stands for "no figure" in the data, so the legend's 无数据 entry can match it; labels and tooltips use the area's own text. */
const NO_DATA_VALUE = -1e15
/** The outline of selected counties: Okabe–Ito vermillion, apart from every blue of the scale. */
export const SELECTED_OUTLINE = PALETTE[1]
const NO_DATA = '#f2f2f2'

/** Patterns growing denser with the value band, so bands stay apart on a black-and-white printout. */
const DECALS = [
  { symbol: 'none' },
  { symbol: 'circle', symbolSize: 0.4, dashArrayX: [[4, 8]], dashArrayY: [4, 8] },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 6], rotation: Math.PI / 4 },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4 },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [[2, 2]], dashArrayY: [2, 2] },
]

/** Where the map sits in its chart box (leaving the title above and the legend below free); browser tests click by it. */
export const MAP_LAYOUT = { center: ['50%', '51%'], size: '74%' }

/** Index of the value band (0–4) a value falls in on the scale. */
export function bandOf(value: number, min: number, max: number): number {
  if (max <= min) return DECALS.length - 1
  return Math.min(DECALS.length - 1, Math.max(0, Math.floor(((value - min) / (max - min)) * DECALS.length)))
}

/** The colour of bin `i` of `n`, spread over the whole scale so three bins still run from pale to dark. */
function binColor(i: number, n: number): string {
  return SEQUENTIAL[n <= 1 ? SEQUENTIAL.length - 1 : Math.round((i * (SEQUENTIAL.length - 1)) / (n - 1))]
}

/** Builds the choropleth: counties coloured by value bin, selected ones outlined, a binned legend with 无数据. */
export function buildMapOption(input: MapInput): ECOption {
  const byCode = new Map(input.areas.map((a) => [a.code, a]))
  const min = input.bins[0]?.min ?? 0
  const max = input.bins.at(-1)?.max ?? 1
  const last = input.bins.length - 1
  const pieces = [
    ...input.bins.map((b, i) => ({ gte: b.min, ...(i === last ? { lte: b.max } : { lt: b.max }), label: b.label, color: binColor(i, input.bins.length) })),
    { value: NO_DATA_VALUE, label: input.noData, color: NO_DATA },
  ]
  return {
    animation: input.animation ?? true,
    ...MOTION,
    aria: { enabled: true, label: { description: input.description } },
    title: { text: input.title, subtext: input.subtitle, left: 'center', top: 4, textStyle: { fontSize: 15 }, subtextStyle: { color: '#555' } },
    tooltip: { trigger: 'item', formatter: (p: unknown) => tooltipText((p as { name: string }).name) },
    visualMap: {
      type: 'piecewise',
      seriesIndex: 0,
      pieces,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemWidth: 14,
      itemHeight: 14,
      itemGap: 12,
      textStyle: { color: '#333' },
      // Showing and hiding bins by click would leave counties blank with no word why.
      selectedMode: false,
    },
    series: [
      {
        type: 'map',
        map: input.mapName,
        // Features are matched by GB code, so an office's base map may spell names as it likes.
        nameProperty: 'code',
        selectedMode: false,
        layoutCenter: MAP_LAYOUT.center,
        layoutSize: MAP_LAYOUT.size,
        itemStyle: { areaColor: NO_DATA, borderColor: '#8a8a8a', borderWidth: 1 },
        emphasis: { itemStyle: { areaColor: undefined, borderColor: '#222', borderWidth: 2 }, label: { show: true } },
        label: {
          show: true,
          formatter: (p: unknown) => labelText((p as { name: string }).name),
          color: '#111',
          // A pale box keeps the name readable on the darkest blue as on the palest.
          backgroundColor: 'rgba(255,255,255,0.8)',
          padding: [1, 3],
          borderRadius: 2,
          fontSize: 12,
        },
        data: input.areas.map((a) => ({
          name: a.code,
          value: a.value ?? NO_DATA_VALUE,
          itemStyle: {
            ...(a.selected ? { borderColor: SELECTED_OUTLINE, borderWidth: 3 } : {}),
            ...(input.decal && a.value !== null ? { decal: { ...DECALS[bandOf(a.value, min, max)], color: 'rgba(0,0,0,0.45)' } } : {}),
          },
        })),
      },
    ],
  }

  function labelText(code: string): string {
    const area = byCode.get(code)
    return area ? `${area.name}\n${area.label}` : code
  }

  function tooltipText(code: string): string {
    const area = byCode.get(code)
    return area ? `<b>${escapeHtml(area.name)}</b><br/>${escapeHtml(area.label)}` : escapeHtml(code)
  }
}
