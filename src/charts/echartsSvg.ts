import { use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

/**
 * The SVG renderer, for component tests (no canvas under happy-dom) and vector exports; the screen uses canvas.
 * Import it from here, never through src/charts/echarts.ts: the first screen's chunk keeps whatever its modules
 * import, and the SVG painter would add 7 KB gzip to it (vite.config.ts).
 */
export function useSvgRenderer(): void {
  use(SVGRenderer)
}
