import { use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

/** The SVG renderer, for component tests (no canvas under happy-dom) and vector exports; the screen uses canvas. */
export function useSvgRenderer(): void {
  use(SVGRenderer)
}
