/** Bounds for a .xlsx or .docx (a ZIP) before anything inflates it. */
export interface ArchiveLimits {
  entries: number
  /** Total bytes of all entries once inflated, as the central directory declares them. */
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
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) return 'the archive’s central directory is broken'
    const packed = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const local = view.getUint32(at + 42, true)
    // The local header must exist where the directory says: a directory pointing elsewhere hides what is inflated.
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) return 'the archive’s central directory is broken'
    if (size === 0xffffffff || packed === 0xffffffff) return 'the archive uses ZIP64, which a workbook or report never needs'
    total += size
    if (total > limits.expandedBytes) return `the archive would inflate to more than ${limits.expandedBytes >> 20} MiB`
    if (size > limits.ratioFrom && size > limits.ratio * Math.max(1, packed)) return `an entry inflates ${Math.round(size / Math.max(1, packed))} times its size: a zip bomb`
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return null
}

/** Throws a plain, user-facing error when `archiveProblem` refuses the bytes; call it before exceljs or mammoth. */
export function assertSafeArchive(bytes: Uint8Array): void {
  const problem = archiveProblem(bytes)
  if (problem) throw new Error(problem)
}
