/** Text of an uploaded file and the encoding it was read with; `problem` says why there is none. */
export type Decoded = { text: string; encoding: Encoding } | { problem: 'empty' | 'binary' }

/** The encodings an imported text file is read in. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5'

const BOMS: [number[], Encoding][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  // Excel's 「Unicode 文本」 is UTF-16LE with a BOM, tab-separated.
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
]

/**
 * Reads CSV bytes by their BOM (UTF-8, UTF-16), else as UTF-8 or, when they are not valid UTF-8, as GB18030 (a
 * superset of GBK, what Excel on Chinese Windows writes) or Big5 when they look like Big5. Bytes with NULs or many
 * control characters are binary.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const bom = BOMS.find(([marks]) => marks.every((b, i) => bytes[i] === b))
  const body = bom ? bytes.subarray(bom[0].length) : bytes
  if (body.length === 0) return { problem: 'empty' }
  if (bom && bom[1] !== 'utf-8') {
    const text = new TextDecoder(bom[1]).decode(body)
    return looksBinaryText(text) ? { problem: 'binary' } : { text, encoding: bom[1] }
  }
  if (looksBinary(body)) return { problem: 'binary' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' }
  } catch {
    // GB18030 decodes any bytes, Big5 ones too, as rare characters: the byte pairs tell them apart.
    if (looksBig5(body)) {
      try {
        return { text: new TextDecoder('big5', { fatal: true }).decode(body), encoding: 'big5' }
      } catch {
        // Neither clean Big5 nor common GBK: read as GB18030, and the caller warns that the encoding is in doubt.
      }
    }
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' }
  }
}

/**
 * True when fewer than 90 % of the two-byte characters fall in GB2312 (lead 0xA1–0xF7, trail 0xA1–0xFE), where
 * nearly every character of a Chinese GBK sheet lies; Big5 puts four in ten of its characters' trail bytes below 0x7F.
 */
export function looksBig5(bytes: Uint8Array): boolean {
  let pairs = 0
  let common = 0
  for (let i = 0; i < bytes.length && pairs < 20000; i++) {
    const lead = bytes[i]
    if (lead < 0x81 || lead === 0xff) continue
    const trail = bytes[++i]
    pairs++
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++
  }
  return pairs > 0 && common < pairs * 0.9
}

/** True when the first 64 KB hold a NUL byte or more than 1 % C0 control characters other than tab and newlines. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536)
  let controls = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]
    if (b === 0) return true
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) controls++
  }
  return controls > n / 100
}

/** The same test on decoded text, for UTF-16, whose bytes hold NULs even for plain ASCII. */
function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, 65536)
  let controls = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) return true
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) controls++
  }
  return controls > n / 100
}

/** True for the bytes of a ZIP container (XLSX), whatever the file is called. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}
