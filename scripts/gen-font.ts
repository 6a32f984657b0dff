// Builds the CJK font subset that exports embed, so images look the same on machines without CJK fonts:
//   npx tsx scripts/gen-font.ts [/path/to/NotoSansCJK-Regular.ttc]
// Output (committed): src/export/fonts/NotoSansCJKsc-subset.otf (resvg in Node), .woff2 (browser, SVG), OFL.txt.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import subsetFont from 'subset-font'

const root = resolve(import.meta.dirname, '..')
const outDir = resolve(root, 'src/export/fonts')
const ttcPath = process.argv[2] ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
/** Face 2 of Noto's .ttc is Simplified Chinese (fc-query lists JP, KR, SC, TC, HK…). */
const SC_FACE = 2

/** Copies one face of a TrueType collection into a standalone sfnt (harfbuzz via subset-font reads face 0 only). */
function extractFace(ttc: Buffer, face: number): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a TrueType collection')
  const at = ttc.readUInt32BE(12 + 4 * face)
  const numTables = ttc.readUInt16BE(at + 4)
  const tables = Array.from({ length: numTables }, (_, i) => {
    const rec = at + 12 + 16 * i
    return { rec, offset: ttc.readUInt32BE(rec + 8), length: ttc.readUInt32BE(rec + 12) }
  })
  const headerSize = 12 + 16 * numTables
  const chunks: Buffer[] = [Buffer.from(ttc.subarray(at, at + headerSize))]
  let offset = headerSize
  tables.forEach((t, i) => {
    chunks[0].writeUInt32BE(offset, 12 + 16 * i + 8)
    const padded = Buffer.alloc((t.length + 3) & ~3)
    ttc.copy(padded, 0, t.offset, t.offset + t.length)
    chunks.push(padded)
    offset += padded.length
  })
  return Buffer.concat(chunks)
}

/** GB2312 level-1 hanzi (3755 common characters): rows 0xB0–0xD7 of the GB2312 code table. */
function gb2312Level1(): string {
  const bytes: number[] = []
  for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= (hi === 0xd7 ? 0xf9 : 0xfe); lo++) bytes.push(hi, lo)
  return new TextDecoder('gbk').decode(Uint8Array.from(bytes))
}

function range(from: number, to: number): string {
  return String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i))
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(resolve(dir, e.name)) : [resolve(dir, e.name)]))
}

const dataText = ['data/metrics.csv', 'data/regions.csv', 'data/sources.csv'].map((f) => readFileSync(resolve(root, f), 'utf8')).join('')
const i18nText = filesUnder(resolve(root, 'src/i18n')).map((f) => readFileSync(f, 'utf8')).join('')
const text = [
  range(0x20, 0x7e),
  range(0x3000, 0x303f), // CJK punctuation: 、。《》「」【】〜
  range(0xff01, 0xff5e), // full-width forms: （），：；％
  '·—–‘’“”…‰℃×÷≥≤≈±→←↑↓①②③④⑤⑥⑦⑧⑨⑩',
  gb2312Level1(),
  dataText,
  i18nText,
].join('')
const chars = [...new Set(text)].filter((c) => c >= ' ').join('')

const face = extractFace(readFileSync(ttcPath), SC_FACE)
for (const [format, ext] of [['truetype', 'otf'], ['woff2', 'woff2']] as const) {
  const subset = await subsetFont(face, chars, { targetFormat: format, noHinting: true, keepFeatures: ['kern', 'palt'], dropTables: ['vhea', 'vmtx', 'VORG', 'BASE'] })
  const path = resolve(outDir, `NotoSansCJKsc-subset.${ext}`)
  writeFileSync(path, subset)
  console.log(`${path}: ${[...chars].length} characters, ${(subset.length / 1024).toFixed(0)} KB`)
}
