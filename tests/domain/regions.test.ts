import { describe, expect, it } from 'vitest'
import { RegionTree } from '@/domain/regions'
import type { Region, RegionLevel } from '@/domain/types'

function region(code: string, name: string, level: RegionLevel, parent: string | null, aliases: string[] = []): Region {
  return { code, name, level, parent, aliases }
}

const CITY = '371700'

/** Heze's county-level units (DESIGN.md) and a few towns, deliberately out of code order. */
function hezeRegions(): Region[] {
  const counties: [string, string, string][] = [
    ['371726', '鄄城县', '鄄城'],
    ['371702', '牡丹区', '牡丹'],
    ['371722', '单县', '单县'],
    ['371721', '曹县', '曹县'],
    ['371728', '东明县', '东明'],
    ['371723', '成武县', '成武'],
    ['371703', '定陶区', '定陶'],
    ['371725', '郓城县', '郓城'],
    ['371724', '巨野县', '巨野'],
  ]
  return [
    region('371772', '菏泽高新区', 'zone', CITY, ['高新区']),
    ...counties.map(([code, name, alias]) => region(code, name, 'county', CITY, alias === name ? [] : [alias])),
    region('371771', '菏泽经济技术开发区', 'zone', CITY, ['经开区', '菏泽经开区']),
    region(CITY, '菏泽市', 'city', null, ['菏泽']),
    region('371726102', '红船镇', 'town', '371726'),
    region('371726001', '古泉街道', 'town', '371726'),
    region('371703002', '滨河街道', 'town', '371703'),
    region('371726001201', '鄄城新村', 'village', '371726001'),
    region('371723100', '成武县城关镇', 'town', '371723', ['城关镇']),
    region('371728100', '东明县城关镇', 'town', '371728', ['城关镇']),
  ]
}

const tree = new RegionTree(hezeRegions())
const codes = (regions: Region[]) => regions.map((r) => r.code)
const names = (regions: Region[]) => regions.map((r) => r.name)

describe('RegionTree', () => {
  it('throws on a duplicate code instead of keeping one of the two silently', () => {
    expect(() => new RegionTree([...hezeRegions(), region('371726', '鄄城', 'county', CITY)])).toThrow(/371726/)
  })

  it('lists every region ordered by code', () => {
    const all = codes(tree.all())
    expect(all).toEqual([...all].sort())
    expect(all).toHaveLength(hezeRegions().length)
  })
})

describe('RegionTree.get', () => {
  it('finds a region by code', () => {
    expect(tree.get('371726')?.name).toBe('鄄城县')
  })

  it('gives undefined for an unknown code', () => {
    expect(tree.get('371799')).toBeUndefined()
  })
})

describe('RegionTree.children', () => {
  it('orders the children by code, whatever the input order', () => {
    expect(codes(tree.children('371726'))).toEqual(['371726001', '371726102'])
  })

  it('gives an empty list for a leaf or an unknown code', () => {
    expect(tree.children('371726001201')).toEqual([])
    expect(tree.children('999999')).toEqual([])
  })

  it('returns a copy the caller may change freely', () => {
    tree.children(CITY).pop()
    expect(tree.children(CITY)).toHaveLength(11)
  })
})

describe('RegionTree.ancestors', () => {
  it('lists the enclosing regions nearest first', () => {
    expect(names(tree.ancestors('371726001201'))).toEqual(['古泉街道', '鄄城县', '菏泽市'])
  })

  it('gives nothing for the city or an unknown code', () => {
    expect(tree.ancestors(CITY)).toEqual([])
    expect(tree.ancestors('999999')).toEqual([])
  })

  it('stops at a parent missing from the list', () => {
    const orphanTree = new RegionTree([region('1', 'a', 'town', '2'), region('2', 'b', 'county', 'absent')])
    expect(codes(orphanTree.ancestors('1'))).toEqual(['2'])
  })

  it('terminates on a parent cycle in unvalidated data', () => {
    const cyclic = new RegionTree([region('1', 'a', 'county', '2'), region('2', 'b', 'county', '1')])
    expect(codes(cyclic.ancestors('1'))).toEqual(['2'])
    expect(codes(cyclic.descendants('1'))).toEqual(['2'])
  })
})

describe('RegionTree.descendants', () => {
  it('lists everything below, depth first with siblings by code', () => {
    expect(codes(tree.descendants('371726'))).toEqual(['371726001', '371726001201', '371726102'])
  })

  it('covers the whole city without the city itself', () => {
    expect(tree.descendants(CITY)).toHaveLength(hezeRegions().length - 1)
    expect(codes(tree.descendants(CITY))).not.toContain(CITY)
  })
})

describe('RegionTree.countiesOf', () => {
  it('lists the nine counties and the two zones by code, never by pinyin', () => {
    expect(names(tree.countiesOf(CITY))).toEqual([
      '牡丹区',
      '定陶区',
      '曹县',
      '单县',
      '成武县',
      '巨野县',
      '郓城县',
      '鄄城县',
      '东明县',
      '菏泽经济技术开发区',
      '菏泽高新区',
    ])
  })

  it('leaves out towns and villages', () => {
    expect(tree.countiesOf(CITY).every((r) => r.level === 'county' || r.level === 'zone')).toBe(true)
  })

  it('gives nothing for a county', () => {
    expect(tree.countiesOf('371726')).toEqual([])
  })

  it('leaves out a development zone inside a county: it is not county-level', () => {
    const withInner = new RegionTree([...hezeRegions(), region('371702901', '菏泽牡丹经济开发区', 'zone', '371702')])
    expect(withInner.countiesOf(CITY).map((r) => r.code)).not.toContain('371702901')
    expect(withInner.countiesOf(CITY)).toHaveLength(11)
  })
})

describe('RegionTree.isAncestor', () => {
  it('is true for the city above a village', () => {
    expect(tree.isAncestor(CITY, '371726001201')).toBe(true)
  })

  it('is false for the region itself, the reverse direction and a sibling', () => {
    expect(tree.isAncestor('371726', '371726')).toBe(false)
    expect(tree.isAncestor('371726', CITY)).toBe(false)
    expect(tree.isAncestor('371702', '371726001')).toBe(false)
  })
})

describe('RegionTree.findByName', () => {
  it('matches a full name or an alias exactly', () => {
    expect(codes(tree.findByName('鄄城县'))).toEqual(['371726'])
    expect(codes(tree.findByName('鄄城'))).toEqual(['371726'])
    expect(codes(tree.findByName('经开区'))).toEqual(['371771'])
  })

  it('does not match part of a name', () => {
    expect(tree.findByName('鄄')).toEqual([])
    expect(tree.findByName('鄄城县 ')).toEqual([])
  })

  it('returns every region sharing a name, by code, so the caller can ask which one', () => {
    expect(codes(tree.findByName('城关镇'))).toEqual(['371723100', '371728100'])
  })
})

describe('RegionTree.search', () => {
  it('finds 鄄城县 and places named after it from 鄄城', () => {
    expect(names(tree.search('鄄城'))).toEqual(['鄄城县', '鄄城新村'])
  })

  it('searches aliases too', () => {
    expect(names(tree.search('经开'))).toEqual(['菏泽经济技术开发区'])
  })

  it('orders results by code', () => {
    const found = codes(tree.search('县'))
    expect(found).toEqual([...found].sort())
    expect(found).toContain('371722')
  })

  it('ignores surrounding spaces a user typed', () => {
    expect(names(tree.search(' 单县 '))).toEqual(['单县'])
  })

  it('gives nothing when nothing matches', () => {
    expect(tree.search('济南')).toEqual([])
  })
})
