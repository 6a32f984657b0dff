import { registerMap, registerMapParts } from '@/charts/echarts'

/** data/geo/basemap.json: which GeoJSON to draw and how it may be published (see data/geo/README.md). */
export interface BasemapManifest {
  file: string
  /** 审图号 of an approved standard map; '' for a schematic one. */
  approval: string
  schematic: boolean
  title: string
}

/** A base map ready to draw: registered with ECharts under `mapName`, with the county codes it has polygons for. */
export interface Basemap extends BasemapManifest {
  mapName: string
  codes: string[]
}

interface FeatureCollection {
  type: 'FeatureCollection'
  features: { type: 'Feature'; properties: { code: string; name: string }; geometry: { type: string } }[]
}

/** Reads the manifest; a missing `schematic` means schematic unless an approval number is given. */
export function parseManifest(text: string): BasemapManifest {
  const raw = JSON.parse(text) as Partial<BasemapManifest>
  if (typeof raw.file !== 'string' || !raw.file || raw.file.includes('/')) throw new Error('basemap.json: "file" must name a GeoJSON file inside data/geo/')
  const approval = typeof raw.approval === 'string' ? raw.approval.trim() : ''
  return { file: raw.file, approval, schematic: raw.schematic ?? approval === '', title: typeof raw.title === 'string' ? raw.title : '' }
}

/** Checks the documented drop-in format; throws a located message on the first problem. */
export function parseCounties(text: string, file: string): FeatureCollection {
  const geo = JSON.parse(text) as FeatureCollection
  if (geo?.type !== 'FeatureCollection' || !Array.isArray(geo.features)) throw new Error(`${file}: not a GeoJSON FeatureCollection`)
  geo.features.forEach((f, i) => {
    if (typeof f?.properties?.code !== 'string' || !f.properties.code) throw new Error(`${file}: feature ${i + 1} has no properties.code`)
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') throw new Error(`${file}: feature ${i + 1} is not a Polygon or MultiPolygon`)
  })
  return geo
}

/** Reads basemap.json and its GeoJSON through `read` (a file name inside data/geo/ → its text) and registers the map with ECharts. */
export async function registerBasemap(read: (file: string) => Promise<string>): Promise<Basemap> {
  const manifest = parseManifest(await read('basemap.json'))
  const geo = parseCounties(await read(manifest.file), manifest.file)
  const mapName = `heze:${manifest.file}`
  // registerMap silently does nothing until the map parts are installed.
  await registerMapParts()
  registerMap(mapName, geo as unknown as Parameters<typeof registerMap>[1])
  return { ...manifest, mapName, codes: geo.features.map((f) => f.properties.code) }
}

let loading: Promise<Basemap> | undefined

/** Fetches data/geo/ from the page's own origin once, on first use of the map, and registers it with ECharts. */
export function loadBasemap(geoDirUrl = new URL('data/geo/', document.baseURI).href): Promise<Basemap> {
  loading ??= registerBasemap((file) => fetchText(new URL(file, geoDirUrl).href)).catch((e: unknown) => {
    // A failed load may succeed later (a file put back on the server): do not cache the failure.
    loading = undefined
    throw e
  })
  return loading
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`)
  return response.text()
}
