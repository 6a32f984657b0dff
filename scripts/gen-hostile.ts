/**
 * Writes the hostile-input corpus: data packages, files to import and report texts built to break the readers (paths
 * leaving the package, devices, broken descriptors, catastrophic patterns, huge cells, zip bombs whose sizes lie,
 * text without punctuation…).
 * `npx tsx scripts/gen-hostile.ts DIR` writes it to DIR; tests/cli/hostile.test.ts writes it to a temp folder.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { crc32, deflateRawSync } from 'node:zlib'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** One run of a CLI on a hostile input. */
export interface HostileCase {
  name: string
  cli: 'validate' | 'extract' | 'import'
  args: string[]
  /** A folder the run must not leave behind (an --out that was refused). */
  absentAfter?: string
}

/** Marker written outside every package: no output may ever contain it. */
export const SECRET = 'HOSTILE-SECRET-7f3a'

const root = resolve(import.meta.dirname, '..')
const seed = (name: string) => readFileSync(join(root, 'data', name), 'utf8')

function write(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}

/** Writes the corpus under `dir` and lists the runs to make. */
export function generateHostile(dir: string): HostileCase[] {
  const cases: HostileCase[] = []
  write(join(dir, 'secret.txt'), `${SECRET}\n`)
  const descriptor = JSON.parse(seed('datapackage.json'))
  const tables = ['regions.csv', 'metrics.csv', 'sources.csv', 'observations.csv']

  /** A copy of the embedded package, changed by `edit` (which may write more files into the folder). */
  const pkg = (name: string, edit: (d: typeof descriptor, folder: string) => void = () => {}) => {
    const folder = join(dir, 'pkg', name)
    for (const t of tables) write(join(folder, t), seed(t))
    write(join(folder, 'reports/heze-daily-2025-01.txt'), seed('reports/heze-daily-2025-01.txt'))
    const d = structuredClone(descriptor)
    edit(d, folder)
    if (!('raw' in d)) write(join(folder, 'datapackage.json'), JSON.stringify(d))
    else write(join(folder, 'datapackage.json'), d.raw as string)
    cases.push({ name: `validate ${name}`, cli: 'validate', args: [folder] })
  }
  const raw = (text: string) => (d: Record<string, unknown>) => void (d.raw = text)
  const path = (p: string, i = 3) => (d: typeof descriptor) => void (d.resources[i].path = p)
  const source = (file: string) => (_d: unknown, folder: string) =>
    write(join(folder, 'sources.csv'), seed('sources.csv').replace('reports/heze-daily-2025-01.txt', file))

  pkg('valid')
  for (const [name, text] of Object.entries({ null: 'null', array: '[]', string: '"x"', empty: '{}', 'bad-json': '{"resources": [', 'deep-json': '['.repeat(200_000), 'resources-object': '{"resources": {}}' })) pkg(`descriptor-${name}`, raw(text))
  pkg('no-fields', (d) => delete d.resources[0].schema.fields)
  pkg('fields-null', (d) => (d.resources[1].schema.fields = null))
  pkg('bad-pattern', (d) => (d.resources[0].schema.fields[0].constraints = { pattern: '(\\d' }))
  pkg('backreference-pattern', (d) => (d.resources[0].schema.fields[0].constraints = { pattern: '(a)\\1' }))
  pkg('redos-pattern', (d, folder) => {
    d.resources[0].schema.fields[1].constraints = { pattern: '(a+)+$' }
    write(join(folder, 'regions.csv'), seed('regions.csv') + `999999,${'a'.repeat(40)}!,city,,\n`)
  })
  pkg('second-observations', (d) => d.resources.push({ ...d.resources[3], path: 'observations-2.csv' }))
  for (const [name, p] of Object.entries({ 'dotdot': '../../secret.txt', absolute: join(dir, 'secret.txt'), passwd: '/etc/passwd', 'dev-zero': '/dev/zero', url: 'file:///etc/passwd', 'null-byte': 'observations.csv\u0000.txt', long: 'a/'.repeat(2000) + 'x.csv', dir: 'reports' })) {
    pkg(`path-${name}`, path(p))
  }
  pkg('path-link-out', (d, folder) => {
    symlinkSync(join(dir, 'secret.txt'), join(folder, 'link.csv'))
    d.resources[3].path = 'link.csv'
  })
  pkg('path-link-dev-zero', (d, folder) => {
    symlinkSync('/dev/zero', join(folder, 'zero.csv'))
    d.resources[3].path = 'zero.csv'
  })
  pkg('source-dotdot', source('../../secret.txt'))
  pkg('source-absolute', source(join(dir, 'secret.txt')))
  pkg('source-dev-zero', source('/dev/zero'))
  pkg('source-link-out', (_d, folder) => {
    symlinkSync(join(dir, 'secret.txt'), join(folder, 'reports/out.txt'))
    source('reports/out.txt')(_d, folder)
  })
  pkg('parent-cycle', (_d, folder) => write(join(folder, 'regions.csv'), seed('regions.csv') + '999991,甲,county,999992,\n999992,乙,county,999991,\n'))
  pkg('infinite-value', (_d, folder) => write(join(folder, 'observations.csv'), seed('observations.csv').replace(/^([^\n]*\n[^,]*,[^,]*,[^,]*,)[^,]*/, '$11e309')))
  pkg('huge-cell', (_d, folder) => write(join(folder, 'regions.csv'), seed('regions.csv') + `999993,${'名'.repeat(3_000_000)},county,371700,\n`))
  pkg('binary-table', (_d, folder) => write(join(folder, 'metrics.csv'), Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)))
  pkg('unclosed-quote', (_d, folder) => write(join(folder, 'observations.csv'), seed('observations.csv') + '"' + 'x'.repeat(100_000)))
  cases.push({ name: 'validate missing-folder', cli: 'validate', args: [join(dir, 'no-such-folder')] })
  cases.push({ name: 'validate file-as-folder', cli: 'validate', args: [join(dir, 'secret.txt')] })
  cases.push({ name: 'validate folder-without-descriptor', cli: 'validate', args: [join(dir, 'pkg')] })

  const text = (name: string, content: string | Uint8Array) => {
    const file = join(dir, 'text', `${name}.txt`)
    write(file, content)
    cases.push({ name: `extract ${name}`, cli: 'extract', args: ['--date', '2025-01', file] })
  }
  text('place-130000-times', '菏泽日报讯 鄄城县\n' + '鄄城县'.repeat(130_000) + '开展活动500余次。')
  text('no-punctuation-1.3mb', Array.from({ length: 430_000 }, (_, i) => '社区志愿服务党组织覆盖率家人次个'[(i * 7919) % 16] + (i % 50 === 0 ? String(i % 1000) : '')).join(''))
  text('dense-figures', '鄄城县开展活动500余次覆盖率66.1%'.repeat(20_000))
  text('digits-only', '9'.repeat(1_000_000))
  // One compound sentence of 50 000 changes (由…提升至…；): every figure once looked back over every date before it.
  text('changes-one-compound-sentence', '覆盖率由2023年的58%提升至92%；'.repeat(50_000))
  text('dates-and-figures', '2024年12月鄄城县开展活动500余次，覆盖率66.1%。'.repeat(30_000))
  text('one-figure-every-two-characters', '1个'.repeat(500_000))
  text('dotted-numbers', '1.'.repeat(200_000))
  text('empty', '')
  text('invalid-utf8', Uint8Array.from({ length: 100_000 }, (_, i) => 0x80 + (i % 64)))
  text('quotes-unbalanced', '“'.repeat(200_000) + '《'.repeat(200_000) + '达到66%')
  text('long-line-of-newlines', '\n'.repeat(1_000_000) + '鄄城县开展活动500余次。')
  importCases(dir, cases)
  cases.push({ name: 'extract dev-zero', cli: 'extract', args: ['--date', '2025-01', '/dev/zero'] })
  cases.push({ name: 'extract directory', cli: 'extract', args: ['--date', '2025-01', join(dir, 'text')] })
  cases.push({ name: 'extract missing', cli: 'extract', args: ['--date', '2025-01', join(dir, 'none.txt')] })
  return cases
}

/**
 * A ZIP written by hand, so that it can lie: every entry deflated, its inflated size declared as `declare` says (the
 * true size by default), with `method` in the headers.
 */
export function zipOf(files: [string, Uint8Array][], declare = (size: number) => size, method = 8): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of files) {
    const packed = deflateRawSync(content)
    const nameBytes = Buffer.from(name)
    const head = Buffer.alloc(30)
    head.writeUInt32LE(0x04034b50, 0)
    head.writeUInt16LE(20, 4)
    head.writeUInt16LE(method, 8)
    head.writeUInt32LE(crc32(content), 14)
    head.writeUInt32LE(packed.length, 18)
    head.writeUInt32LE(declare(content.length), 22)
    head.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc32(content), 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(declare(content.length), 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(head, nameBytes, packed)
    centrals.push(central, nameBytes)
    offset += head.length + nameBytes.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** Files for `import`, run against the embedded package or a hostile one, some with --out into the corpus folder. */
function importCases(dir: string, cases: HostileCase[]): void {
  const metric = seed('metrics.csv').split('\n')[1].split(',')[1]
  const row = `${metric},鄄城县,2024,66.1`
  const valid = `指标,地区,时间,数值\n${row}\n`
  const file = (name: string, content: string | Uint8Array, ...args: string[]) => {
    const path = join(dir, 'import', name)
    write(path, content)
    cases.push({ name: `import ${name}`, cli: 'import', args: [path, ...args] })
    return path
  }
  const validCsv = file('valid.csv', valid)
  mkdirSync(join(dir, 'out'), { recursive: true })
  cases.push({ name: 'import valid.csv --out', cli: 'import', args: [validCsv, '--out', join(dir, 'out', 'valid')] })
  cases.push({ name: 'import --out onto a file', cli: 'import', args: [validCsv, '--out', join(dir, 'secret.txt')] })
  cases.push({ name: 'import --out under a missing folder', cli: 'import', args: [validCsv, '--out', join(dir, 'no', 'such', 'out')], absentAfter: join(dir, 'no') })
  cases.push({ name: 'import missing file', cli: 'import', args: [join(dir, 'import', 'none.csv')] })
  cases.push({ name: 'import directory', cli: 'import', args: [join(dir, 'import')] })
  cases.push({ name: 'import dev-zero', cli: 'import', args: ['/dev/zero'] })
  const link = join(dir, 'import', 'zero.csv')
  symlinkSync('/dev/zero', link)
  cases.push({ name: 'import link to dev-zero', cli: 'import', args: [link] })
  cases.push({ name: 'import --data missing', cli: 'import', args: [validCsv, '--data', join(dir, 'no-such-package')] })
  for (const pkg of ['path-dotdot', 'path-absolute', 'path-link-out', 'source-dotdot', 'source-link-out', 'descriptor-null', 'redos-pattern', 'no-fields']) {
    const out = join(dir, 'out', pkg)
    cases.push({ name: `import --data ${pkg} --out`, cli: 'import', args: [validCsv, '--data', join(dir, 'pkg', pkg), '--out', out], absentAfter: out })
  }

  const utf16 = (text: string, bom: boolean) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')])
  file('empty.csv', '')
  file('bom-only.csv', '\ufeff')
  file('header-only.csv', '指标,地区,时间,数值\n')
  file('binary.csv', Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256))
  file('null-bytes.csv', valid.replace('鄄城县', '鄄\u0000城县') + '\u0000'.repeat(100_000))
  file('utf16-bom.csv', utf16(valid, true))
  file('utf16-no-bom.csv', utf16(valid, false))
  file('big5-ish.csv', Uint8Array.from({ length: 200_000 }, (_, i) => (i % 2 ? 0x40 + (i % 60) : 0xa4 + (i % 20))))
  file('mixed-line-endings.csv', `指标,地区,时间,数值\r\n${row}\n${row}\r${row}\r\n`)
  file('huge-cell.csv', `指标,地区,时间,数值\n${metric},${'鄄'.repeat(3_000_000)},2024,1\n`)
  file('wide-header.csv', Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',') + '\n' + '1,'.repeat(99_999) + '1\n')
  file('duplicate-headers.csv', `指标,地区,时间,数值,数值\n${row},5\n`)
  file('unclosed-quote.csv', `指标,地区,时间,数值\n"${'x'.repeat(1_000_000)}`)
  file('ragged.csv', `指标,地区,时间,数值\n${row},extra,extra\n${metric},鄄城县\n`)
  file('odd-values.csv', ['指标,地区,时间,数值', ...['1e309', '-1e309', '1e-7', '9007199254740993', '5\u200b6', 'NaN', '=1+1', '@SUM(A1)', '0x10', '١٢٣'].map((v) => `${metric},鄄城县,2024,${v}`)].join('\n'))
  file('odd-periods.csv', ['指标,地区,时间,数值', ...['2024.10', '99999', '2024-13', '0000', '2024/2023', 'x'.repeat(10_000)].map((p) => `${metric},鄄城县,${p},1`)].join('\n'))
  file('many-rows.csv', '指标,地区,时间,数值\n' + `${row}\n`.repeat(200_000))
  file('many-empty-lines.csv', '指标,地区,时间,数值\n' + '\n'.repeat(2_000_000) + row)

  const sheet = (rows: number) => new TextEncoder().encode(`<worksheet><sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(rows)}</sheetData></worksheet>`)
  file('random.xlsx', Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31 + 7) % 256))
  file('truncated.xlsx', zipOf([['[Content_Types].xml', sheet(10)]]).subarray(0, 200))
  file('not-a-workbook.xlsx', zipOf([['hello.txt', new TextEncoder().encode('hello')]]))
  // 64 MiB of zeros deflate to about 64 KiB: declared honestly, and declared as 100 bytes.
  const zeros = new Uint8Array(64 * 1024 * 1024)
  file('bomb-declared.xlsx', zipOf([['[Content_Types].xml', zeros]]))
  file('bomb-lying.xlsx', zipOf([['[Content_Types].xml', zeros]], () => 100))
  file('bomb-lying-sheet.xlsx', zipOf([['[Content_Types].xml', sheet(1)], ['xl/worksheets/sheet1.xml', zeros]], () => 100))
  file('many-entries.xlsx', zipOf(Array.from({ length: 20_000 }, (_, i) => [`e${i}`, new Uint8Array(1)] as [string, Uint8Array])))
  file('stored-method-lie.xlsx', zipOf([['[Content_Types].xml', sheet(10)]], undefined, 0))
  file('bzip2-method.xlsx', zipOf([['[Content_Types].xml', sheet(10)]], undefined, 12))
  file('sheet.csv.xlsx', valid)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = process.argv[2]
  if (!out) throw new Error('usage: npx tsx scripts/gen-hostile.ts DIR')
  console.log(`${generateHostile(resolve(out)).length} cases written to ${out}`)
}
