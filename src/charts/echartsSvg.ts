import { use } from 'echarts/core'
// The same module the zoom parts load (src/charts/echarts.ts), so the dev server has it bundled from the start.
import { installLabelLayout } from 'echarts/lib/label/installLabelLayout'
import { SVGRenderer } from 'echarts/renderers'

/**
 * The SVG renderer (and the label layout), for component tests (no canvas under happy-dom) and vector exports; the screen uses canvas.
 * Import it from here, never through src/charts/echarts.ts: the first screen's chunk keeps whatever its modules
 * import, and the SVG painter would add 7 KB gzip to it (vite.config.ts).
 */
export function useSvgRenderer(): void {
  // With the label layout, so exported line-end names are kept apart as on screen.
  use(SVGRenderer)
  use(installLabelLayout)
}
