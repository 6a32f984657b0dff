import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadRegions } from '@/cli/extract'
import { checkVillages } from '@/data/villages'
import { formatMessage } from '@/data/messages'
import { villageName } from '../../scripts/gen-regions'
import { region } from '../extract/builders'

const HEADER = 'code,name,level,parent,aliases\n'
const regions = [region('371700', '菏泽市', 'city', null), region('371726', '鄄城县', 'county', '371700'), region('371726002', '古泉街道', 'town', '371726')]

describe(checkVillages, () => {
  it('reads sound rows as villages under their towns', () => {
    const { villages, messages } = checkVillages(`${HEADER}371726002003,虹桥社区,village,371726002,\n`, regions)
    expect(messages).toEqual([])
    expect(villages).toEqual([region('371726002003', '虹桥社区', 'village', '371726002')])
  })

  it('refuses, by line, a short code, a repeated code, another level and a parent that is not a town', () => {
    const text = `${HEADER}37172600200,甲村,village,371726002,\n371726002001,乙村,village,371726002,\n371726002001,丙村,village,371726002,\n371726002002,丁村,town,371726002,\n371726002004,戊村,village,371726,\n`
    const { villages, messages } = checkVillages(text, regions)
    expect(villages.map((v) => v.name)).toEqual(['乙村'])
    expect(messages.map(formatMessage)).toEqual([
      'villages.csv:2: code 37172600200 is not a 12-digit statistical code',
      'villages.csv:4: code 371726002001 is listed twice',
      'villages.csv:5: level town is not village',
      'villages.csv:6: parent 371726 is not a town in regions.csv',
    ])
  })

  it('refuses a file without the columns', () => {
    expect(checkVillages('code,name\n1,2\n', regions).messages.map(formatMessage)).toEqual(['villages.csv:1: missing columns level, parent, aliases'])
  })

  it('accepts the shipped villages.csv: every village and community of Heze under a town of regions.csv', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../data/villages.csv'), 'utf8')
    const { villages, messages } = checkVillages(text, loadRegions())
    expect(messages).toEqual([])
    expect(villages).toHaveLength(5040)
    expect(villages.find((v) => v.name === '虹桥社区')).toMatchObject({ code: '371726002003', parent: '371726002' })
  })
})

describe(villageName, () => {
  it('names the place a committee serves', () => {
    expect(villageName('虹桥社区居民委员会')).toBe('虹桥社区')
    expect(villageName('刘庄村民委员会')).toBe('刘庄村')
    expect(villageName('卢寨村村民委会')).toBe('卢寨村')
    expect(villageName('南关居民委员会')).toBe('南关社区')
    expect(villageName('东新农场生活区')).toBe('东新农场生活区')
  })

  it('leaves no committee suffix and is stable on its own output', () => {
    const suffix = fc.constantFrom('村民委员会', '村委会', '居委会', '居民委员会', '村民委会', '')
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'张王庄村社区居民委员会新'), minLength: 1, maxLength: 6 }), suffix, (base, end) => {
        const name = villageName(base + end)
        if (!end) return
        expect(name).not.toMatch(/委员?会$/)
        expect(villageName(name)).toBe(name)
      }),
    )
  })
})
