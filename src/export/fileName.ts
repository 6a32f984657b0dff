/** What an export's file name says: place, metric, period range. */
export interface FileNameParts {
  /** Region names as shown; empty means every region. */
  regions: readonly string[]
  /** Used when `regions` is empty: `全部地区`. */
  allRegions: string
  metric: string
  /** ISO periods bounding what is shown (either may be missing). */
  from?: string
  to?: string
  /** Extension without the dot: png, svg, pptx, csv, xlsx, zip. */
  ext: string
}

// Characters Windows forbids in file names, plus control characters.
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]+/g

function clean(part: string): string {
  return part.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim()
}

function placePart(regions: readonly string[], all: string): string {
  if (regions.length === 0) return all
  if (regions.length <= 3) return regions.join('+')
  return `${regions[0]}等${regions.length}地`
}

function periodPart(from?: string, to?: string): string {
  const a = from?.replace('/', '~')
  const b = to?.replace('/', '~')
  if (!a || !b || a === b) return a ?? b ?? ''
  // Years read naturally with a hyphen (2024-2025); months and days already contain one.
  return /^\d{4}$/.test(a) && /^\d{4}$/.test(b) ? `${a}-${b}` : `${a}~${b}`
}

/** `鄄城县_党组织覆盖率_2024-2025.png`: safe on Windows, readable in a folder of briefing images. */
export function buildExportFileName(parts: FileNameParts): string {
  const name = [placePart(parts.regions, parts.allRegions), parts.metric, periodPart(parts.from, parts.to)].map(clean).filter(Boolean).join('_')
  // Keeps the whole path under Windows' 260 characters even in a deep folder.
  return `${name.slice(0, 120)}.${parts.ext}`
}
