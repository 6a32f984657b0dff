import { describe, expect, it } from 'vitest'
import { briefingAmount, writeBriefing, type BriefingFigure, type BriefingInput, type BriefingPlace } from '@/domain/briefing'
import type { Qualifier } from '@/domain/types'

const fig = (period: string, value: number, qualifier: Qualifier = '=', source = '菏泽日报'): BriefingFigure => ({ period, value, qualifier, source })
const place = (name: string, ...figures: BriefingFigure[]): BriefingPlace => ({ name, figures })
const coverage = { name: '行业协会商会党组织覆盖率', unit: '%', kind: 'rate', temporal: 'stock', target: 100 } as const
const branches = { name: '新就业群体联合党支部数', unit: '个', kind: 'count', temporal: 'stock', target: null } as const
const activities = { name: '志愿服务活动次数', unit: '次', kind: 'count', temporal: 'cumulative', target: null } as const
const members = { name: '新就业群体新发展党员数', unit: '名', kind: 'count', temporal: 'flow', target: null } as const

/** 鄄城县 of the example: 68.6% in January 2025, 67.8% a month and 60.9% a year before. */
const juancheng = place('鄄城县', fig('2024-01', 60.9), fig('2024-12', 67.8), fig('2025-01', 68.6))
const input = (over: Partial<BriefingInput>): BriefingInput => ({ metric: coverage, places: [], group: 'county', demo: false, locale: 'zh', ...over })

/** Nine counties at January 2025 (and December 2024 for the direction of change), 东明县 without a figure. */
const counties = [
  juancheng,
  place('牡丹区', fig('2024-12', 70.2), fig('2025-01', 72.3)),
  place('定陶区', fig('2024-12', 61), fig('2025-01', 60.1)),
  place('曹县', fig('2024-12', 64), fig('2025-01', 65)),
  place('单县', fig('2024-12', 66), fig('2025-01', 66)),
  place('成武县', fig('2025-01', 62.5)),
  place('巨野县', fig('2024-12', 63), fig('2025-01', 64.2)),
  place('郓城县', fig('2024-12', 61.9), fig('2025-01', 63.3)),
  place('东明县'),
]

const rows: [situation: string, input: BriefingInput, sentence: string][] = [
  ['the issue’s example: 环比 and 同比 in 个百分点, rank among those with a figure, gap to target', input({ places: counties, subject: juancheng }),
    '截至2025年1月，鄄城县行业协会商会党组织覆盖率为68.6%，较上月提高0.8个百分点，同比提高7.7个百分点，在8个县区中居第2位，距100%目标尚差31.4个百分点。' +
    '2025年1月，9个县区中牡丹区最高（72.3%），定陶区最低（60.1%）；与上月相比，5个上升、1个下降、1个持平；无数据的县区：东明县。'],
  ['a single figure', input({ places: [place('菏泽市', fig('2025-01', 66.1))] }),
    '截至2025年1月，菏泽市行业协会商会党组织覆盖率为66.1%，距100%目标尚差33.9个百分点。'],
  ['no year-ago figure: 环比 only', input({ places: [place('鄄城县', fig('2024-12', 67.8), fig('2025-01', 68.6))] }),
    '截至2025年1月，鄄城县行业协会商会党组织覆盖率为68.6%，较上月提高0.8个百分点，距100%目标尚差31.4个百分点。'],
  ['a previous figure that is not the month before is no 环比', input({ places: [place('鄄城县', fig('2024-10', 67.8), fig('2025-01', 68.6))] }),
    '截至2025年1月，鄄城县行业协会商会党组织覆盖率为68.6%，距100%目标尚差31.4个百分点。'],
  ['a count changes in its unit and in %', input({ metric: branches, places: [place('牡丹区', fig('2024-12', 40), fig('2025-01', 42))] }),
    '截至2025年1月，牡丹区新就业群体联合党支部数为42个，较上月增加2个（增长5%）。'],
  ['a 余 figure now: the change is at least its floor', input({ metric: branches, places: [place('牡丹区', fig('2024-12', 40), fig('2025-01', 50, '>='))] }),
    '截至2025年1月，牡丹区新就业群体联合党支部数为50余个，较上月至少增加10个。'],
  ['a 余 figure before: a fall is at least its floor, a rise is left out', input({ metric: branches, places: [place('牡丹区', fig('2024-01', 20, '>='), fig('2024-12', 60, '>='), fig('2025-01', 30))] }),
    '截至2025年1月，牡丹区新就业群体联合党支部数为30个，较上月至少减少30个。'],
  ['约 on either side: no change stated', input({ metric: branches, places: [place('牡丹区', fig('2024-12', 30000, '~'), fig('2025-01', 32000))] }),
    '截至2025年1月，牡丹区新就业群体联合党支部数为32000个。'],
  ['约3万 as the report gives it', input({ metric: branches, places: [place('牡丹区', fig('2025-01', 30000, '~'))] }),
    '截至2025年1月，牡丹区新就业群体联合党支部数为约3万个。'],
  ['a rate falling', input({ places: [place('定陶区', fig('2024-01', 62.4), fig('2024-12', 61), fig('2025-01', 60.1))] }),
    '截至2025年1月，定陶区行业协会商会党组织覆盖率为60.1%，较上月下降0.9个百分点，同比下降2.3个百分点，距100%目标尚差39.9个百分点。'],
  ['a tie in rank', input({ places: [place('曹县', fig('2025-01', 66)), place('单县', fig('2025-01', 66)), place('巨野县', fig('2025-01', 70))], subject: place('单县', fig('2025-01', 66)) }),
    '截至2025年1月，单县行业协会商会党组织覆盖率为66%，在3个县区中与曹县并列第2位，距100%目标尚差34个百分点。' +
    '2025年1月，3个县区中巨野县最高（70%），曹县、单县并列最低（66%）。'],
  ['a zero baseline: no %', input({ metric: branches, places: [place('曹县', fig('2024-12', 0), fig('2025-01', 3))] }),
    '截至2025年1月，曹县新就业群体联合党支部数为3个，较上月增加3个（上期为0）。'],
  ['a target met', input({ places: [place('成武县', fig('2024-12', 98.5), fig('2025-01', 100))] }),
    '截至2025年1月，成武县行业协会商会党组织覆盖率为100%，较上月提高1.5个百分点，已达到100%目标。'],
  ['an interval total next to monthly figures is not compared with them', input({ metric: activities, range: {}, places: [place('牡丹区', fig('2024-11', 30), fig('2024-12', 40), fig('2022/2025-01', 500, '>='))] }),
    '2022年—2025年1月，牡丹区志愿服务活动次数累计为500余次。'],
  ['a conflict names both sources', input({ places: [place('鄄城县', fig('2024-12', 67.8), fig('2025-01', 68.6, '=', '菏泽日报'), fig('2025-01', 67.9, '=', '鄄城县工作总结'))] }),
    '2025年1月，鄄城县行业协会商会党组织覆盖率来源不一致：《菏泽日报》为68.6%、《鄄城县工作总结》为67.9%。'],
  ['a conflict among several places', input({ places: [place('曹县', fig('2025-01', 65)), place('单县', fig('2025-01', 66, '=', '甲'), fig('2025-01', 64, '=', '乙')), place('巨野县', fig('2025-01', 70))] }),
    '2025年1月，3个县区中巨野县最高（70%），曹县最低（65%）；单县来源不一致（《甲》为66%、《乙》为64%）。'],
  ['several periods: the change over the range and its largest step', input({ range: {}, places: [place('菏泽市', fig('2024-10', 60), fig('2024-11', 60.5), fig('2024-12', 62.5), fig('2025-01', 63))] }),
    '截至2025年1月，菏泽市行业协会商会党组织覆盖率为63%，较上月提高0.5个百分点，距100%目标尚差37个百分点。2024年10月至2025年1月提高3个百分点，其中2024年11月至2024年12月变化最大，提高2个百分点。'],
  ['several places over a range: how many rose and fell, and who moved most', input({ range: {}, places: [
    place('曹县', fig('2024-10', 60), fig('2024-12', 62), fig('2025-01', 63)),
    place('单县', fig('2024-10', 70), fig('2025-01', 68)),
    place('巨野县', fig('2024-10', 50), fig('2025-01', 58)),
    place('郓城县', fig('2024-12', 40), fig('2025-01', 41)),
  ] }),
    '2025年1月，4个县区中单县最高（68%），郓城县最低（41%）；与上月相比，2个上升。' +
    '2024年10月至2025年1月，3个有数据的县区中2个上升、1个下降，巨野县变化最大，提高8个百分点。'],
  ['a figure computed from the parts is not compared with a reported one', input({ metric: branches, places: [place('曹县', fig('2024-12', 5), { ...fig('2025-01', 9), computed: true })] }),
    '截至2025年1月，曹县新就业群体联合党支部数为9个（由下级地区推算）。'],
  ['a range that starts later: 同比 still from the year before, the range from its start', input({ range: { from: '2024-11' }, places: [place('菏泽市', fig('2024-01', 55), fig('2024-10', 60), fig('2024-11', 60.5), fig('2024-12', 62.5), fig('2025-01', 63))] }),
    '截至2025年1月，菏泽市行业协会商会党组织覆盖率为63%，较上月提高0.5个百分点，同比提高8个百分点，距100%目标尚差37个百分点。2024年11月至2025年1月提高2.5个百分点，其中2024年11月至2024年12月变化最大，提高2个百分点。'],
  ['two neighbouring periods: no range beside the 环比', input({ range: {}, places: [place('菏泽市', fig('2024-12', 62.5), fig('2025-01', 63))] }),
    '截至2025年1月，菏泽市行业协会商会党组织覆盖率为63%，较上月提高0.5个百分点，距100%目标尚差37个百分点。'],
  ['a figure computed from some of the parts is a floor', input({ metric: branches, places: [place('曹县'), place('定陶区', { ...fig('2025-01', 1, '>='), computed: true })] }),
    '2025年1月，2个县区中仅定陶区有数据（至少1个，由下级地区推算）；无数据的县区：曹县。'],
  ['the only place with a figure leads, and the rest are named as without one', input({ places: [place('鄄城县', fig('2025-01', 68.6)), place('东明县'), place('单县')], subject: place('鄄城县', fig('2025-01', 68.6)) }),
    '截至2025年1月，鄄城县行业协会商会党组织覆盖率为68.6%，距100%目标尚差31.4个百分点。无数据的县区：东明县、单县。'],
  ['a flow figure of a year', input({ metric: members, places: [place('南城街道', fig('2023', 3), fig('2024', 4))] }),
    '2024年，南城街道新就业群体新发展党员数为4名，较上年增加1名（增长33.3%）。'],
  ['the demo package says so', input({ demo: true, places: [place('菏泽市', fig('2025-01', 66.1))] }),
    '（演示数据）截至2025年1月，菏泽市行业协会商会党组织覆盖率为66.1%，距100%目标尚差33.9个百分点。'],
  ['English', input({ locale: 'en', metric: { ...coverage, name: 'party-organisation coverage' }, places: counties, subject: juancheng }),
    'As of Jan 2025, party-organisation coverage in 鄄城县 was 68.6%, up 0.8 pp on the previous month, up 7.7 pp year on year, ranking 2nd of 8 counties and districts, 31.4 pp short of the 100% target. ' +
    'In Jan 2025, of 9 counties and districts, 牡丹区 was highest (72.3%) and 定陶区 lowest (60.1%); against the previous month, 5 rose, 1 fell, 1 unchanged; no figure for 东明县.'],
  ['English with a bound', input({ locale: 'en', demo: true, metric: { ...activities, name: 'volunteer activities' }, places: [place('牡丹区', fig('2024-12', 400), fig('2025-01', 500, '>='))] }),
    '(Demo data) As of Jan 2025, volunteer activities in 牡丹区 was over 500 times, up at least 100 times on the previous month.'],
]

describe(writeBriefing, () => {
  it.each(rows)('%s', (_, given, sentence) => {
    expect(writeBriefing(given)).toBe(sentence)
  })

  it('writes nothing when no place has a figure', () => {
    expect(writeBriefing(input({ places: [place('东明县')] }))).toBe('')
  })
})

describe(briefingAmount, () => {
  it.each([
    [500, '>=', '次', 'zh', '500余次'],
    [30000, '~', '人', 'zh', '约3万人'],
    [12345, '=', '人', 'zh', '12345人'],
    [92.4, '>=', '%', 'zh', '92.4%以上'],
    [20, '<=', '个', 'zh', '不超过20个'],
    [30000, '~', '人', 'en', 'about 30,000 people'],
  ] as const)('writes %d (%s) %s in %s as %s', (value, qualifier, unit, locale, text) => {
    expect(briefingAmount(value, qualifier, unit, locale)).toBe(text)
  })
})
