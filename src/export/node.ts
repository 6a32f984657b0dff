// Node-only export steps (resvg, subset-font, file system): imported by the CLI, the tests and the benchmark, never the app.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import subsetFont from 'subset-font'
import { embedFont, EMBEDDED_FONT_FAMILY, svgText } from './render'

/** The bundled CJK subset (OTF for resvg); exports never depend on the machine's fonts. */
export const FONT_FILE = resolve(import.meta.dirname, 'fonts/NotoSansCJKsc-subset.otf')

/** Rasterises an export SVG at `scale` with only the bundled font, so the PNG is the same on every machine. */
export function svgToPng(svg: string, scale: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: EMBEDDED_FONT_FAMILY },
  })
  return resvg.render().asPng()
}

/** Embeds a subset of the bundled font holding only the glyphs this SVG draws (a few KB rather than 600). */
export async function embedSubsetFont(svg: string): Promise<string> {
  const woff2 = await subsetFont(readFileSync(FONT_FILE), svgText(svg), { targetFormat: 'woff2' })
  return embedFont(svg, Buffer.from(woff2).toString('base64'))
}
