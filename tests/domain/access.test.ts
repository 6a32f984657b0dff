import { describe, expect, it } from 'vitest'
import { mayWrite, regionNames } from '@/domain/access'
import { assignableRegions, assignmentChange } from '@/domain/accounts'
import { RegionTree } from '@/domain/regions'
import type { Region, RegionLevel } from '@/domain/types'

const region = (code: string, name: string, level: RegionLevel, parent: string | null): Region => ({ code, name, level, parent, aliases: [] })
const tree = new RegionTree([
  region('371726102', '红船镇', 'town', '371726'),
  region('371700', '菏泽市', 'city', null),
  region('371726', '鄄城县', 'county', '371700'),
  region('371722', '单县', 'county', '371700'),
  region('371772', '菏泽高新区', 'zone', '371700'),
  region('371722100', '园艺街道', 'town', '371722'),
])

const editor = (regions: string[]) => ({ role: 'editor' as const, regions })

describe('mayWrite', () => {
  it.each([
    ['nobody signed in', null, '371726', false],
    ['a viewer', { role: 'viewer' as const, regions: ['371726'] }, '371726', false],
    ['an administrator, any county', { role: 'admin' as const, regions: [] }, '371722', true],
    ['an administrator, the city', { role: 'admin' as const }, '371700', true],
    ['the clerk of 鄄城县, 鄄城县', editor(['371726']), '371726', true],
    ['the clerk of 鄄城县, one of its towns', editor(['371726']), '371726102', true],
    ['the clerk of 鄄城县, 单县', editor(['371726']), '371722', false],
    ['the clerk of 鄄城县, a town of 单县', editor(['371726']), '371722100', false],
    ['the clerk of 鄄城县, the city above it', editor(['371726']), '371700', false],
    ['an editor of two counties, the second', editor(['371726', '371722']), '371722100', true],
    ['an editor of the city, a town', editor(['371700']), '371726102', true],
    ['an editor without regions', editor([]), '371726', false],
    ['an editor without a regions field', { role: 'editor' as const }, '371726', false],
    ['the clerk of 鄄城县, a code the record lacks', editor(['371726']), '999999', false],
  ])('%s', (_, user, code, expected) => {
    expect(mayWrite(user, tree, code)).toBe(expected)
  })
})

describe('regionNames', () => {
  it('names known codes in the given order and keeps unknown ones as codes', () => {
    expect(regionNames(tree, ['371722', '371726', '123'])).toEqual(['单县', '鄄城县', '123'])
    expect(regionNames(tree, undefined)).toEqual([])
  })
})

describe('assignableRegions', () => {
  it('lists the city, then its county-level units by code, and no towns', () => {
    expect(assignableRegions(tree).map((r) => r.name)).toEqual(['菏泽市', '单县', '鄄城县', '菏泽高新区'])
  })
})

describe('assignmentChange', () => {
  it.each([
    ['nothing changed', { role: 'editor', regions: ['371726'] }, { role: 'editor', regions: ['371726'] }, null],
    ['the same regions in another order', { role: 'editor', regions: ['371722', '371726'] }, { role: 'editor', regions: ['371726', '371722'] }, null],
    ['a region added', { role: 'editor', regions: ['371726'] }, { role: 'editor', regions: ['371726', '371722'] }, { regions: ['371722', '371726'] }],
    ['every region removed', { role: 'editor', regions: ['371726'] }, { role: 'editor', regions: [] }, { regions: [] }],
    ['a viewer made an editor of 鄄城县', { role: 'viewer', regions: [] }, { role: 'editor', regions: ['371726'] }, { role: 'editor', regions: ['371726'] }],
    ['an editor made an administrator drops the regions', { role: 'editor', regions: ['371726'] }, { role: 'admin', regions: ['371726'] }, { role: 'admin', regions: [] }],
    ['a viewer made an administrator', { role: 'viewer', regions: [] }, { role: 'admin', regions: [] }, { role: 'admin' }],
  ] as const)('%s', (_, before, after, expected) => {
    expect(assignmentChange({ ...before, regions: [...before.regions] }, { ...after, regions: [...after.regions] })).toEqual(expected)
  })
})
