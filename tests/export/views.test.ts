import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CompareInput } from '@/charts/compare'
import { registerBarParts, registerMap, registerMapParts } from '@/charts/echarts'
import type { MapInput } from '@/charts/map'
import { svgToPng } from '@/export/node'
import { renderSvg } from '@/export/render'
import { compareExport, mapExport, trendExport } from '@/export/viewExport'
import { RegionTree } from '@/domain/regions'
import { COVERAGE, exportData, obs, query, SOURCE, REGIONS } from './builders'

const geo = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/geo/heze-counties.geojson'), 'utf8'))

beforeAll(async () => {
  await Promise.all([registerBarParts(), registerMapParts()])
  registerMap('heze-test', geo)
})

const compareInput: CompareInput = {
  unit: '%',
  reference: null,
  description: '',
  bars: [
    { name: '鄄城县', value: 66.1, status: 'reported', label: '66.1%', detail: '' },
    { name: '牡丹区', value: 58, status: 'reported', label: '≥58%', detail: '' },
  ],
}

const mapInput: MapInput = {
  mapName: 'heze-test',
  title: '党组织覆盖率（2025年）',
  subtitle: '菏泽市县区示意图 · 示意图',
  unit: '%',
  areas: [
    { code: '371726', name: '鄄城县', value: 66.1, label: '66.1%', computed: false, selected: true },
    { code: '371702', name: '牡丹区', value: 58, label: '≥58%', computed: false, selected: false },
  ],
  bins: [{ min: 0, max: 50, label: '0%–50%' }, { min: 50, max: 100, label: '50%–100%' }], noData: '无数据',
  description: '',
}

describe(compareExport, () => {
  it('lays the ranked bars out with the compared period and a native bar slide', () => {
    const chart = compareExport(exportData(), query(), compareInput, '2025', ['371726', '371702'])
    const svg = renderSvg(chart.option)
    expect(svg).toContain('鄄城县、牡丹区 · 2025年')
    expect(svg).toContain('≥58%')
    expect(chart.fileName('png')).toBe('鄄城县+牡丹区_党组织覆盖率_2025.png')
    expect(chart.deck).toMatchObject({ kind: 'bar', categories: ['鄄城县', '牡丹区'], series: [{ name: '党组织覆盖率', values: [66.1, 58] }] })
  })
})

describe(mapExport, () => {
  it('draws the counties inside the layout, keeps the 示意图 note and becomes a picture slide', () => {
    const chart = mapExport(exportData(), query(), mapInput, '2025')
    const svg = renderSvg(chart.option)
    expect(svg).toContain('示意图')
    expect(svg).not.toContain('党组织覆盖率（2025年）')
    expect(svg).toMatch(/<path d="M[^"]{200,}/)
    expect(chart.deck.kind).toBe('image')
    expect(svgToPng(svg, 1).length).toBeGreaterThan(10_000)
  })
})

describe('the sources of a computed bar', () => {
  it('names the towns’ report in the footer when a county’s value is summed from its towns', () => {
    const count = { ...COVERAGE, id: 'activities', name: '志愿服务活动次数', unit: '次', kind: 'count' as const, aggregate: { kind: 'sum' as const }, target: null }
    const townSource = { ...SOURCE, id: 's2', title: '牡丹区吴店镇志愿服务报道' }
    const data = exportData([obs('371702101', '2025', 500, { metric: 'activities', source: 's2', quote: '500余次', qualifier: '>=' })], [count])
    const withTown = { ...data, tree: new RegionTree([...REGIONS, { code: '371702101', name: '吴店镇', level: 'town' as const, parent: '371702', aliases: [] }]), sourceById: new Map([[SOURCE.id, SOURCE], [townSource.id, townSource]]) }
    const input: CompareInput = { unit: '次', reference: null, description: '', bars: [{ name: '牡丹区', value: 500, status: 'computed', label: '≥500次（推算）', detail: '' }] }
    const chart = compareExport(withTown, query({ metric: count, regions: ['371702'] }), input, '2025', ['371702'])
    expect(renderSvg(chart.option)).toContain('牡丹区吴店镇志愿服务报道')
    expect(JSON.stringify(chart.deck)).toContain('500余次')
  })
})

describe('the trend’s export as change since the start', () => {
  it('says so in its title, gives the change’s unit, and draws the lines from 0', () => {
    const chart = trendExport(exportData(), query({ measure: 'change' }))
    expect(chart.meta.title).toBe(`${COVERAGE.name}（较起点的变化）`)
    expect(chart.meta.unit).toBe('单位：个百分点')
    const lines = (chart.option.series as { id?: string; data?: { value: [number, number] }[] }[]).filter((s) => s.data?.[0]?.value)
    expect(lines.every((l) => l.data![0].value[1] === 0)).toBe(true)
    expect(trendExport(exportData(), query({ measure: 'percent' })).meta.unit).toBe('单位：%')
    expect(trendExport(exportData(), query()).meta.title).toBe(COVERAGE.name)
  })
})
