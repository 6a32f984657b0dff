import { describe, expect, it } from 'vitest'
import { cardBriefing, compareBriefing, compareSubject, mapSubject, trendBriefing } from '@/charts/briefingInput'
import { compareView } from '@/charts/compareInput'
import { ObservationIndex } from '@/domain/observationIndex'
import { namedIn, RegionTree } from '@/domain/regions'
import type { Observation, Region, Source } from '@/domain/types'
import { COVERAGE, obs } from '../export/builders'

const region = (code: string, name: string, level: Region['level'], parent: string | null): Region => ({ code, name, level, parent, aliases: [] })
const REGIONS = [region('371700', '菏泽市', 'city', null), region('371702', '牡丹区', 'county', '371700'), region('371726', '鄄城县', 'county', '371700'), region('371702101', '吴店镇', 'town', '371702')]
const SOURCES: Source[] = ['s1', 's2'].map((id) => ({ id, title: id === 's1' ? '菏泽日报' : '鄄城县工作总结', publication: '', date: '', author: '', file: '', url: '', note: '' }))

function data(observations: Observation[]) {
  return { index: new ObservationIndex(observations, [COVERAGE]), tree: new RegionTree(REGIONS), sourceById: new Map(SOURCES.map((s) => [s.id, s])) }
}

const zh = { locale: 'zh', demo: false } as const
const figures = [
  obs('371700', '2024-12', 65), obs('371700', '2025-01', 66.1),
  obs('371702', '2024-12', 70), obs('371702', '2025-01', 72.3),
  obs('371726', '2024-12', 68), obs('371726', '2025-01', 67.5),
]

describe(trendBriefing, () => {
  it('leads with the city’s line when its counties are drawn beside it', () => {
    expect(trendBriefing(data(figures), COVERAGE, ['371700', '371702', '371726'], {}, zh)).toBe(
      '截至2025年1月，菏泽市党组织覆盖率为66.1%，较上月提高1.1个百分点，距100%目标尚差33.9个百分点。' +
      '2025年1月，2个县区中牡丹区最高（72.3%），鄄城县最低（67.5%）；与上月相比，1个上升、1个下降。',
    )
  })

  it('lets the towns drawn for a county without figures stand in for it, named with their county', () => {
    const activities = { ...COVERAGE, name: '志愿服务活动次数', unit: '次', kind: 'count', temporal: 'cumulative', target: null } as const
    const town = [obs('371702101', '2022/2025-01', 500, { qualifier: '>=' })]
    expect(trendBriefing(data(town), activities, ['371702', '371702101'], {}, zh)).toBe('2022年—2025年1月，牡丹区吴店镇志愿服务活动次数累计为500余次。')
  })

  it('names places in English in an English paragraph, a town alone after its county', () => {
    const english = namedIn(REGIONS.map((r) => ({ ...r, nameEn: { '371700': 'Heze City', '371702': 'Mudan District', '371726': 'Juancheng County', '371702101': 'Wudian Town' }[r.code] })), 'en')
    const d = { ...data(figures), tree: new RegionTree(english) }
    const en = { locale: 'en', demo: false } as const
    const text = trendBriefing(d, COVERAGE, ['371700', '371702', '371726'], {}, en)
    expect(text).toContain('Heze City')
    expect(text).toContain('Mudan District was highest')
    expect(text).not.toMatch(/[\u4e00-\u9fff]/)
    const town = { ...d, index: new ObservationIndex([obs('371702101', '2025-01', 50)], [COVERAGE]) }
    expect(trendBriefing(town, COVERAGE, ['371702', '371702101'], {}, en)).toContain('Wudian Town, Mudan District')
  })
})

describe(compareBriefing, () => {
  it('leads a comparison of the counties with the city, and the map with the county picked on it, ranked', () => {
    const d = data(figures)
    const view = compareView(d, COVERAGE, [], '2025-01')
    expect(compareBriefing(d, COVERAGE, view.rows, compareSubject(d, []), '2025-01', zh)).toMatch(/^截至2025年1月，菏泽市党组织覆盖率为66.1%/)
    expect(compareBriefing(d, COVERAGE, view.rows, mapSubject(d, ['371726']), '2025-01', zh)).toMatch(/^截至2025年1月，鄄城县党组织覆盖率为67.5%，较上月下降0.5个百分点，在2个县区中居第2位，/)
  })

  it('names a town compared alone with its county, as the trend does', () => {
    const activities = { ...COVERAGE, name: '志愿服务活动次数', unit: '次', kind: 'count', temporal: 'cumulative', target: null } as const
    const d = data([obs('371702101', '2022/2025-01', 500, { qualifier: '>=' })])
    const view = compareView(d, activities, ['371702101'], '2022/2025-01')
    expect(compareBriefing(d, activities, view.rows, compareSubject(d, ['371702101']), '2022/2025-01', zh)).toBe('2022年—2025年1月，牡丹区吴店镇志愿服务活动次数累计为500余次。')
  })
})

describe(cardBriefing, () => {
  it('names both sources of a card’s conflicting figure', () => {
    const conflict = [obs('371726', '2025-01', 68.6), obs('371726', '2025-01', 67.9, { source: 's2' })]
    expect(cardBriefing(data(conflict), COVERAGE, '371726', zh)).toBe('2025年1月，鄄城县党组织覆盖率来源不一致：《菏泽日报》为68.6%、《鄄城县工作总结》为67.9%。')
  })
})
