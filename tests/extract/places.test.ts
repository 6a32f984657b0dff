import { describe, expect, it } from 'vitest'
import { extractFigures } from '../../src/extract/extract'
import { ctx } from './builders'

const regionsOf = (text: string) => extractFigures(text, ctx()).map((f) => [f.value, f.region, f.region_code])

describe('place attribution of extractFigures', () => {
  it('attributes a figure to the most specific place in its clause', () => {
    expect(regionsOf('鄄城县引马镇在安庄村、韩庄村等6个村庄增设防护栏。')).toEqual([[6, '引马镇', '371726113']])
  })

  it('falls back to the article dateline when the paragraph names no place', () => {
    const text = '党建引领服务更暖心\n\n日前，定陶区滨河街道开展宣传活动。\n\n组建联合党支部1个，吸收入党申请人25名。'
    expect(regionsOf(text)).toEqual([[1, '滨河街道', '371703002'], [25, '滨河街道', '371703002']])
  })

  it('prefers the clause over the lead', () => {
    const text = '鄄城县召开会议\n\n本报讯 近日，鄄城县召开推进会。\n\n全市共有社会组织4532家，古泉街道组建志愿服务队56支。'
    expect(regionsOf(text)).toEqual([[4532, '菏泽市', '371700'], [56, '古泉街道', '371726002']])
  })

  it('names a village or community when its county or town is named in the article', () => {
    const text = '鄄城县：志愿服务进社区\n\n本报讯 近日，鄄城县在虹桥社区开展志愿服务，参与居民120人。'
    expect(regionsOf(text)).toEqual([[120, '虹桥社区', '371726002003']])
    // The same name under 吴店镇 of 牡丹区 is taken when that town is the one named.
    expect(regionsOf('吴店镇虹桥社区组建志愿服务队3支。')).toEqual([[3, '虹桥社区', '371702101201']])
  })

  it('does not take a village name alone for a known place: 刘庄村 recurs across towns, so it is left to the reviewer', () => {
    const [f] = extractFigures('曹县召开推进会。刘庄村组建志愿服务队3支。', ctx())
    expect([f.region, f.region_code, f.flags]).toEqual(['刘庄村', null, ['未识别地名：刘庄村', '时间取自发布日期，正文未写明']])
  })

  it('resolves 该镇 to the town named before it', () => {
    const text = '这是牡丹区吴店镇开展志愿服务的缩影。该镇设立五个分项目。'
    expect(regionsOf(text)).toEqual([[5, '吴店镇', '371702101']])
  })

  it('does not take listed members as the governing place', () => {
    const text = '全市推进试点。牡丹区、定陶区等5个县区建成示范点。'
    expect(regionsOf(text)).toEqual([[5, '菏泽市', '371700']])
  })

  it('matches a town short form only when its full name is in the article', () => {
    expect(regionsOf('鄄城县举办黄河大集，吸引群众2000余人。')).toEqual([[2000, '鄄城县', '371726']])
    expect(regionsOf('吴店镇组织活动。吴店青年志愿者30名参加。')).toEqual([[30, '吴店镇', '371702101']])
  })

  it('tells apart towns of the same name by their county', () => {
    expect(regionsOf('单县东城街道组建网格员队伍120名。')[0][2]).toBe('371722004')
  })
})

describe('place attribution across subheads', () => {
  it('keeps the dateline place for paragraphs after a subhead line', () => {
    const text = '暖新服务更暖心\n\n日前，定陶区滨河街道开展宣传活动。\n\n推动新业态党建两个覆盖\n\n组建联合党支部3个。'
    expect(regionsOf(text)).toEqual([[3, '滨河街道', '371703002']])
  })
})
