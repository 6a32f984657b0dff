/**
 * Writes the hostile-input corpus: data packages and report texts built to break the readers (paths leaving the
 * package, devices, broken descriptors, catastrophic patterns, huge cells, text without punctuation…).
 * `npx tsx scripts/gen-hostile.ts DIR` writes it to DIR; tests/cli/hostile.test.ts writes it to a temp folder.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** One run of a CLI on a hostile input. */
export interface HostileCase {
  name: string
  cli: 'validate' | 'extract'
  args: string[]
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
  text('dotted-numbers', '1.'.repeat(200_000))
  text('empty', '')
  text('invalid-utf8', Uint8Array.from({ length: 100_000 }, (_, i) => 0x80 + (i % 64)))
  text('quotes-unbalanced', '“'.repeat(200_000) + '《'.repeat(200_000) + '达到66%')
  text('long-line-of-newlines', '\n'.repeat(1_000_000) + '鄄城县开展活动500余次。')
  cases.push({ name: 'extract dev-zero', cli: 'extract', args: ['--date', '2025-01', '/dev/zero'] })
  cases.push({ name: 'extract directory', cli: 'extract', args: ['--date', '2025-01', join(dir, 'text')] })
  cases.push({ name: 'extract missing', cli: 'extract', args: ['--date', '2025-01', join(dir, 'none.txt')] })
  return cases
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = process.argv[2]
  if (!out) throw new Error('usage: npx tsx scripts/gen-hostile.ts DIR')
  console.log(`${generateHostile(resolve(out)).length} cases written to ${out}`)
}
