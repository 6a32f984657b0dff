/**
 * Load: parse + validate + index 1 M observations from CSV text (what the load worker does after fetching:
 * validate into columns and sort them for the index; then what the page does: index the sorted columns),
 * and the memory the loaded dataset and its index keep (JS heap plus the typed arrays' buffers, which V8 keeps
 * outside `heapUsed`).
 * Run directly: npx tsx tests/bench/load.bench.ts
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { readPackage } from '../../src/data/load'
import { PAGE_THREAD_BYTES } from '../../src/data/loadPackageAt'
import { validatePackageColumns, type RawPackage } from '../../src/data/validate'
import { ObservationIndex, sortForIndex } from '../../src/domain/observationIndex'
import { benchData, benchPackage, benchPackageBytes } from './synthetic'
import { round } from './stats'

/** Load figures; times in ms, sizes in MB. */
export interface LoadBench {
  observations: number
  csv_mb: number
  validate_ms: number
  /** Sorting the columns for the index (in the worker). */
  sort_ms: number
  /** Indexing the sorted columns (on the page's thread). */
  index_ms: number
  total_ms: number
  /** Process CPU time of the median load (includes V8's GC helper threads): wall time on a shared machine overstates it. */
  cpu_ms: number
  /** JS heap plus ArrayBuffer memory kept by the dataset and index. */
  heap_mb: number
  errors: number
}

// Heap figures need a full collection first; tsx gives no --expose-gc, so switch it on here.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapMb(): number {
  gc()
  gc()
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return (heapUsed + arrayBuffers) / 2 ** 20
}

/** The package with its tables as UTF-8 bytes. */
function asBytes(raw: RawPackage): RawPackage {
  const encoder = new TextEncoder()
  return { ...raw, tables: Object.fromEntries(Object.entries(raw.tables).map(([path, csv]) => [path, typeof csv === 'string' ? encoder.encode(csv) : csv])) }
}

/**
 * Median of `runs` loads; heap is what the last load keeps (above the heap before) once the CSV is dropped. The tables
 * are given as bytes, as the load worker fetches them.
 */
export function benchLoad(size = 1_000_000, runs = 3): LoadBench {
  const base = heapMb()
  let raw: RawPackage | null = benchPackageBytes(benchData(size))
  const csvMb = raw.tables['observations.csv']!.length / 2 ** 20
  const results: { validate: number; sort: number; index: number; cpu: number }[] = []
  let kept: unknown = null
  let observations = 0
  let errors = 0
  for (let i = 0; i < runs; i++) {
    kept = null
    const cpu = process.cpuUsage()
    const t0 = performance.now()
    const { dataset, columns, messages } = validatePackageColumns(raw!)
    const t1 = performance.now()
    const sorted = sortForIndex(columns)
    const t2 = performance.now()
    const index = new ObservationIndex(sorted, dataset.metrics)
    const t3 = performance.now()
    const used = process.cpuUsage(cpu)
    results.push({ validate: t1 - t0, sort: t2 - t1, index: t3 - t2, cpu: (used.user + used.system) / 1000 })
    kept = { dataset, index }
    observations = index.size
    errors = messages.filter((m) => m.level === 'error').length
  }
  raw = null
  // With the CSV text dropped, what is left above the baseline is the dataset and its index.
  const after = heapMb()
  void kept
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const validate = mid(results.map((r) => r.validate))
  const sort = mid(results.map((r) => r.sort))
  const index = mid(results.map((r) => r.index))
  return {
    observations,
    csv_mb: round(csvMb, 1),
    validate_ms: Math.round(validate),
    sort_ms: Math.round(sort),
    index_ms: Math.round(index),
    total_ms: Math.round(validate + sort + index),
    cpu_ms: Math.round(mid(results.map((r) => r.cpu))),
    heap_mb: round(after - base, 1),
    errors,
  }
}

/** Bytes of a package's files, as the page reads them (UTF-8). */
function packageBytes(raw: RawPackage): number {
  const encoder = new TextEncoder()
  const size = (file: string | Uint8Array | null) => (file === null ? 0 : typeof file === 'string' ? encoder.encode(file).length : file.length)
  return [raw.descriptor, ...Object.values(raw.tables), ...Object.values(raw.reports)].reduce((sum, file) => sum + size(file), 0)
}

/**
 * The largest package the page loads on its own thread (`PAGE_THREAD_BYTES`) and the embedded one: validate, sort and
 * index, as one task on the page's thread; median of `runs`.
 */
export async function benchPageThreadLoad(runs = 7): Promise<{ observations: number; kb: number; ms: number; embedded_kb: number; embedded_ms: number }> {
  const perRow = packageBytes(benchPackage(benchData(10_000))) / 10_000
  let size = Math.floor(PAGE_THREAD_BYTES / perRow)
  let raw = benchPackage(benchData(size))
  while (packageBytes(raw) > PAGE_THREAD_BYTES) raw = benchPackage(benchData((size = Math.floor(size * 0.98))))
  const embedded = await readPackage(async (path) => {
    try {
      return readFileSync(resolve(import.meta.dirname, '../../data', path), 'utf8')
    } catch {
      return null
    }
  })
  const time = (pkg: RawPackage) => {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      const { dataset, columns } = validatePackageColumns(pkg)
      new ObservationIndex(columns, dataset.metrics)
      times.push(performance.now() - t0)
    }
    return round(times.sort((a, b) => a - b)[Math.floor(runs / 2)], 1)
  }
  return { observations: size, kb: Math.round(packageBytes(raw) / 1024), ms: time(asBytes(raw)), embedded_kb: Math.round(packageBytes(embedded) / 1024), embedded_ms: time(asBytes(embedded)) }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(benchLoad()))
}
