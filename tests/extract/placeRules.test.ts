import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractFigures, type Figure } from '../../src/extract/extract'
import { ctx } from './builders'

const figures = (text: string, date = '2024-05-10') => extractFigures(text, ctx(date))
const places = (text: string, date?: string) => figures(text, date).map((f) => [f.value, f.region, f.region_code])
const periods = (text: string, date?: string) => figures(text, date).map((f) => [f.value, f.period])
const unknown = (f: Figure) => (f.flags ?? []).filter((flag) => flag.startsWith('未识别地名：'))

describe('a place the region table does not know', () => {
  it('keeps its name on the figure, with no code, flagged for the reviewer, instead of the town or county around it', () => {
    const [f] = figures('日前，鄄城县古泉街道幸福里社区组织志愿者30名开展服务。')
    expect([f.region, f.region_code, unknown(f)]).toEqual(['幸福里社区', null, ['未识别地名：幸福里社区']])
  })

  it('names a zone or park after its county: 曹县经济开发区', () => {
    const [f] = figures('近日，曹县经济开发区建成党群服务中心12个。')
    expect([f.region, f.region_code, unknown(f)]).toEqual(['曹县经济开发区', null, ['未识别地名：曹县经济开发区']])
  })

  it('is read after 在 or at a sentence start, and governs the figures of its sentence', () => {
    expect(places('鄄城县召开推进会。在阳光社区，志愿者走访群众120户。')).toEqual([[120, '阳光社区', null]])
  })

  it('is not made of common nouns, activities or a verb before 村', () => {
    for (const text of ['全县农村社区建成服务站30个。', '鄄城县志愿服务进社区活动开展50场。', '鄄城县成立淘宝村电商协会，发动党员30名。', '曹县聘请村内老党员担任调解员40名。']) {
      expect(figures(text).flatMap(unknown), text).toEqual([])
    }
  })

  it('never throws and never names a place outside the text, whatever the text', () => {
    const chars = fc.constantFrom(...'鄄城县古泉街道幸福里社区村在，。、经济开发区新园0123456789个名')
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 60 }), (text) => {
        for (const f of figures(text)) if (f.region && !f.region_code) expect(text).toContain(f.region)
      }),
    )
  })
})

describe('the place inside the counted noun', () => {
  it('beats the place of the event: 17支牡丹区直…队伍 in 吴店镇 are 牡丹区’s', () => {
    expect(places('吴店镇组织17支牡丹区直单位志愿服务队伍开展服务。')).toEqual([[17, '牡丹区', '371702']])
  })
})

describe('全市 and 菏泽市 lists announced at a county’s event', () => {
  it('are the city’s', () => {
    expect(places('牡丹区表彰全市优秀志愿者100名、优秀组织20个。')).toEqual([[100, '菏泽市', '371700'], [20, '菏泽市', '371700']])
    expect(places('定陶区会上公布菏泽市优秀志愿服务项目30个。')).toEqual([[30, '菏泽市', '371700']])
  })

  it('but not a county ranked within the city', () => {
    expect(places('鄄城县在全市率先建成服务站56个。')).toEqual([[56, '鄄城县', '371726']])
  })
})

describe('periods read from the text before the publication date', () => {
  it('takes 2023年度 as the year 2023 for the list or total after it, even in a 近日 sentence', () => {
    expect(periods('本报讯 近日，鄄城县召开2023年度总结表彰大会。会上，100名优秀志愿者受到表彰。', '2024-03-01')).toEqual([[100, '2023']])
    expect(periods('鄄城县2023年度志愿服务表彰名单公布\n\n本报讯 近日，鄄城县公布表彰名单，优秀志愿者100名。', '2024-03-01')).toEqual([[100, '2023']])
  })

  it('dates what was done at an event by the day the article gives it (4月26日), not by the publication date', () => {
    const text = '巨野县举办志愿服务集市\n\n本报讯 4月26日，巨野县举办志愿服务集市。\n\n活动当天发放宣传资料3000余份。'
    expect(periods(text)).toEqual([[3000, '2024-04-26']])
  })

  it('does not date a stock by a scene’s day or a press day', () => {
    expect(periods('本报讯 12月18日中午，骑手小王在驿站里说。\n\n全县建成驿站86处。', '2023-12-20')).toEqual([[86, '2023-12-20']])
  })

  it('reads 上年 and 上年度 against the publication date, and 日前 as it', () => {
    expect(periods('上年全县发放补贴1200万元。')).toEqual([[1200, '2023']])
    expect(periods('单县上年度共化解矛盾纠纷800件。')).toEqual([[800, '2023']])
    expect(periods('日前，单县召开会议，组织志愿者60名。')).toEqual([[60, '2024-05-10']])
    // 26日前 is "before the 26th", not 日前.
    expect(periods('单县于4月26日前组织志愿者60名。')).toEqual([[60, '2024-04-26']])
  })
})

describe('confidence', () => {
  it('falls when the place or the period came from a fallback, and says which', () => {
    const [stated] = figures('目前，鄄城县建成服务站56个。')
    const [fromLead] = figures('鄄城县召开推进会\n\n本报讯 近日，鄄城县召开推进会。\n\n目前，建成服务站56个。')
    const [fromDate] = figures('鄄城县建成服务站56个。')
    expect(stated.flags).toBeUndefined()
    expect(fromLead.flags).toEqual(['地点取自导语或版面，正文未写明'])
    expect(fromDate.flags).toEqual(['时间取自发布日期，正文未写明'])
    expect(fromLead.confidence).toBeLessThan(stated.confidence)
    expect(fromDate.confidence).toBeLessThan(stated.confidence)
  })
})
