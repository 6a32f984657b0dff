import { parseArgs } from 'node:util'
import { crashRuns } from '../tests/server/crash'

/** `npm run crash -- [--runs 20] [--rows 100000] [--window 8000]`: kills the server mid-import and counts clean restarts. */
const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, rows: { type: 'string', default: '100000' }, window: { type: 'string', default: '8000' } } })
const runs = await crashRuns(Number(values.runs), Number(values.rows), Number(values.window), console.log)
const clean = runs.filter((r) => r.clean).length
console.log(`${clean} of ${runs.length} runs clean (${runs.filter((r) => r.batchPresent).length} with the batch present, ${runs.filter((r) => r.clean && !r.batchPresent).length} absent)`)
process.exitCode = clean === runs.length ? 0 : 1
