import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildDeck } from '@/export/pptx'
import { renderSvg } from '@/export/render'
import { svgToPng } from '@/export/node'
import { deckInput, trendExport, withDeckImages, type ExportChart } from '@/export/viewExport'
import { imageDeckChart } from '@/export/deck'
import { exportTexts } from '@/export/messages'
import { exportData, query } from './builders'
import { xmlProblem } from './xml'

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes)
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir)
  const read = (name: string) => zip.file(name)!.async('string')
  return { names, read }
}

const data = exportData()
const q = query()

/** A deck of `n` trend charts and one map-like image chart. */
async function deck(n: number, withImage = false): Promise<Uint8Array> {
  const charts: ExportChart[] = Array.from({ length: n }, () => trendExport(data, q))
  if (withImage) charts.push({ ...charts[0], id: 'map', deck: imageDeckChart(charts[0].meta, '地图注释') })
  const png = async (c: ExportChart) => `data:image/png;base64,${Buffer.from(svgToPng(renderSvg(c.option, c.lang), 1)).toString('base64')}`
  return buildDeck(deckInput(data, q, await withDeckImages(charts, png)))
}

describe(buildDeck, () => {
  it('has one native chart part per chart, with the regions as series names', async () => {
    const { names, read } = await unzip(await deck(3))
    const parts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
    expect(parts).toHaveLength(3)
    const xml = await read(parts[0])
    const seriesNames = [...xml.matchAll(/<c:ser>[\s\S]*?<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])
    expect(seriesNames).toEqual(['牡丹区', '鄄城县', '目标 100%'])
    expect(xml).toContain('<c:lineChart>')
  })

  it('draws the target as a dashed grey line without markers, as on screen', async () => {
    const { names, read } = await unzip(await deck(1))
    const xml = await read(names.find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!)
    const target = [...xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]).find((ser) => ser.includes('目标 100%'))!
    expect(target).toContain('<a:prstDash val="dash"/>')
    expect(target).toContain('999999')
    expect(target).toMatch(/<c:marker>\s*<c:symbol val="none"\/>/)
    expect(target.match(/<c:v>100<\/c:v>/g)?.length).toBeGreaterThan(1)
  })

  it('names 微软雅黑 for the Chinese text of its charts too, not only for Latin text', async () => {
    const { names, read } = await unzip(await deck(1))
    const xml = await read(names.find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!)
    const latin = [...xml.matchAll(/<a:latin typeface="Microsoft YaHei"\/>/g)].length
    expect(latin).toBeGreaterThan(0)
    expect([...xml.matchAll(/<a:latin typeface="Microsoft YaHei"\/><a:ea typeface="Microsoft YaHei"\/>/g)]).toHaveLength(latin)
  })

  it('writes only well-formed XML parts, each listed in [Content_Types].xml', async () => {
    const { names, read } = await unzip(await deck(2, true))
    const types = await read('[Content_Types].xml')
    const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()))
    const overrides = new Set([...types.matchAll(/<Override PartName="([^"]+)"/g)].map((m) => m[1]))
    for (const name of names.filter((n) => /\.(xml|rels)$/.test(n))) expect([name, xmlProblem(await read(name))]).toEqual([name, null])
    const unlisted = names.filter((n) => n !== '[Content_Types].xml' && !overrides.has(`/${n}`) && !defaults.has(n.split('.').pop()!.toLowerCase()))
    expect(unlisted).toEqual([])
  })

  it('puts the title and filters on the first slide, the map as a picture and the quotes in the notes', async () => {
    const { names, read } = await unzip(await deck(1, true))
    const cover = await read('ppt/slides/slide1.xml')
    expect(cover).toContain('菏泽社会治理指标看板')
    expect(cover).toContain('指标：党组织覆盖率；地区：鄄城县、牡丹区；时间：2024年—2025年')
    expect(names.filter((n) => n.startsWith('ppt/media/'))).toHaveLength(1)
    const notes = await Promise.all(names.filter((n) => n.startsWith('ppt/notesSlides/notesSlide') && n.endsWith('.xml')).map(read))
    expect(notes.join('')).toContain('鄄城县 2025年 66.1%：“覆盖率66.1%”（菏泽日报社会工作版）')
  })

  it('ends with a table slide of the figures, in 微软雅黑 (Microsoft YaHei)', async () => {
    const { names, read } = await unzip(await deck(1))
    const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => a.length - b.length || a.localeCompare(b))
    const table = await read(slides[slides.length - 1])
    expect(table).toContain('<a:tbl>')
    expect(table).toContain('≥58%')
    expect(table).toContain('<a:ea typeface="Microsoft YaHei"')
  })
})

describe('the paragraph on a chart slide', () => {
  const paragraph = '2025年，2个县区中鄄城县最高（66.1%），牡丹区最低（58%以上）；与上年相比，2个上升。'

  it('stands in a text box under the chart and, with the source, in the slide notes', async () => {
    const { read } = await unzip(await deck(1))
    const slide = await read('ppt/slides/slide2.xml')
    expect(slide).toContain(`<a:t>${paragraph}</a:t>`)
    // pptxgenjs writes the notes' line breaks as CRLF.
    const notes = (await read('ppt/notesSlides/notesSlide2.xml')).replace(/\r\n/g, '\n')
    expect(notes).toContain(`${paragraph}\n\n数据来源：《菏泽日报社会工作版》（菏泽日报，2025-01）`)
    expect(notes).toContain('鄄城县 2025年 66.1%：“覆盖率66.1%”（菏泽日报社会工作版）')
  })

  it('says 演示数据 on the demo package, in English in English', async () => {
    const english = query({ demo: true, texts: exportTexts('en'), regions: ['371726'] })
    const { read } = await unzip(await buildDeck(deckInput(data, english, [trendExport(data, english)])))
    expect(await read('ppt/slides/slide2.xml')).toContain(
      '<a:t>(Demo data) As of 2025, party-organisation coverage in 鄄城县 was 66.1%, up 5.6 pp on the previous year, 33.9 pp short of the 100% target.</a:t>',
    )
  })
})

describe('buildDeck gaps', () => {
  it('leaves a period without a figure blank rather than writing an empty value', async () => {
    const gappy = exportData([...exportData().index.series('coverage', ['371726', '371702']).flatMap((s) => s.points).filter((o) => !(o.region === '371702' && o.period === '2024'))])
    const bytes = await buildDeck(deckInput(gappy, q, [trendExport(gappy, q)]))
    const { names, read } = await unzip(bytes)
    const xml = await read(names.find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!)
    expect(xml).not.toContain('<c:v></c:v>')
    expect(xml).toContain('<c:dispBlanksAs val="gap"/>')
    expect(xmlProblem(xml)).toBeNull()
  })
})
