import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadInWorker } from '@/data/loadInWorker'
import { columnsOf } from '@/domain/observationIndex'

const dataDir = resolve(import.meta.dirname, '../../data')
const serveData = () =>
  vi.stubGlobal('fetch', async (url: string | URL) => {
    const path = new URL(String(url)).pathname.replace(/^\/data\//, '')
    try {
      return new Response(readFileSync(resolve(dataDir, decodeURIComponent(path)), 'utf8'))
    } catch {
      return new Response('', { status: 404 })
    }
  })

afterEach(() => vi.unstubAllGlobals())

describe(loadInWorker, () => {
  it('loads on the page’s thread when the worker cannot start, instead of failing the whole page', async () => {
    serveData()
    // A browser without module workers, or a policy that forbids them: the worker reports an error and nothing else.
    class BrokenWorker {
      onmessage: ((e: MessageEvent) => void) | null = null
      onerror: ((e: ErrorEvent) => void) | null = null
      postMessage() {
        setTimeout(() => this.onerror?.({ message: '' } as ErrorEvent), 0)
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', BrokenWorker)
    const loaded = await loadInWorker('http://127.0.0.1/data/')
    expect(loaded.dataset.metrics.map((m) => m.id)).toContain('assoc_party_coverage_rate')
    expect(columnsOf(loaded.columns).value.length).toBeGreaterThan(30)
  })

  it('loads on the page’s thread when constructing a worker throws', async () => {
    serveData()
    vi.stubGlobal('Worker', class {
      constructor() {
        throw new TypeError('Module scripts are not supported on DedicatedWorker')
      }
    })
    const loaded = await loadInWorker('http://127.0.0.1/data/')
    expect(loaded.dataset.regions.some((r) => r.name === '鄄城县')).toBe(true)
  })
})
