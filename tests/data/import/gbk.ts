// TextEncoder only writes UTF-8: build GBK and Big5 encoders by inverting the decoders over every two-byte code.
const tables = new Map<string, Map<string, number[]>>()

function encoderTable(encoding: string): Map<string, number[]> {
  let table = tables.get(encoding)
  if (!table) {
    table = new Map()
    const decoder = new TextDecoder(encoding)
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const c = decoder.decode(new Uint8Array([hi, lo]))
        if (c.length === 1 && c !== '\ufffd' && !table.has(c)) table.set(c, [hi, lo])
      }
    }
    tables.set(encoding, table)
  }
  return table
}

function encodeWith(encoding: string, text: string): Uint8Array {
  const table = encoderTable(encoding)
  const out: number[] = []
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0))
    else {
      const bytes = table.get(c)
      if (!bytes) throw new Error(`no ${encoding} code for ${c}`)
      out.push(...bytes)
    }
  }
  return Uint8Array.from(out)
}

/** Encodes text as GBK bytes, the way Excel on Chinese Windows saves a CSV. */
export const encodeGbk = (text: string) => encodeWith('gbk', text)

/** Encodes text as Big5 bytes, the way Excel in Taiwan or Hong Kong saves a CSV. */
export const encodeBig5 = (text: string) => encodeWith('big5', text)
