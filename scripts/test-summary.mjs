// Prints Vitest's JSON report as one plain line CI reads: "N passed, N failed". A run with no test is a failure.
import { existsSync, readFileSync } from 'node:fs'

const file = process.argv[2] ?? 'test-results/vitest.json'
if (!existsSync(file)) {
  console.log('0 passed, 0 failed')
  console.error(`${file} is missing: Vitest did not run (lint, type check or build failed first)`)
  process.exit(1)
}
const report = JSON.parse(readFileSync(file, 'utf8'))
const skipped = report.numPendingTests + report.numTodoTests
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(report.numTotalTests > 0 && report.numFailedTests === 0 && report.success ? 0 : 1)
