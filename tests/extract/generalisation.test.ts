import { describe, expect, it } from 'vitest'
import { extractFigures } from '../../src/extract/extract'
import { suggestName } from '../../src/extract/metrics'
import { ctx } from './builders'

const figures = (text: string, date = '2025-07-16') => extractFigures(text, ctx(date))
const read = (text: string, date?: string) => figures(text, date).map((f) => [f.value, f.unit, f.qualifier])
const periodsOf = (text: string, date?: string) => figures(text, date).map((f) => [f.value, f.period])

describe('figures of reports the extractor was not written for', () => {
  it('reads 两成 as 20% and 百分之百 as 100%, but not 成立 or 成为', () => {
    expect(read('青年志愿者占比超过两成。')).toEqual([[20, '%', '>=']])
    expect(read('事项百分之百按时办结。')).toEqual([[100, '%', '=']])
    expect(read('三成立项目组，两成为骨干。')).toEqual([])
  })

  it('counts money obtained with 争取资金 but not a 争取 target', () => {
    expect(read('为小区争取改造资金1200万元，改造老旧小区23个。')).toEqual([[1200, '万元', '='], [23, '个', '=']])
    expect(read('争取到年底建成示范小区30个。')).toEqual([])
  })

  it('reads 突破 as a lower bound', () => {
    expect(read('全镇电商销售额突破50亿元。')).toEqual([[50, '亿元', '>=']])
  })
})

describe('period resolution on unseen report shapes', () => {
  it('gives the figure after 由去年的…提升至 the sentence period, not the base year', () => {
    expect(periodsOf('上半年召开联席会议46次，居民满意度由去年的82%提升至95%。', '2021-09-10')).toEqual([
      [46, '2021-01/2021-06'], [82, '2020'], [95, '2021-01/2021-06'],
    ])
  })

  it('does not let a date inside a 其中 aside reach the clauses after it', () => {
    expect(periodsOf('全县建成驿站86处，其中今年新建31处，累计服务群众12.8万人次。', '2023-12-20')).toEqual([
      [86, '2023-12-20'], [31, '2023'], [128000, '2023-12-20'],
    ])
  })

  it('carries a 截至 date across a semicolon to the end of the sentence', () => {
    expect(periodsOf('截至2025年12月底，全县注册志愿者达18.6万人；组建志愿服务队伍1260支。', '2026-01-08')).toEqual([
      [186000, '2025-12-31'], [1260, '2025-12-31'],
    ])
  })

  it('reads 今年1—6月 as one interval', () => {
    expect(periodsOf('今年1—6月，全县转办事项5628件。', '2024-07-02')).toEqual([[5628, '2024-01/2024-06']])
  })

  it('dates flows but not stocks by a headline that states a figure, and every figure by a summary headline', () => {
    const headed = (headline: string) => `${headline}\n\n本报讯（记者 张华）单县共有专职调解员96名，累计化解纠纷1821起。`
    expect(periodsOf(headed('单县一季度矛盾纠纷化解率达97.8%'), '2024-04-12').slice(1)).toEqual([[96, '2024-04-12'], [1821, '2024-Q1']])
    expect(periodsOf(headed('单县2023年度矛盾纠纷化解工作综述'), '2024-01-12')).toEqual([[96, '2023'], [1821, '2023']])
  })
})

describe(suggestName, () => {
  it('names a year-on-year change by its subject and direction', () => {
    expect(suggestName('', '信访总量同比下降', '%')).toBe('信访总量同比降幅')
    expect(suggestName('', '群众满意度较去年同期提高', '个百分点')).toBe('群众满意度同比增幅（百分点）')
  })

  it.each([
    ['专职调解员', '名', '专职调解员人数'],
    ['党员电商带头人', '名', '党员电商带头人数'],
    ['排查矛盾纠纷', '起', '排查矛盾纠纷起数'],
    ['受理案件', '件', '受理案件数'],
    ['走访农户', '户次', '走访农户户次'],
    ['召开联席会议', '次', '召开联席会议次数'],
    ['网格议事会', '场次', '网格议事会场次'],
    ['志愿服务队伍', '支', '志愿服务队伍数'],
  ])('names a count by what it counts, as reports do: %s (%s) → %s', (noun, unit, name) => {
    expect(suggestName('', noun, unit)).toBe(name)
  })

  it.each([
    ['电商销售额突破', '亿元', '电商销售额'],
    ['创业贷款', '万元', '创业贷款'],
    ['挽回经济', '万元', '挽回经济金额'],
    ['志愿服务', '小时', '志愿服务时长'],
    ['全年新增注册志愿者', '人', '新增注册志愿者人数'],
    ['配备专职网格员', '名', '专职网格员人数'],
  ])('names an amount by its own word, and drops when and how it was set up: %s (%s) → %s', (noun, unit, name) => {
    expect(suggestName('', noun, unit)).toBe(name)
  })
})
