import type { Region } from '@/domain/types'
import { parseCsv } from './csv'
import type { DataMessage } from './messages'

/**
 * villages.csv beside the package: the villages and communities (村, 社区) of the towns in regions.csv, with the
 * same columns. It is not one of the package's tables, so the dashboard's first screen never downloads it
 * (5 040 rows, 219 KB); the extractor reads it to name a figure's village.
 */
export const VILLAGES_FILE = 'villages.csv'

const COLUMNS = ['code', 'name', 'level', 'parent', 'aliases']
const CODE = /^\d{12}$/

/** The villages of villages.csv whose rows are sound, and a located message for each row that is not. */
export function checkVillages(text: string, regions: readonly Region[]): { villages: Region[]; messages: DataMessage[] } {
  const messages: DataMessage[] = []
  const error = (message: string, line?: number) => messages.push({ level: 'error', file: VILLAGES_FILE, ...(line === undefined ? {} : { line }), message })
  const table = parseCsv(text)
  for (const p of table.problems) error(p.message, p.line)
  const missing = COLUMNS.filter((c) => !table.header.includes(c))
  if (missing.length) return error(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, 1), { villages: [], messages }
  const towns = new Set(regions.filter((r) => r.level === 'town').map((r) => r.code))
  const known = new Set(regions.map((r) => r.code))
  const seen = new Set<string>()
  const villages: Region[] = []
  for (const { line, values: v } of table.rows) {
    const problem = !CODE.test(v.code)
      ? `code ${v.code} is not a 12-digit statistical code`
      : seen.has(v.code) || known.has(v.code)
        ? `code ${v.code} is listed twice`
        : !v.name.trim()
          ? 'name is empty'
          : v.level !== 'village'
            ? `level ${v.level} is not village`
            : !towns.has(v.parent)
              ? `parent ${v.parent} is not a town in regions.csv`
              : null
    if (problem) {
      error(problem, line)
      continue
    }
    seen.add(v.code)
    villages.push({ code: v.code, name: v.name, level: 'village', parent: v.parent, aliases: v.aliases ? v.aliases.split('|').filter(Boolean) : [] })
  }
  return { villages, messages }
}

/** The text of villages.csv under `baseUrl` (same origin), or null when it is not there or cannot be read. */
export async function fetchVillagesText(baseUrl: string): Promise<string | null> {
  try {
    const response = await fetch(new URL(VILLAGES_FILE, baseUrl))
    return response.ok ? await response.text() : null
  } catch {
    return null
  }
}

/** The regions with the sound villages of `text` added: what the extractor names places by. */
export function withVillages(regions: Region[], text: string | null): Region[] {
  return text ? [...regions, ...checkVillages(text, regions).villages] : regions
}
