import type { DeckChart, DeckInput } from './deck'

/** Chinese Windows has 微软雅黑 in Office and WPS; chart text Office cannot match falls back to the theme's 等线. */
const DECK_FONT = 'Microsoft YaHei'

// 16:9 slide in inches (pptxgenjs LAYOUT_16x9).
const W = 10
const H = 5.625
const M = 0.4

type Pptx = InstanceType<typeof import('pptxgenjs').default>
type Slide = ReturnType<Pptx['addSlide']>

const text = { fontFace: DECK_FONT, margin: 0 }

/** Builds the briefing deck (pptxgenjs, loaded on first use): title slide, one slide per chart, a table slide. */
export async function buildDeck(input: DeckInput): Promise<Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs')
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_16x9'
  pptx.theme = { headFontFace: DECK_FONT, bodyFontFace: DECK_FONT }
  pptx.title = input.title

  const cover = pptx.addSlide()
  cover.addText(input.title, { ...text, x: M, y: 1.5, w: W - 2 * M, h: 0.9, fontSize: 32, bold: true, color: '8B1A1A' })
  cover.addText(input.filters, { ...text, x: M, y: 2.6, w: W - 2 * M, h: 0.9, fontSize: 16, color: '333333', valign: 'top' })
  cover.addText([input.date, input.demo].filter(Boolean).join(' · '), { ...text, x: M, y: 3.7, w: W - 2 * M, h: 0.4, fontSize: 14, color: '666666' })

  for (const chart of input.charts) addChartSlide(pptx, chart)

  const table = pptx.addSlide()
  table.addText(input.tableTitle, { ...text, x: M, y: 0.3, w: W - 2 * M, h: 0.5, fontSize: 22, bold: true })
  const header = input.table.header.map((h) => ({ text: h, options: { bold: true, fill: { color: 'EEEEEE' } } }))
  const rows = input.table.cells.map((r) => r.map((c) => ({ text: c })))
  table.addTable([header, ...rows], { x: M, y: 0.9, w: W - 2 * M, fontFace: DECK_FONT, fontSize: 9, border: { type: 'solid', pt: 0.5, color: 'BBBBBB' }, autoPage: true, autoPageRepeatHeader: true })

  const bytes = (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array
  return input.charts.some((c) => c.kind !== 'image') ? mendCharts(bytes) : bytes
}

/**
 * Two fixes to pptxgenjs's chart parts:
 * - it names a chart font only for Latin text (`<a:latin>`), so Chinese labels, legends and axes fall back to the
 *   theme's CJK font; the same face is given for East Asian text (`<a:ea>`, which comes right after `<a:latin>`);
 * - it writes a missing value as an empty `<c:v></c:v>`, which PowerPoint may read as the next value (PptxGenJS
 *   #514); a point left out of the cache is a true blank, drawn as a gap.
 */
async function mendCharts(bytes: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(bytes)
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string')
    const mended = xml
      .replace(/<a:latin typeface="([^"+][^"]*)"\s*\/>(?!\s*<a:ea\b)/g, '<a:latin typeface="$1"/><a:ea typeface="$1"/>')
      .replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, '')
    zip.file(name, mended)
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

function addChartSlide(pptx: Pptx, chart: DeckChart): void {
  const slide = pptx.addSlide()
  const { meta } = chart
  slide.addText(meta.title, { ...text, x: M, y: 0.25, w: W - 2 * M - 1.5, h: 0.5, fontSize: 22, bold: true })
  if (meta.demo) slide.addText(meta.demo, { ...text, x: W - M - 1.5, y: 0.25, w: 1.5, h: 0.5, fontSize: 14, bold: true, color: 'C0392B', align: 'right' })
  slide.addText(meta.subtitle, { ...text, x: M, y: 0.75, w: W - 2 * M - 2, h: 0.35, fontSize: 13, color: '555555' })
  slide.addText(meta.unit, { ...text, x: W - M - 2, y: 0.75, w: 2, h: 0.35, fontSize: 13, color: '555555', align: 'right' })
  // The paragraph under the chart takes a band above the source line; the chart gives up that height.
  const band = chart.briefing ? 0.8 : 0
  const box = { x: M, y: 1.15, w: W - 2 * M, h: H - 1.15 - 0.75 - band }
  if (chart.kind === 'image') slide.addImage({ data: chart.image, ...box, sizing: { type: 'contain', w: box.w, h: box.h } })
  else addNativeChart(pptx, slide, chart, box)
  if (band) slide.addText(chart.briefing, { ...text, x: M, y: box.y + box.h + 0.05, w: W - 2 * M, h: band - 0.1, fontSize: 11, color: '222222', valign: 'top', fit: 'shrink' })
  slide.addText(meta.source, { ...text, x: M, y: H - 0.7, w: W - 2 * M, h: 0.35, fontSize: 9, color: '555555', valign: 'top', fit: 'shrink' })
  slide.addText(meta.credit, { ...text, x: M, y: H - 0.35, w: W - 2 * M, h: 0.25, fontSize: 9, color: '777777' })
  if (chart.notes) slide.addNotes(chart.notes)
}

function addNativeChart(pptx: Pptx, slide: Slide, chart: Extract<DeckChart, { kind: 'line' | 'bar' }>, box: { x: number; y: number; w: number; h: number }): void {
  const toData = (series: typeof chart.series) => series.map((s) => ({ name: s.name, labels: chart.categories, values: s.values as number[] }))
  const type = chart.kind === 'line' ? pptx.ChartType.line : pptx.ChartType.bar
  const options = {
    ...box,
    barDir: 'bar',
    showLegend: true,
    legendPos: 'b',
    legendFontFace: DECK_FONT,
    legendFontSize: 11,
    catAxisLabelFontFace: DECK_FONT,
    valAxisLabelFontFace: DECK_FONT,
    catAxisLabelFontSize: 10,
    valAxisLabelFontSize: 10,
    // The unit stands in the slide header (单位：%), as in the exported image; an axis title would repeat it sideways.
    lineDataSymbol: 'circle',
    lineDataSymbolSize: 7,
    // Gaps stay gaps: a region without a figure for a period must not read as zero.
    displayBlanksAs: 'gap',
  } as const
  const references = chart.series.filter((s) => s.reference)
  if (references.length === 0) {
    slide.addChart(type, toData(chart.series), options)
    return
  }
  // The target joins as a second line group of its own style: dashed grey, no markers, as on screen.
  const reference = { lineDash: 'dash' as const, lineDataSymbol: 'none' as const, chartColors: ['999999'], lineSize: 1.5 }
  slide.addChart(
    [
      { type, data: toData(chart.series.filter((s) => !s.reference)), options: {} },
      { type, data: toData(references), options: reference },
    ],
    // pptxgenjs reads a multi-type chart's options from the third argument when the second is left out.
    undefined as unknown as [],
    options,
  )
}
