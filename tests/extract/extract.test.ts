import { describe, expect, it } from 'vitest'
import { extractFigures, extractReport, MAX_FIGURES } from '../../src/extract/extract'
import { ctx, metric, smallGazetteer } from './builders'

const values = (text: string) => extractFigures(text, ctx()).map((f) => f.value)

describe(extractFigures, () => {
  it('leaves the period of a 由…提升至 starting figure to the reviewer, and names both figures after their noun', () => {
    const [before, after] = extractFigures('鄄城县物业服务小区党组织覆盖率由58%提升至92%。', { ...ctx(), date: '2025-01-15' })
    expect([before.value, after.value]).toEqual([58, 92])
    // 58% was true at some earlier, unnamed time: never the report's own period.
    expect(before.period).toBe('')
    expect(before.confidence).toBeLessThan(0.7)
    expect(after.period).toBe('2025-01-15')
    expect(before.quote).toBe('物业服务小区党组织覆盖率由58%')
    expect(after.quote).toBe('物业服务小区党组织覆盖率由58%提升至92%')
    expect(after.metric_name).toBe(before.metric_name)
  })

  it('suggests the same new metric for both figures of a change, named after the noun before 由', () => {
    const figures = extractFigures('吴店镇农家书屋藏书由5000册增加到8000册。', { ...ctx(), date: '2025-01-15' })
    expect(figures.map((f) => [f.value, f.suggested_name])).toEqual([[5000, '农家书屋藏书数'], [8000, '农家书屋藏书数']])
  })

  it('keeps the earlier period a change names: 从去年底的71.3%提高到86.2%', () => {
    const [before, after] = extractFigures('郓城县物业服务小区党组织覆盖率从去年底的71.3%提高到86.2%。', { ...ctx(), date: '2025-01-15' })
    expect(before.period).toBe('2024-12-31')
    expect(after.period).toBe('2025-01-15')
  })

  it('reads number + classifier + noun and noun + number + classifier', () => {
    expect(values('对143家市级行业协会商会逐一明确主管部门，指导培育党建示范点16家。')).toEqual([143, 16])
  })

  it('emits no dates, years or times of day', () => {
    expect(values('2024年12月30日上午9时30分，活动在12月26日举行，2024年度总结。')).toEqual([])
  })

  it('emits no ordinals, item numbers or phone numbers', () => {
    expect(values('第一批示范点名单公布。一是强化组织。（2）完善机制。联系电话：0530-5310000。安全第一。')).toEqual([])
  })

  it('emits no numbers inside document titles or campaign names', () => {
    expect(values('出台《关于加强党建工作的二十条措施》，推动“两个覆盖”，实施“1+N”模式，构建五大体系。')).toEqual([])
  })

  it('drops the article 一 and 每… frequencies but keeps other Chinese counts', () => {
    expect(values('成立一个、带动一批，每周举办一次，设立五个分项目。')).toEqual([5])
  })

  it('drops rhetorical counts in direct speech but keeps Arabic figures there', () => {
    expect(values('他说：“这次培训帮我解答了三个问题。我们服务了300多人。”')).toEqual([300])
  })

  it('converts 1.5万人次 and keeps the unit 人次', () => {
    const [f] = extractFigures('全年服务群众1.5万人次。', ctx())
    expect([f.value, f.unit]).toEqual([15000, '人次'])
  })

  it('gives a suggested name and no metric to an unknown measure', () => {
    const [f] = extractFigures('组建志愿服务队56支。', ctx())
    expect(f.metric).toBeNull()
    expect(f.suggested_name).toBe('志愿服务队数')
  })

  it('classifies a figure against the metric phrases', () => {
    const [f] = extractFigures('目前，全市行业协会商会党组织覆盖率已达66.1%。', ctx())
    expect([f.metric, f.metric_name]).toEqual(['assoc_party_coverage_rate', '行业协会商会党组织覆盖率'])
    expect(f.confidence).toBeGreaterThan(0.8)
  })

  it('quotes the counted noun with its short aside or quoted name, and without a dangling opening quote mark', () => {
    const quotes = (text: string) => extractFigures(text, ctx()).map((f) => f.quote)
    expect(quotes('全县共有868个村（社区）。')).toEqual(['868个村（社区）'])
    expect(quotes('签署共建项目的156个社区(村)。')).toEqual(['156个社区(村)'])
    expect(quotes('建立网格党支部（党小组）1520个。')).toEqual(['建立网格党支部（党小组）1520个'])
    expect(quotes('吸纳120名新就业群体成为城市治理“合伙人”。')).toEqual(['120名新就业群体成为城市治理“合伙人”'])
    expect(quotes('为30名“光荣在党50年”老党员颁发纪念章。')).toEqual(['30名“光荣在党50年”老党员'])
    expect(quotes('吸纳120名新就业群体成为“城市治理和社区服务的合伙人”。')).toEqual(['120名新就业群体成为'])
    // A long or numbered aside is not part of the noun.
    expect(quotes('培训网格员600人次（2024年度）。')).toEqual(['培训网格员600人次'])
  })

  it('sorts figures by start offset', () => {
    const starts = extractFigures('共有12名党员、30家企业、5个社区参加。', ctx()).map((f) => f.start)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })
})

describe('vague and programme counts in extractFigures', () => {
  it('drops vague amounts such as 数十个 and 几百名', () => {
    expect(values('建成数十个驿站，几百名志愿者参与，新建驿站12个。')).toEqual([12])
  })

  it('drops small counts that name policy instruments', () => {
    expect(values('建立三张清单，完善两项机制，培训骨干三十余名。')).toEqual([30])
  })
})

describe('plans and magnitudes in extractFigures', () => {
  it('drops targets and plans', () => {
    expect(values('力争新就业群体党员人数突破500名。计划到2025年底示范点达到30家。已建成示范点12家。')).toEqual([12])
  })

  it('reads a magnitude after 余: 二十余万份', () => {
    const [f] = extractFigures('发放明白纸二十余万份。', ctx())
    expect([f.value, f.unit, f.qualifier]).toEqual([200000, '份', '>='])
  })
})

describe('metric assignment', () => {
  const metrics = [
    metric('assoc_total', '行业协会商会总数', '家', ['行业协会商会', '协会商会']),
    metric('zombie_assoc_cleared', '清理“僵尸型”协会商会数', '家', ['僵尸型']),
    metric('joint_branches', '新就业群体联合党支部数', '个', ['新就业群体联合党支部', '联合党支部']),
    metric('federation_branches', '社区社会组织联合会党组织数', '个', ['社区社会组织联合会党总支']),
    metric('volunteer_projects', '志愿服务项目数', '个', ['志愿服务项目']),
    metric('villages_with_guardrails', '增设防护栏的村庄数', '个', ['防护栏', '增设防护栏']),
    metric('partners', '城市治理“合伙人”新就业群体人数', '人', ['城市治理合伙人']),
  ]
  const metricsOf = (text: string) => extractFigures(text, { date: '2025-01', regions: smallGazetteer(), metrics }).map((f) => f.metric)

  it('files each of two listed figures under its own noun, not the next figure’s', () => {
    expect(metricsOf('组建新就业群体联合党支部1个、社区社会组织联合会党总支1个。')).toEqual(['joint_branches', 'federation_branches'])
  })

  it('leaves a figure narrowed by 优秀 or “僵尸型” out of the broader metric', () => {
    expect(metricsOf('表彰优秀志愿服务项目20个。')).toEqual([null])
    expect(extractFigures('表彰优秀志愿服务项目20个。', { date: '2025-01', regions: smallGazetteer(), metrics })[0].suggested_name).toContain('优秀志愿服务项目')
    expect(metricsOf('运行志愿服务项目20个。')).toEqual(['volunteer_projects'])
    expect(metricsOf('同时清理“僵尸型”协会商会31家。')).toEqual(['zombie_assoc_cleared'])
    expect(metricsOf('全市共有行业协会商会287家。')).toEqual(['assoc_total'])
  })

  it('matches a phrase whether or not the report quotes part of it', () => {
    expect(metricsOf('吸纳120名新就业群体成为城市治理“合伙人”。')).toEqual(['partners'])
    expect(metricsOf('吸纳120名新就业群体成为城市治理合伙人。')).toEqual(['partners'])
  })

  it('does not file what a number counts under a metric of what those things set up', () => {
    // 12 communities set up branches: a count of communities, not of branches.
    expect(metricsOf('在12个城市社区成立物业服务企业联合党支部。')).toEqual([null])
    // 6 villages got guardrails: the metric counts villages.
    expect(metricsOf('在6个村庄的关键地段安装、增设防护栏。')).toEqual(['villages_with_guardrails'])
  })
})

describe('extractFigures on hostile text', () => {
  it('reads a headline naming a place 130 000 times without overflowing the stack', () => {
    expect(() => extractFigures('菏泽日报讯 鄄城县\n' + '鄄城县'.repeat(130_000) + '开展活动500余次。', ctx())).not.toThrow()
  })

  it('stops after MAX_FIGURES figures and says from where the text was not read', () => {
    const head = '全市共有社会组织4532家。\n'
    const one = '建成站点1个。'
    const text = head + one.repeat(MAX_FIGURES + 10)
    const { figures, notes } = extractReport(text, ctx())
    expect(figures).toHaveLength(MAX_FIGURES)
    // The first figure not read is the (MAX_FIGURES)th 1个: its sentence starts where the note does.
    const firstUnread = head.length + (MAX_FIGURES - 1) * one.length + one.indexOf('1个')
    expect(notes).toEqual([{ kind: 'too-many-figures', start: firstUnread, end: text.length, length: text.length - firstUnread, max: MAX_FIGURES }])
    expect(figures.at(-1)!.start).toBeLessThan(firstUnread)
  })

  it('keeps no note on a report below the limit', () => {
    expect(extractReport('建成站点1个。'.repeat(100), ctx()).notes).toEqual([])
  })
})
