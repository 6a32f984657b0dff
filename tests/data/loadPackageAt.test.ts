import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchReader, PackageTooLarge, Unreadable } from '@/data/load'
import { located } from '@/data/messages'
import { loadPackageAt, PAGE_THREAD_BYTES, type LoadRequest } from '@/data/loadPackageAt'
import { columnsOf } from '@/domain/observationIndex'

const dataDir = resolve(import.meta.dirname, '../../data')
const BASE = 'http://127.0.0.1/data/'
const serveData = () =>
  vi.stubGlobal('fetch', async (url: string | URL) => {
    const path = new URL(String(url)).pathname.replace(/^\/data\//, '')
    try {
      return new Response(readFileSync(resolve(dataDir, decodeURIComponent(path)), 'utf8'))
    } catch {
      return new Response('', { status: 404 })
    }
  })

/** A worker that records what it was asked and answers with an error naming itself. */
class RecordingWorker {
  static asked: LoadRequest[] = []
  onmessage: ((e: MessageEvent) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  postMessage(request: LoadRequest) {
    RecordingWorker.asked.push(request)
    setTimeout(() => this.onmessage?.({ data: { ok: false, error: 'answered by the worker' } } as MessageEvent), 0)
  }
  terminate() {}
}

/** A body of endless 64 KB chunks, without a Content-Length; counts the chunks read. */
function endlessBody(): { response: Response; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0
  let cancelled = false
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++
      controller.enqueue(new Uint8Array(65536).fill(0x31))
    },
    cancel() {
      cancelled = true
    },
  })
  return { response: new Response(stream), pulled: () => pulled, cancelled: () => cancelled }
}

afterEach(() => {
  vi.unstubAllGlobals()
  RecordingWorker.asked = []
})

describe(loadPackageAt, () => {
  it('loads a small package, like the embedded one, on the page’s thread without starting a worker', async () => {
    serveData()
    vi.stubGlobal('Worker', RecordingWorker)
    const loaded = await loadPackageAt(BASE)
    expect(RecordingWorker.asked).toEqual([])
    expect(loaded.dataset.regions.some((r) => r.name === '鄄城县')).toBe(true)
    expect(columnsOf(loaded.columns).value.length).toBeGreaterThan(30)
    expect(loaded.messages.filter((m) => m.level === 'error')).toEqual([])
  })

  it('hands a package past the page’s budget to the worker', async () => {
    serveData()
    vi.stubGlobal('Worker', RecordingWorker)
    // The embedded package is some 25 KB: with a 4 KB budget it counts as large.
    await expect(loadPackageAt(BASE, 4096)).rejects.toThrow('answered by the worker')
    expect(RecordingWorker.asked).toEqual([{ baseUrl: BASE }])
  })

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
    const loaded = await loadPackageAt(BASE, 4096)
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
    const loaded = await loadPackageAt(BASE, 4096)
    expect(loaded.dataset.regions.some((r) => r.name === '鄄城县')).toBe(true)
  })

  it('keeps the demo package (some 5 MB) off the page’s thread', async () => {
    serveData()
    vi.stubGlobal('Worker', RecordingWorker)
    await expect(loadPackageAt(`${BASE}demo/`)).rejects.toThrow('answered by the worker')
    expect(PAGE_THREAD_BYTES).toBeLessThan(5e6)
  })
})

describe('fetchReader with a budget', () => {
  it('stops a download without a Content-Length as soon as it passes the budget', async () => {
    const body = endlessBody()
    vi.stubGlobal('fetch', async () => body.response)
    await expect(fetchReader(BASE, 200_000)('observations.csv')).rejects.toBeInstanceOf(PackageTooLarge)
    expect(body.pulled()).toBeLessThanOrEqual(6)
    expect(body.cancelled()).toBe(true)
  })

  it('does not start reading a body whose Content-Length is past the budget', async () => {
    const body = endlessBody()
    const response = new Response(body.response.body, { headers: { 'Content-Length': String(50_000_000) } })
    vi.stubGlobal('fetch', async () => response)
    await expect(fetchReader(BASE, 1 << 20)('observations.csv')).rejects.toBeInstanceOf(PackageTooLarge)
    expect(body.cancelled()).toBe(true)
  })

  it('counts the budget over all the package’s files', async () => {
    vi.stubGlobal('fetch', async () => new Response('x'.repeat(600)))
    const read = fetchReader(BASE, 1000)
    expect(new TextDecoder().decode((await read('regions.csv')) as Uint8Array)).toBe('x'.repeat(600))
    await expect(read('metrics.csv')).rejects.toBeInstanceOf(PackageTooLarge)
  })

  it('gives each file’s bytes, budgeted or not, and a missing file with the server’s answer', async () => {
    const bytes = new TextEncoder().encode('\uFEFFid,name\n371726,鄄城县\n')
    vi.stubGlobal('fetch', async (url: string | URL) => (String(url).endsWith('missing.csv') ? new Response('', { status: 404 }) : new Response(bytes)))
    for (const read of [fetchReader(BASE, 1 << 20), fetchReader(BASE)]) {
      expect(await read('regions.csv')).toEqual(bytes)
      expect(await read('missing.csv')).toEqual(new Unreadable('the server answered 404 (no such file)'))
    }
  })
})

describe('loadPackageAt when files fail', () => {
  /** The embedded package served, except that `fail` answers for the files it names. */
  const serveFailing = (fail: Record<string, () => Response | Promise<Response>>) =>
    vi.stubGlobal('fetch', async (url: string | URL) => {
      const path = decodeURIComponent(new URL(String(url)).pathname.replace(/^\/data\//, ''))
      return fail[path] ? fail[path]() : new Response(readFileSync(resolve(dataDir, path)))
    })
  const errors = (loaded: { messages: { level: string; file: string; line?: number; message: string }[] }) =>
    loaded.messages.filter((m) => m.level === 'error').map((m) => `${m.file}${m.line ? `:${m.line}` : ''}: ${m.message}`)

  it('names each file that failed and how: the server’s status, a failed request, a download that broke off', async () => {
    const broken = () => new Response(new ReadableStream({ pull: (c) => c.error(new TypeError('network error')) }))
    serveFailing({
      'observations.csv': () => new Response('', { status: 500, statusText: 'Internal Server Error' }),
      'metrics.csv': () => Promise.reject(new TypeError('Failed to fetch')),
      'regions.csv': broken,
      'reports/heze-daily-2025-01.txt': () => new Response('', { status: 404 }),
    })
    const messages = errors(await loadPackageAt(BASE))
    expect(messages).toContain('observations.csv: cannot be read: the server answered 500 (Internal Server Error)')
    expect(messages).toContain('metrics.csv: cannot be read: the request to the server failed (network error or blocked)')
    expect(messages).toContain('regions.csv: cannot be read: the download broke off after 0 bytes')
    expect(messages.some((m) => /^sources\.csv:\d+: report file reports\/heze-daily-2025-01\.txt cannot be read: the server answered 404 \(no such file\)$/.test(m))).toBe(true)
  })

  it('says the descriptor is missing on the server, not only that it cannot be read', async () => {
    serveFailing({ 'datapackage.json': () => new Response('', { status: 404 }) })
    expect(errors(await loadPackageAt(BASE))).toEqual(['datapackage.json: cannot be read: the server answered 404 (no such file)'])
  })

  it('says the server cannot be reached when every request fails, and an escaping exception names the package', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(errors(await loadPackageAt(BASE))).toEqual(['datapackage.json: cannot be read: the request to the server failed (network error or blocked)'])
    // What the page and the worker throw for an exception past the reader: located, never "Invalid string length".
    expect(located(BASE, new RangeError('Invalid string length')).message).toBe('http://127.0.0.1/data/: is too large to read')
    expect(located(BASE, new TypeError('x is undefined')).message).toBe('http://127.0.0.1/data/: could not be read: its content is not what a data package holds')
  })
})
