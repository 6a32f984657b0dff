/**
 * Validate: the 1 M bench package's observations.csv parsed as the validator reads it (`parseCsvColumns`, values as
 * numbers) and the whole package validated into columns (`validatePackageColumns`) and into objects
 * (`validatePackage`). Medians of `runs`, in ms; CPU is process time, which a busy shared machine inflates less.
 * Run directly: npx tsx tests/bench/validate.bench.ts [runs]
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseCsvColumns } from '../../src/data/csv'
import { validatePackage, validatePackageColumns } from '../../src/data/validate'
import { benchData, benchPackage } from './synthetic'

/** Median wall and CPU times in ms of parsing and validating the bench package. */
export interface ValidateBench {
  observations: number
  parse_ms: number
  validate_columns_ms: number
  validate_columns_cpu_ms: number
  validate_objects_ms: number
}

const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)])

/** Medians of `runs` parses and validations of the bench package of `size` observations. */
export function benchValidate(size = 1_000_000, runs = 5): ValidateBench {
  const raw = benchPackage(benchData(size))
  const text = raw.tables['observations.csv']!
  const times = { parse: [] as number[], columns: [] as number[], columnsCpu: [] as number[], objects: [] as number[] }
  let observations = 0
  // Interleaved, so that a burst of other work on the machine slows all three alike.
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    parseCsvColumns(text, { numbers: ['value'] })
    times.parse.push(performance.now() - t)
    const cpu = process.cpuUsage()
    t = performance.now()
    observations = validatePackageColumns(raw).columns.value.length
    times.columns.push(performance.now() - t)
    const used = process.cpuUsage(cpu)
    times.columnsCpu.push((used.user + used.system) / 1000)
    t = performance.now()
    validatePackage(raw)
    times.objects.push(performance.now() - t)
  }
  return {
    observations,
    parse_ms: median(times.parse),
    validate_columns_ms: median(times.columns),
    validate_columns_cpu_ms: median(times.columnsCpu),
    validate_objects_ms: median(times.objects),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(benchValidate(1_000_000, Number(process.argv[2] ?? 5))))
}
