/** Bounds for a .xlsx or .docx (a ZIP) before a parser inflates it. */
export interface ArchiveLimits {
  entries: number
  /** Total bytes of all entries once inflated: as the central directory declares them, then as they inflate. */
  expandedBytes: number
  /** Largest inflated/compressed ratio for an entry past `ratioFrom` inflated bytes. */
  ratio: number
  ratioFrom: number
}

/** Generous for any real workbook or report (a 1-million-row sheet inflates to ~150 MB); a zip bomb passes them. */
export const ARCHIVE_LIMITS: ArchiveLimits = { entries: 10_000, expandedBytes: 256 * 1024 * 1024, ratio: 200, ratioFrom: 1024 * 1024 }

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/**
 * Why a ZIP must not be opened (too many entries, too large inflated, a suspicious ratio, a broken directory), or null:
 * read from the central directory alone, before a parser inflates anything.
 */
export function archiveProblem(bytes: Uint8Array, limits = ARCHIVE_LIMITS): string | null {
  const read = readDirectory(bytes, limits)
  return typeof read === 'string' ? read : null
}

/** An entry as a ZIP reader finds its data: compressed with `method`, `packed` bytes from `data`. */
interface Entry {
  method: number
  packed: number
  data: number
}

function readDirectory(bytes: Uint8Array, limits: ArchiveLimits): string | Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end record sits in the last 22 bytes plus a comment of at most 65 535.
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i
      break
    }
  }
  if (end < 0) return 'the file is not a readable ZIP archive (no central directory)'
  const count = view.getUint16(end + 10, true)
  const offset = view.getUint32(end + 16, true)
  if (count === 0xffff || offset === 0xffffffff) return 'the archive uses ZIP64, which a workbook or report never needs'
  if (count > limits.entries) return `the archive has ${count} entries, more than ${limits.entries}`
  let total = 0
  let at = offset
  const entries: Entry[] = []
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) return 'the archive’s central directory is broken'
    const packed = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const local = view.getUint32(at + 42, true)
    // The local header must exist where the directory says: a directory pointing elsewhere hides what is inflated.
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) return 'the archive’s central directory is broken'
    if (size === 0xffffffff || packed === 0xffffffff) return 'the archive uses ZIP64, which a workbook or report never needs'
    // A stored entry is its own inflated form: sizes that differ are a broken or crafted directory.
    if (view.getUint16(at + 10, true) === 0 && size !== packed) return 'the archive’s central directory is broken'
    total += size
    if (total > limits.expandedBytes) return `the archive would inflate to more than ${limits.expandedBytes >> 20} MiB`
    if (size > limits.ratioFrom && size > limits.ratio * Math.max(1, packed)) return `an entry inflates ${Math.round(size / Math.max(1, packed))} times its size: a zip bomb`
    // Where a reader (JSZip, inside exceljs and mammoth) takes the data: after the local header's name and extra field.
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    if (data + packed > bytes.length) return 'the archive’s central directory is broken'
    entries.push({ method: view.getUint16(at + 10, true), packed, data })
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return entries
}

const STORED = 0
const DEFLATED = 8

/**
 * Why a ZIP must not be opened, or null: the central directory's checks (`archiveProblem`), then every entry inflated
 * for real with a running count, stopped as soon as the archive passes the limits. The sizes the directory declares
 * are the archive's own word: a crafted one declares a few bytes and inflates to gigabytes.
 */
export async function inflatedArchiveProblem(bytes: Uint8Array, limits = ARCHIVE_LIMITS): Promise<string | null> {
  const entries = readDirectory(bytes, limits)
  if (typeof entries === 'string') return entries
  let total = 0
  for (const { method, packed, data } of entries) {
    if (method !== STORED && method !== DEFLATED) return `the archive uses compression method ${method}, which a workbook or report never needs`
    const before = total
    const tooMuch = (inflated: number) =>
      before + inflated > limits.expandedBytes ? `the archive inflates to more than ${limits.expandedBytes >> 20} MiB`
        : inflated > limits.ratioFrom && inflated > limits.ratio * Math.max(1, packed) ? `an entry inflates more than ${limits.ratio} times its size: a zip bomb`
          : null
    if (method === STORED) {
      total += packed
      const problem = tooMuch(packed)
      if (problem) return problem
      continue
    }
    const inflated = await countInflated(bytes.subarray(data, data + packed), tooMuch)
    if (typeof inflated === 'string') return inflated
    total += inflated
  }
  return null
}

/** Inflates raw DEFLATE data chunk by chunk, keeping only the count; stops with `stop`'s message once it gives one. */
async function countInflated(data: Uint8Array, stop: (inflated: number) => string | null): Promise<number | string> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader()
  let inflated = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return inflated
      inflated += value.byteLength
      const problem = stop(inflated)
      if (problem) {
        await reader.cancel().catch(() => {})
        return problem
      }
    }
  } catch {
    return 'an entry of the archive is broken: it does not inflate'
  }
}

/** Throws a plain, user-facing error when `inflatedArchiveProblem` refuses the bytes; await it before exceljs or mammoth. */
export async function assertSafeArchive(bytes: Uint8Array): Promise<void> {
  const problem = await inflatedArchiveProblem(bytes)
  if (problem) throw new Error(problem)
}
