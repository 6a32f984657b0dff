import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPackage } from '@/data/load'
import { fsReader } from '@/cli/fsReader'

const root = resolve(import.meta.dirname, '../..')
const dataDir = join(root, 'data')
const goldFile = resolve(root, 'tests/extract/seed/labels.jsonl')

function runValidate(dir: string): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/validate.ts', dir], { cwd: root, encoding: 'utf8' }) }
  } catch (e) {
    const err = e as { status: number; stdout: string }
    return { code: err.status, out: err.stdout }
  }
}

describe('the embedded data package', () => {
  it('validates without errors or warnings', async () => {
    const { dataset, messages } = await loadPackage(fsReader(dataDir))
    expect(messages).toEqual([])
    expect(dataset.observations.length).toBeGreaterThanOrEqual(40)
  })

  it('has every figure on a region, metric and source it declares', async () => {
    const { dataset } = await loadPackage(fsReader(dataDir))
    const regions = new Set(dataset.regions.map((r) => r.code))
    const metrics = new Set(dataset.metrics.map((m) => m.id))
    for (const o of dataset.observations) {
      expect(regions.has(o.region), o.region).toBe(true)
      expect(metrics.has(o.metric), o.metric).toBe(true)
      expect(dataset.reports[o.source]).toContain(o.quote)
    }
  })

  it.skipIf(!existsSync(goldFile))('holds at least 98% of the seed report’s hand-labelled figures', async () => {
    const { dataset } = await loadPackage(fsReader(dataDir))
    const text = dataset.reports['heze-daily-2025-01']
    const span = (quote: string) => {
      const start = text.indexOf(quote)
      return [start, start + quote.length] as const
    }
    const gold = readFileSync(goldFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line)).filter((g) => !g.optional)
    const found = gold.filter((g) => {
      const [gs, ge] = span(g.quote)
      return dataset.observations.some((o) => {
        const [os, oe] = span(o.quote)
        return o.value === g.value && o.qualifier === g.qualifier && os < ge && gs < oe
      })
    })
    const missing = gold.filter((g) => !found.includes(g)).map((g) => g.quote)
    expect(missing).toEqual([])
    expect(found.length / gold.length).toBeGreaterThanOrEqual(0.98)
  })
})

describe('npm run validate', () => {
  it('passes on the embedded package', () => {
    const { code, out } = runValidate('data')
    expect(code).toBe(0)
    expect(out).toMatch(/0 error\(s\), 0 warning\(s\)/)
  })

  it('exits 1 and prints the located error for a broken package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pkg-'))
    cpSync(dataDir, dir, { recursive: true })
    const csv = readFileSync(join(dir, 'observations.csv'), 'utf8').replace('city_level_assoc_count,371700', 'city_level_assoc_count,371799')
    writeFileSync(join(dir, 'observations.csv'), csv)
    const { code, out } = runValidate(dir)
    expect(code).toBe(1)
    expect(out).toContain('error observations.csv:2: region 371799 is not in regions.csv')
  })
})
