import { parseCsv, withCsvFallback } from './csv'
import { packagePathProblem } from './packagePath'
import { parseDescriptor, validatePackage, validatePackageColumns, DESCRIPTOR, type ColumnarPackage, type RawPackage, type ValidatedPackage } from './validate'

/** Reads one package file by its path relative to the package root; null when it is missing or unreadable. */
export type ReadText = (path: string) => Promise<string | null>

/**
 * Like `ReadText`, or giving the file's bytes: a table read as bytes is scanned without becoming one string, so it
 * may be longer than a string can be (`parseCsvColumns`).
 */
export type ReadFile = (path: string) => Promise<string | Uint8Array | null | Unreadable>

/** A file a reader could not give, and why: the server's answer, a failed request, a download that broke off. */
export class Unreadable {
  constructor(readonly reason: string) {}
}

const DECODER = new TextDecoder()
const asText = (file: string | Uint8Array | null) => (file === null || typeof file === 'string' ? file : DECODER.decode(file))

/** Reads the descriptor, every table it lists, and the report texts that sources.csv names; a file not read says why. */
export async function readPackage(read: ReadFile): Promise<RawPackage> {
  const unreadable: Record<string, string> = {}
  const get = async (path: string) => {
    const file = await read(path)
    if (!(file instanceof Unreadable)) return file
    unreadable[path] = file.reason
    return null
  }
  const descriptor = asText(await get(DESCRIPTOR))
  const resources = parseDescriptor(descriptor, [])
  const tables: RawPackage['tables'] = {}
  await Promise.all(resources.map(async (r) => (tables[r.path] = await get(r.path))))
  const sourcesPath = resources.find((r) => r.name === 'sources')?.path
  const sourcesText = sourcesPath ? asText(tables[sourcesPath]) : null
  const files = sourcesText ? (await withCsvFallback(() => parseCsv(sourcesText))).rows.map((row) => row.values.file).filter((file) => file && packagePathProblem(file) === null) : []
  const reports: Record<string, string | null> = {}
  await Promise.all(files.map(async (file) => (reports[file] = asText(await get(file)))))
  return { descriptor, tables, reports, ...(Object.keys(unreadable).length ? { unreadable } : {}) }
}

/** Reads and validates a package. Never throws for bad data: problems come back as located messages. */
export async function loadPackage(read: ReadFile): Promise<ValidatedPackage> {
  const raw = await readPackage(read)
  return withCsvFallback(() => validatePackage(raw))
}

/** Like `loadPackage`, with the observations as columns (`validatePackageColumns`): no object per row. */
export async function loadPackageColumns(read: ReadFile): Promise<ColumnarPackage> {
  const raw = await readPackage(read)
  return withCsvFallback(() => validatePackageColumns(raw))
}

/** Thrown by a reader given a byte budget (`fetchReader`) when the package's files pass it. */
export class PackageTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`the package passes ${bytes} bytes`)
  }
}

/**
 * Reads package files over HTTP from the page's own origin (no other origin is ever asked), as bytes. Given `budget`,
 * the files together may have at most that many bytes: past it, reading stops (the download is cancelled) and the
 * read throws `PackageTooLarge`, whether or not the server said the size beforehand.
 */
export function fetchReader(baseUrl: string, budget = Infinity): ReadFile {
  let left = budget
  return async (path) => {
    let response: Response
    try {
      response = await fetch(new URL(path, baseUrl))
    } catch {
      // A network failure, or a request the browser refused (offline, blocked): the engine's text says no more.
      return new Unreadable('the request to the server failed (network error or blocked)')
    }
    if (!response.ok) return new Unreadable(`the server answered ${response.status}${response.status === 404 ? ' (no such file)' : response.statusText ? ` (${response.statusText})` : ''}`)
    if (budget === Infinity) {
      try {
        return new Uint8Array(await response.arrayBuffer())
      } catch {
        return new Unreadable('the download broke off')
      }
    }
    const bytes = await readWithin(response, left, budget)
    if (bytes instanceof Unreadable) return bytes
    left -= bytes.length
    return bytes
  }
}

/** The body's bytes, or why not when it breaks off; throws `PackageTooLarge` as soon as they pass `left`. */
async function readWithin(response: Response, left: number, budget: number): Promise<Uint8Array | Unreadable> {
  if (Number(response.headers.get('content-length')) > left) {
    await response.body?.cancel()
    throw new PackageTooLarge(budget)
  }
  if (!response.body) return new Uint8Array()
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>
    try {
      chunk = await reader.read()
    } catch {
      return new Unreadable(`the download broke off after ${length} bytes`)
    }
    if (chunk.done) break
    length += chunk.value.length
    if (length > left) {
      await reader.cancel()
      throw new PackageTooLarge(budget)
    }
    chunks.push(chunk.value)
  }
  const bytes = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}
