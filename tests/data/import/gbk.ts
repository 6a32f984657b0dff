// TextEncoder only writes UTF-8: build a GBK encoder by inverting the decoder over every two-byte code.
let table: Map<string, number[]> | undefined

/** Encodes text as GBK bytes, the way Excel on Chinese Windows saves a CSV. */
export function encodeGbk(text: string): Uint8Array {
  if (!table) {
    table = new Map()
    const decoder = new TextDecoder('gbk')
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const c = decoder.decode(new Uint8Array([hi, lo]))
        if (c.length === 1 && c !== '\ufffd' && !table.has(c)) table.set(c, [hi, lo])
      }
    }
  }
  const out: number[] = []
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0))
    else {
      const bytes = table.get(c)
      if (!bytes) throw new Error(`no GBK code for ${c}`)
      out.push(...bytes)
    }
  }
  return Uint8Array.from(out)
}
