import { afterEach, describe, expect, it, vi } from 'vitest'
import { PAGE_THREAD_IMPORT_BYTES, runImport, type WorkerRequest } from '@/data/import/runImport'
import { importData, utf8 } from './builders'

const CSV = utf8('指标,地区,时间,数值', 'activities,鄄城,2024年12月,12')
const request = (file: Blob): WorkerRequest => ({ file, fileName: 'test.csv', data: importData(), options: {} })

/** A worker whose script never runs: the browser reports an error and nothing else. */
class UnstartableWorker {
  static made = 0
  onmessage: ((e: MessageEvent) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  constructor() {
    UnstartableWorker.made++
  }
  postMessage() {
    setTimeout(() => this.onerror?.({ message: '' } as ErrorEvent), 0)
  }
  terminate() {}
}

/** A worker that starts, reports progress, then dies (out of memory on a huge file, say). */
class CrashingWorker {
  onmessage: ((e: MessageEvent) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  postMessage() {
    setTimeout(() => {
      this.onmessage?.({ data: { type: 'progress', fraction: 0.3 } } as MessageEvent)
      this.onerror?.({ message: 'Out of memory' } as ErrorEvent)
    }, 0)
  }
  terminate() {}
}

/** A worker that starts and then works without end, reporting progress now and then. */
class EndlessWorker {
  static terminated = 0
  onmessage: ((e: MessageEvent) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  postMessage() {
    setTimeout(() => this.onmessage?.({ data: { type: 'progress', fraction: 0.1 } } as MessageEvent), 0)
  }
  terminate() {
    EndlessWorker.terminated++
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  UnstartableWorker.made = 0
})

describe(runImport, () => {
  it('reads a file on the page’s thread when the worker cannot start, instead of staying at “reading”', async () => {
    vi.stubGlobal('Worker', UnstartableWorker)
    const run = await runImport(request(new Blob([CSV])), () => {}).result
    expect(UnstartableWorker.made).toBe(1)
    expect(run!.result.observations).toEqual([expect.objectContaining({ region: '371726', period: '2024-12', value: 12 })])
  })

  it('reads it on the page’s thread when constructing the worker throws', async () => {
    vi.stubGlobal('Worker', class {
      constructor() {
        throw new DOMException('Worker creation blocked by Content-Security-Policy', 'SecurityError')
      }
    })
    const task = runImport(request(new Blob([CSV])), () => {})
    expect((await task.result)!.result.observations).toHaveLength(1)
  })

  it('refuses a large file with a whole-file problem when no worker can run, rather than freezing the page', async () => {
    vi.stubGlobal('Worker', UnstartableWorker)
    const big = new Blob([CSV, new Uint8Array(PAGE_THREAD_IMPORT_BYTES)])
    const run = await runImport(request(big), () => {}).result
    expect(run!.result.observations).toEqual([])
    expect(run!.result.problems).toEqual([
      expect.objectContaining({ level: 'error', code: 'needsWorker', params: { size: Math.round(big.size / 1048576), max: PAGE_THREAD_IMPORT_BYTES / 1048576 } }),
    ])
  })

  it('reports a worker that fails once started, without running the same file again on the page', async () => {
    vi.stubGlobal('Worker', CrashingWorker)
    const progress: number[] = []
    await expect(runImport(request(new Blob([CSV])), (f) => progress.push(f)).result).rejects.toThrow('Out of memory')
    expect(progress).toEqual([0.3])
  })

  it('stops a worker that runs past the time limit, with a whole-file problem saying so', async () => {
    vi.stubGlobal('Worker', EndlessWorker)
    const run = await runImport(request(new Blob([CSV])), () => {}, 50).result
    expect(EndlessWorker.terminated).toBe(1)
    expect(run!.result.problems).toEqual([expect.objectContaining({ level: 'error', code: 'timedOut', params: { seconds: 0 } })])
  })
})
