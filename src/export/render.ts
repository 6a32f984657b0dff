import { init, type ECOption } from '@/charts/echarts'
import { useSvgRenderer } from '@/charts/echartsSvg'
import { EXPORT_LAYOUT, type ExportLayout } from '@/charts/exportLayout'

/** Family name the embedded subset is declared under, first in EXPORT_FONT_FAMILY's stack. */
export const EMBEDDED_FONT_FAMILY = 'Noto Sans CJK SC'

/** ECharts' built-in locale for the export language: axis labels read 3月 or Mar the same in every path. */
export const echartsLocale = (lang: 'zh' | 'en') => (lang === 'en' ? 'EN' : 'ZH')

/** Renders an export option to an SVG string with ECharts' server-side renderer (works in Node and the browser). */
export function renderSvg(option: ECOption, lang: 'zh' | 'en' = 'zh', layout: ExportLayout = EXPORT_LAYOUT): string {
  useSvgRenderer()
  const chart = init(null as unknown as HTMLElement, null, { renderer: 'svg', ssr: true, width: layout.width, height: layout.height, locale: echartsLocale(lang) })
  try {
    chart.setOption(option)
    return chart.renderToSVGString()
  } finally {
    // Without dispose the SSR instance keeps timers alive and a Node process never exits.
    chart.dispose()
  }
}

/** Puts an @font-face for the subset (a woff2 data: URL) at the top of an SVG, so it reads the same without CJK fonts. */
export function embedFont(svg: string, woff2Base64: string): string {
  const style = `<style>@font-face{font-family:'${EMBEDDED_FONT_FAMILY}';src:url(data:font/woff2;base64,${woff2Base64}) format('woff2');}</style>`
  return svg.replace(/<svg\b[^>]*>/, (open) => open + style)
}

/** Every character an SVG's text elements draw, for subsetting the font to just those glyphs. */
export function svgText(svg: string): string {
  const chars = new Set<string>()
  for (const m of svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)) for (const c of decodeEntities(m[1])) chars.add(c)
  return [...chars].join('')
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
    if (e[0] !== '#') return named[e.toLowerCase()]
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
  })
}
