import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'src/cli/extract.ts'), ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 << 20 })

describe('extract CLI', () => {
  it('prints one JSON figure a line from standard input', () => {
    const r = run(['--date', '2025-01'], '全市共有社会组织4532家，覆盖率达66.1%。')
    expect(r.status).toBe(0)
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((f) => [f.value, f.unit, f.region_code, f.period])).toEqual([[4532, '家', '371700', '2025-01'], [66.1, '%', '371700', '2025-01']])
  })

  it('says where a run without a sentence end was read in pieces, and is silent on ordinary text', () => {
    const long = '鄄城县开展志愿服务活动' + '社区党组织'.repeat(400) + '开展活动500余次'
    const r = run(['--date', '2025-01'], `全市共有社会组织4532家。\n${long}。`)
    expect(r.status).toBe(0)
    expect(r.stderr.trim().split('\n')).toEqual([
      `extract: standard input: line 2, characters 16–${15 + long.length + 1}: ${long.length + 1} characters without a sentence end (。！？；), read in pieces of 1000; a figure whose words cross a cut may be missed or read short`,
    ])
    expect(run(['--date', '2025-01'], '全市共有社会组织4532家，覆盖率达66.1%。').stderr).toBe('')
  })

  it('says from where a report with too many figures was not read', () => {
    const r = run(['--date', '2025-01'], '建成站点1个。\n'.repeat(20_005))
    expect(r.status).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(20_000)
    expect(r.stderr.trim()).toMatch(/^extract: standard input: line 20001, characters 160005–160040: not read, the report holds more than 20000 figures; split it and read each part$/)
  })

  it('exits 1 with a message naming the file it cannot read', () => {
    const r = run(['--date', '2025-01', 'no-such-report.txt'])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/cannot read no-such-report\.txt/)
  })
})
