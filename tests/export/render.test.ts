import { describe, expect, it } from 'vitest'
import { EXPORT_LAYOUT } from '@/charts/exportLayout'
import { embedSubsetFont, svgToPng } from '@/export/node'
import { renderSvg, svgText } from '@/export/render'
import { trendExport } from '@/export/viewExport'
import { exportData, query } from './builders'

const chart = trendExport(exportData(), query({ demo: true }))

function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset)
  return [view.getUint32(16), view.getUint32(20)]
}

describe(renderSvg, () => {
  it('writes title, subtitle, unit, legend, source, credit and the demo mark into the SVG', () => {
    const svg = renderSvg(chart.option)
    for (const text of ['党组织覆盖率', '鄄城县、牡丹区 · 2024年—2025年', '单位：%', '数据来源：《菏泽日报社会工作版》（菏泽日报，2025-01）', '制图：菏泽社会治理指标看板', '导出日期：2026-11-29', '演示数据']) {
      expect(svg).toContain(text)
    }
    expect(svg).toMatch(/^<svg[^>]+width="1280" height="720"/)
  })
})

describe(embedSubsetFont, () => {
  it('embeds an @font-face holding just the glyphs the SVG draws', async () => {
    const svg = renderSvg(chart.option)
    const embedded = await embedSubsetFont(svg)
    expect(embedded).toMatch(/@font-face\{font-family:'Noto Sans CJK SC';src:url\(data:font\/woff2;base64,/)
    // The whole subset is ~600 KB; the glyphs of one chart are a few dozen KB at most.
    expect(embedded.length - svg.length).toBeLessThan(80_000)
    expect(svgText(svg)).toContain('覆')
  })
})

describe(svgToPng, () => {
  it.each([1, 2, 3])('renders %i× the export layout', (scale) => {
    const png = svgToPng(renderSvg(chart.option), scale)
    expect(pngSize(png)).toEqual([EXPORT_LAYOUT.width * scale, EXPORT_LAYOUT.height * scale])
  })

  it('draws Chinese with the bundled font rather than blank boxes', () => {
    // Same text drawn twice: different characters must give different pixels (tofu boxes look alike).
    const svg = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="0" y="30" font-size="28" font-family="Noto Sans CJK SC">${text}</text></svg>`
    const a = svgToPng(svg('党组织'), 1)
    const b = svgToPng(svg('覆盖率'), 1)
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).not.toBe(0)
    const blank = svgToPng(svg(''), 1)
    expect(a.length).toBeGreaterThan(blank.length + 200)
  })
})
