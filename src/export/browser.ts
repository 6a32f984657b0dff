// Browser-only export steps: offscreen capture, clipboard, download. Capture, naming and download stay separate units.
import { init, type ECOption } from '@/charts/echarts'
import { EXPORT_LAYOUT, type ExportLayout } from '@/charts/exportLayout'
import { EMBEDDED_FONT_FAMILY, echartsLocale, embedFont, renderSvg } from './render'

let fontUrl: Promise<string> | undefined

/** URL of the bundled woff2 subset: a same-origin file (the page's CSP allows font-src 'self'), fetched on first export. */
function exportFontUrl(): Promise<string> {
  fontUrl ??= import('./fonts/NotoSansCJKsc-subset.woff2?url').then((m) => m.default)
  return fontUrl
}

let fontLoaded: Promise<void> | undefined

/** Registers the bundled CJK font with the page before drawing, so canvas text never falls back to boxes. */
function loadExportFont(): Promise<void> {
  fontLoaded ??= exportFontUrl().then(async (url) => {
    const face = new FontFace(EMBEDDED_FONT_FAMILY, `url(${url})`)
    document.fonts.add(await face.load())
  })
  return fontLoaded
}

/** Draws an export option on an off-screen canvas of the layout's size and returns a PNG at `scale`× as a Blob. */
export async function capturePng(option: ECOption, scale: number, lang: 'zh' | 'en' = 'zh', layout: ExportLayout = EXPORT_LAYOUT): Promise<Blob> {
  await loadExportFont()
  const div = document.createElement('div')
  div.style.cssText = `position:fixed;left:-${layout.width + 100}px;top:0;width:${layout.width}px;height:${layout.height}px`
  document.body.append(div)
  const chart = init(div, null, { renderer: 'canvas', width: layout.width, height: layout.height, locale: echartsLocale(lang) })
  try {
    chart.setOption(option)
    return dataUrlToBlob(chart.getDataURL({ type: 'png', pixelRatio: scale, backgroundColor: '#fff', excludeComponents: ['toolbox'] }))
  } finally {
    chart.dispose()
    div.remove()
  }
}

/** The chart as an SVG file with the font subset embedded (the whole subset: the browser has no subsetter). */
export async function captureSvg(option: ECOption, lang: 'zh' | 'en' = 'zh', layout: ExportLayout = EXPORT_LAYOUT): Promise<Blob> {
  const woff2 = await (await fetch(await exportFontUrl())).arrayBuffer()
  return new Blob([embedFont(renderSvg(option, lang, layout), toBase64(new Uint8Array(woff2)))], { type: 'image/svg+xml' })
}

/** Decodes a base64 data: URL; fetch(dataUrl) would do it in a line, but the page's CSP (connect-src 'self') forbids it. */
function dataUrlToBlob(url: string): Blob {
  const [head, body] = url.split(',', 2)
  return new Blob([Uint8Array.from(atob(body), (c) => c.charCodeAt(0))], { type: head.slice(5).split(';')[0] })
}

function toBase64(bytes: Uint8Array): string {
  let text = ''
  // In chunks: String.fromCharCode(...bytes) overflows the call stack on a 600 KB font.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

/** Puts a PNG on the clipboard, for pasting straight into Word or WPS. */
export async function copyPng(png: Blob | Promise<Blob>): Promise<void> {
  // The promise form keeps the user's click as the activation Safari and Chromium require.
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })])
}

/** Saves data as a file through a temporary link. */
export function download(data: Blob | Uint8Array | string, name: string, type = 'application/octet-stream'): void {
  const a = Object.assign(document.createElement('a'), { download: name, href: URL.createObjectURL(data instanceof Blob ? data : new Blob([data as BlobPart], { type })) })
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
}
