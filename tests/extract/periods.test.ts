import { describe, expect, it } from 'vitest'
import { extractFigures } from '../../src/extract/extract'
import { parseReportDate } from '../../src/extract/periods'
import { ctx } from './builders'

const periodsOf = (text: string, date = '2025-01') => extractFigures(text, ctx(date)).map((f) => [f.value, f.period])

describe('period resolution of extractFigures', () => {
  it('gives 目前 and undated figures the report date at its granularity', () => {
    expect(periodsOf('目前，全市共有社会组织4532家。')).toEqual([[4532, '2025-01']])
    expect(periodsOf('目前，全市共有社会组织4532家。', '2025-01-05')).toEqual([[4532, '2025-01-05']])
  })

  it('reads an explicit year in the clause', () => {
    expect(periodsOf('吸收入党申请人25名，2024年新发展党员4名。')).toEqual([[25, '2025-01'], [4, '2024']])
  })

  it('resolves 今年, 去年, 上半年 and 一季度 against the report date', () => {
    expect(periodsOf('今年发展党员30名。', '2024-08-01')).toEqual([[30, '2024']])
    expect(periodsOf('去年发展党员30名。', '2024-08-01')).toEqual([[30, '2023']])
    expect(periodsOf('上半年发展党员30名。', '2024-08-01')).toEqual([[30, '2024-01/2024-06']])
    expect(periodsOf('一季度发展党员30名。', '2024-08-01')).toEqual([[30, '2024-Q1']])
  })

  it('does not take a base of comparison as the period', () => {
    expect(periodsOf('2024年，全市发展党员30名，较去年增长15%。')).toEqual([[30, '2024'], [15, '2024']])
  })

  it('gives a running total since a start year an interval to the report date', () => {
    expect(periodsOf('从2022年创建项目起，该镇累计开展活动500余次。')).toEqual([[500, '2022/2025-01']])
  })

  it('dates a paragraph by its opening date', () => {
    expect(periodsOf('▲2024年12月30日，鄄城一中举办书画展。活动共征集到289幅作品。')).toEqual([[289, '2024-12-30']])
  })

  it('dates an undated figure by the year in its headline', () => {
    expect(periodsOf('菏泽市社会工作部2024年工作总结\n\n全市共培育社会组织120家。')).toEqual([[120, '2024']])
  })

  it('places a month without a year in the year before when it is later than the report', () => {
    expect(periodsOf('截至11月底，累计化解矛盾纠纷2860起。')).toEqual([[2860, '2024-11-30']])
  })
})

describe(parseReportDate, () => {
  it('rejects a date it cannot read', () => {
    expect(() => parseReportDate('January 2025')).toThrow(/YYYY/)
  })
})
