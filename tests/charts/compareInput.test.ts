import { describe, expect, it } from 'vitest'
import { compareLabels, compareView, rowDetail, rowLabel, toCompareInput } from '@/charts/compareInput'
import { viewTranslate } from '@/export/viewExport'
import { appTranslate, fixtureViewData, syntheticViewData } from './viewData'

const zh = compareLabels(appTranslate('zh'))
const en = compareLabels(appTranslate('en'))

describe(compareView, () => {
  it('compares the city’s county-level units, the city enclosing them', () => {
    const data = fixtureViewData()
    const view = compareView(data, data.metric('activities'), [], '2025-01')
    expect(view.scope).toEqual({ parent: '371700', regions: ['371702', '371726', '371771'] })
    expect(view.rows.map((r) => [r.region, r.value])).toEqual([['371702', 360], ['371726', 200], ['371771', 120]])
    // The city has no own figure, only the sum of its counties: no reference line is drawn from it.
    expect(view.parentRow).toMatchObject({ region: '371700', status: 'computed', value: 680 })
    expect(toCompareInput(data, data.metric('activities'), view, 'zh', zh).reference).toBeNull()
  })

  it('compares one county’s towns and lists those without a figure', () => {
    const data = fixtureViewData()
    const view = compareView(data, data.metric('activities'), ['371726'], '2025-01')
    expect(view.scope.parent).toBe('371726')
    expect(view.missing).toEqual(['371726001'])
  })

  it('lists every region as missing when there is no period to compare', () => {
    const data = fixtureViewData()
    expect(compareView(data, data.metric('activities'), [], null)).toMatchObject({ rows: [], missing: ['371702', '371726', '371771'] })
  })
})

describe(toCompareInput, () => {
  it('names the ranked bars, labels them with unit and source, and describes them', () => {
    const data = fixtureViewData()
    const metric = data.metric('activities')
    const input = toCompareInput(data, metric, compareView(data, metric, [], '2025-01'), 'zh', zh)
    expect(input.bars).toEqual([
      { name: '牡丹区', value: 360, status: 'reported', label: '360次', detail: '统计表' },
      { name: '鄄城县', value: 200, status: 'reported', label: '200次', detail: '统计表' },
      { name: '菏泽经济技术开发区', value: 120, status: 'reported', label: '120次', detail: '统计表' },
    ])
    expect(input.reference).toBeNull()
    expect(input.description).toBe('activities，2025年1月，各地区数值由高到低：牡丹区 360次，鄄城县 200次，菏泽经济技术开发区 120次。无数据：—。')
    expect(input.decal).toBe(false)
  })

  it('draws the city’s own figure as the reference line and marks a value computed from towns', () => {
    const data = fixtureViewData()
    const metric = data.metric('coverage_rate')
    const input = toCompareInput(data, metric, compareView(data, metric, [], '2025-01'), 'zh', zh, true)
    expect(input.reference).toEqual({ value: 66.1, label: '菏泽市 66.1%' })
    expect(input.bars[0]).toEqual({ name: '鄄城县', value: 60, status: 'computed', label: '60%（推算）', detail: '由 1 个下级地区的数据推算，0 个下级地区无数据' })
    expect(input.bars.slice(1).map((b) => b.label)).toEqual(['无数据', '无数据'])
    expect(input.decal).toBe(true)
  })

  it('shows both values of disagreeing sources and no bar length, in English too', () => {
    const data = syntheticViewData()
    const metric = data.metric('org_count')
    const view = compareView(data, metric, [], '2022-01')
    const conflict = toCompareInput(data, metric, view, 'en', en).bars.find((b) => b.status === 'conflict')!
    expect(conflict.value).toBeNull()
    expect(conflict.label).toMatch(/^Sources disagree: \d+ organisations \/ \d+ organisations$/)
    expect(conflict.detail).toBe('other；合成来源')
  })

  it('makes the same input through the CLI’s plain message lookup as through vue-i18n', () => {
    const data = syntheticViewData()
    for (const locale of ['zh', 'en'] as const) {
      for (const id of ['party_coverage', 'org_count']) {
        const view = compareView(data, data.metric(id), ['990003', '990001', '990007'], '2022-01')
        const app = toCompareInput(data, data.metric(id), view, locale, compareLabels(appTranslate(locale)))
        expect(toCompareInput(data, data.metric(id), view, locale, compareLabels(viewTranslate(locale)))).toEqual(app)
      }
    }
  })
})

describe(rowLabel, () => {
  it('rounds to one decimal and keeps the qualifier', () => {
    const row = { region: 'x', status: 'reported' as const, value: 12.345, qualifier: '>=' as const, figures: [] }
    expect(rowLabel(row, '家', 'zh', zh)).toBe('≥12.3家')
  })
})

describe(rowDetail, () => {
  it('names each source once', () => {
    const data = fixtureViewData()
    const row = compareView(data, data.metric('activities'), [], '2025-01').rows[0]
    expect(rowDetail({ ...row, figures: [...row.figures, ...row.figures] }, data.sourceById, zh)).toBe('统计表')
  })
})
