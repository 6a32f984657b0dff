// Node-only export steps (resvg, subset-font, file system): imported by the CLI, the tests and the benchmark, never the app.
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import subsetFont from 'subset-font'
import { registerBasemap, type Basemap } from '../data/geo'
import { embedFont, EMBEDDED_FONT_FAMILY, renderSvg, svgText } from './render'
import type { ExportChart } from './viewExport'

/** The bundled CJK subset (OTF for resvg); exports never depend on the machine's fonts. */
const FONT_FILE = resolve(import.meta.dirname, 'fonts/NotoSansCJKsc-subset.otf')

/** The base map the app serves (data/geo/ of the repository). */
const SHIPPED_GEO_DIR = resolve(import.meta.dirname, '../../data/geo')

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

/** A chart as a PNG data: URL, for an image slide of a deck. */
export function chartPngDataUrl(chart: ExportChart, scale = 2): string {
  return `data:image/png;base64,${Buffer.from(svgToPng(renderSvg(chart.option, chart.lang), scale)).toString('base64')}`
}

/**
 * Reads and registers the base map of the package in `dataDir` from its geo/ folder; a package without one
 * (data/demo) gets the shipped map, as in the app, which always serves data/geo/.
 */
export function readBasemap(dataDir: string): Promise<Basemap> {
  const own = resolve(dataDir, 'geo')
  const dir = existsSync(resolve(own, 'basemap.json')) ? own : SHIPPED_GEO_DIR
  return registerBasemap((file) => readFile(resolve(dir, file), 'utf8'))
}
