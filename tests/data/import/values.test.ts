import { describe, expect, it } from 'vitest'
import { findMetric, parseNumberCell, parsePeriodCell, parseQualifierCell, parseRegionCell } from '@/data/import/values'
import { RegionTree } from '@/domain/regions'
import { metric } from '@/domain/synthesize'
import type { Region } from '@/domain/types'

const region = (code: string, name: string, parent: string | null, aliases: string[] = [], level: Region['level'] = 'county'): Region => ({ code, name, level, parent, aliases })
const tree = new RegionTree([
  region('371700', '菏泽市', null, ['菏泽'], 'city'),
  region('371721', '曹县', '371700'),
  region('371725', '郓城县', '371700', ['郓城']),
  region('371726', '鄄城县', '371700', ['鄄城']),
  region('371726001', '古泉街道', '371726', [], 'town'),
  region('371725001', '古泉街道', '371725', [], 'town'),
])
const value = <T>(p: { ok: boolean; value?: T }) => (p.ok ? p.value : undefined)

describe(parseNumberCell, () => {
  it.each([
    ['1,234', 1234, null],
    ['66.1%', 66.1, null],
    ['1.2万', 12000, null],
    ['1.15万', 11500, null],
    ['约500', 500, '~'],
    ['500余', 500, '>='],
    ['300多', 300, '>='],
    ['1.2万余', 12000, '>='],
    ['≥20', 20, '>='],
    ['不超过5', 5, '<='],
    ['１２．５', 12.5, null],
    ['-3', -3, null],
    ['1e-7', 1e-7, null],
    ['1E-07', 1e-7, null],
    ['9007199254740991', 9007199254740991, null],
  ])('reads %s as %d', (text, expected, qualifier) => {
    expect(value(parseNumberCell(text))).toEqual({ value: expected, qualifier, percent: text.includes('%') })
  })

  it('drops the metric’s unit typed after the number', () => {
    expect(value(parseNumberCell('300余人', '人'))).toMatchObject({ value: 300, qualifier: '>=' })
  })

  it.each(['abc', '1,2', '12..5', '', '=SUM(A1:A3)', 'e5', '1e', '1e400'])('rejects %s as not a number', (text) => {
    expect(parseNumberCell(text)).toMatchObject({ ok: false, code: 'number' })
  })

  it('ignores a zero-width space inside a number rather than reading 5\u200b6个 as 6', () => {
    expect(value(parseNumberCell('5\u200b6个', '个'))).toMatchObject({ value: 56 })
  })

  it.each(['9007199254740993', '90071992547409930', '0.12345678901234567', '671995840563812800'])('refuses %s, whose last digits a double would drop', (text) => {
    expect(parseNumberCell(text)).toMatchObject({ ok: false, code: 'precision' })
  })
})

describe(parsePeriodCell, () => {
  it.each([
    ['2024', '2024'],
    ['2024年', '2024'],
    ['2024年12月', '2024-12'],
    ['2024年1月', '2024-01'],
    ['2024.12', '2024-12'],
    ['2024/12/31', '2024-12-31'],
    ['2024年12月31日', '2024-12-31'],
    ['2024-12-31', '2024-12-31'],
    ['2024年第四季度', '2024-Q4'],
    ['2024年4季度', '2024-Q4'],
    ['2024Q4', '2024-Q4'],
    ['2024-Q4', '2024-Q4'],
    ['2022/2025-01', '2022/2025-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(value(parsePeriodCell(text))).toBe(iso)
  })

  it('says a month 13 or 30 February does not exist, rather than that the text is unreadable', () => {
    expect(parsePeriodCell('2024-13')).toMatchObject({ ok: false, code: 'periodDate' })
    expect(parsePeriodCell('2023/2/29')).toMatchObject({ ok: false, code: 'periodDate' })
  })

  it.each(['去年', '12/2024', '2024年第五季度', '24年'])('rejects %s', (text) => {
    expect(parsePeriodCell(text).ok).toBe(false)
  })
})

describe(parseRegionCell, () => {
  it('finds a county by short name, full name, code or with the city prefix', () => {
    for (const text of ['鄄城', '鄄城县', '371726', '菏泽市鄄城县', ' 鄄城 ']) expect(value(parseRegionCell(text, tree))).toBe('371726')
  })

  it('suggests near names for an unknown region', () => {
    expect(parseRegionCell('鄄城市', tree)).toMatchObject({ ok: false, code: 'region', params: { suggestions: expect.stringContaining('鄄城县') } })
  })

  it('asks for the full name when a name is shared by two towns', () => {
    expect(parseRegionCell('古泉街道', tree)).toMatchObject({ ok: false, code: 'regionAmbiguous' })
  })

  it('rejects a well-formed code the regions table lacks', () => {
    expect(parseRegionCell('371799', tree)).toMatchObject({ ok: false, code: 'regionCode' })
  })
})

describe(parseQualifierCell, () => {
  it('reads signs and words, and an empty cell as no qualifier', () => {
    expect(['=', '>=', '≥', '余', '约', '≈', '不超过', ''].map((s) => value(parseQualifierCell(s)))).toEqual(['=', '>=', '>=', '>=', '~', '~', '<=', null])
    expect(parseQualifierCell('大概').ok).toBe(false)
  })
})

describe(findMetric, () => {
  it('finds a metric by id, Chinese name, English name or alias', () => {
    const m = metric('volunteers', { name: '志愿者人数', nameEn: 'Volunteers', aliases: ['志愿者'] })
    for (const text of ['volunteers', '志愿者人数', 'volunteers', 'VOLUNTEERS', '志愿者']) expect(findMetric(text, [m])).toBe(m)
    expect(findMetric('党员', [m])).toBeUndefined()
  })
})
