import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCounties, parseManifest } from '@/data/geo'

const geoDir = resolve(import.meta.dirname, '../../data/geo')

describe(parseManifest, () => {
  it('reads the shipped manifest as a schematic map without approval number', () => {
    expect(parseManifest(readFileSync(resolve(geoDir, 'basemap.json'), 'utf8'))).toEqual({ file: 'heze-counties.geojson', approval: '', schematic: true, title: '菏泽市县区示意图' })
  })

  it('treats an office’s map with an approval number as a standard map', () => {
    expect(parseManifest('{ "file": "std.geojson", "approval": "鲁S(2024)001号", "title": "t" }')).toMatchObject({ approval: '鲁S(2024)001号', schematic: false })
  })

  it('refuses a file outside data/geo/', () => {
    expect(() => parseManifest('{ "file": "../secret.json" }')).toThrow(/data\/geo/)
  })
})

describe(parseCounties, () => {
  it('accepts the shipped nine counties', () => {
    const geo = parseCounties(readFileSync(resolve(geoDir, 'heze-counties.geojson'), 'utf8'), 'heze-counties.geojson')
    expect(geo.features.map((f) => f.properties.code)).toHaveLength(9)
  })

  it('names the file and feature that lacks a county code', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Polygon', coordinates: [] } }] })
    expect(() => parseCounties(text, 'std.geojson')).toThrow('std.geojson: feature 1 has no properties.code')
  })
})
