import { describe, expect, it } from 'vitest'
import { regionRows } from '@/domain/regionRows'
import { RegionTree } from '@/domain/regions'
import type { Region } from '@/domain/types'

const region = (code: string, name: string, level: Region['level'], parent: string | null, aliases: string[] = []): Region => ({ code, name, level, parent, aliases })
const tree = new RegionTree([
  region('371726', '鄄城县', 'county', '371700', ['鄄城']),
  region('371722', '单县', 'county', '371700'),
  region('371721', '曹县', 'county', '371700'),
  region('371700', '菏泽市', 'city', null, ['菏泽']),
  region('371771', '菏泽经济技术开发区', 'zone', '371700', ['经开区']),
  region('371726001', '陈王街道', 'town', '371726', ['陈王']),
  region('371722101', '单城镇', 'town', '371722'),
  region('371726001001', '某村', 'village', '371726001'),
])
const names = (rows: ReturnType<typeof regionRows>) => rows.map((r) => `${'-'.repeat(r.depth)}${r.region.name}`)

describe(regionRows, () => {
  it('shows the city and, once expanded, its counties and zones by code (单县 after 曹县)', () => {
    expect(names(regionRows(tree, '', new Set()))).toEqual(['菏泽市'])
    expect(names(regionRows(tree, '', new Set(['371700'])))).toEqual(['菏泽市', '-曹县', '-单县', '-鄄城县', '-菏泽经济技术开发区'])
  })

  it('shows a county’s towns when it is expanded, never villages', () => {
    const rows = regionRows(tree, '', new Set(['371700', '371726']))
    expect(names(rows)).toContain('--陈王街道')
    expect(names(rows)).not.toContain('---某村')
    expect(rows.find((r) => r.region.code === '371726001')?.expandable).toBe(false)
  })

  it('finds 鄄城县 by its short name, with the city above it opened', () => {
    const rows = regionRows(tree, ' 鄄城 ', new Set())
    expect(names(rows)).toEqual(['菏泽市', '-鄄城县'])
    expect(rows[0].expanded).toBe(true)
  })

  it('reaches a town through a search, opening its county', () => {
    expect(names(regionRows(tree, '陈王', new Set()))).toEqual(['菏泽市', '-鄄城县', '--陈王街道'])
  })

  it('shows nothing when no region matches', () => {
    expect(regionRows(tree, '北京', new Set(['371700']))).toEqual([])
  })
})
