import { LineChart } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components'
import { use, type ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption, MapSeriesOption } from 'echarts/charts'
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

// The one place that registers ECharts parts: everything else imports from here, so the bundle stays tree-shaken.
use([
  LineChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
])

/**
 * Registers the compare view's parts on its first use: the bar series, its reference line (markLine) and the
 * screen-reader description (`aria`, which the map uses too; the trend's description is the page's own). Deep imports
 * keep them out of the first download.
 */
export async function registerBarParts(): Promise<void> {
  await Promise.all([import('echarts/lib/chart/bar'), import('echarts/lib/component/markLine'), import('echarts/lib/component/aria')])
}

let zoomParts: Promise<void> | null = null
let zoomRegistered = false

/**
 * Registers the trend's zoom (wheel/drag and slider) and the label layout of its line-end names: after the first chart is drawn, or before a chart of lines over
 * time is made (ECharts gives a chart only the parts registered before it was made).
 */
export function registerZoomParts(): Promise<void> {
  zoomParts ??= Promise.all([
    import('echarts/lib/component/dataZoomInside'),
    import('echarts/lib/component/dataZoomSlider'),
    // The label layout keeps the names at the lines' ends apart; lines over time are remade with these parts anyway.
    import('echarts/lib/label/installLabelLayout').then((m) => use(m.installLabelLayout)),
  ]).then(() => {
    zoomRegistered = true
  })
  return zoomParts
}

/** Whether the zoom's parts are registered already, so a new chart can have them at once. */
export function zoomPartsRegistered(): boolean {
  return zoomRegistered
}

/** Registers the map series and the binned (piecewise) visual map on first use of the map view. */
export async function registerMapParts(): Promise<void> {
  await Promise.all([import('echarts/lib/chart/map'), import('echarts/lib/component/visualMapPiecewise'), import('echarts/lib/component/aria')])
}

/** The option type every builder in src/charts returns. */
export type ECOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | MapSeriesOption
  | VisualMapComponentOption
  | AriaComponentOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>

export { init, registerMap, type EChartsType } from 'echarts/core'
