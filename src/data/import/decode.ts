/** Text of an uploaded file and the encoding it was read with; `problem` says why there is none. */
export type Decoded = { text: string; encoding: 'utf-8' | 'gb18030' } | { problem: 'empty' | 'binary' }

const UTF8_BOM = [0xef, 0xbb, 0xbf]

/**
 * Reads CSV bytes as UTF-8 (with or without BOM) or, when they are not valid UTF-8, as GB18030 (a superset
 * of GBK, what Excel on Chinese Windows writes). Bytes with NULs or many control characters are binary.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b)
  const body = bom ? bytes.subarray(3) : bytes
  if (body.length === 0) return { problem: 'empty' }
  if (looksBinary(body)) return { problem: 'binary' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' }
  } catch {
    // Not UTF-8: GB18030 decodes every byte sequence GBK can produce, so no mojibake for Chinese sheets.
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' }
  }
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

/** True for the bytes of a ZIP container (XLSX), whatever the file is called. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}
