import { resolve } from 'node:path'
import { loadPackage } from '../data/load'
import { formatMessage, unexpectedMessage } from '../data/messages'
import { fsReader, packageFolderProblem } from './fsReader'

/** `npm run validate [DIR]`: prints every located problem of a data package; exit 1 on any error. */
async function main(dir: string): Promise<number> {
  const problem = await packageFolderProblem(dir)
  if (problem) return console.log(`error ${problem}`), 1
  const { dataset, messages } = await loadPackage(fsReader(resolve(dir)))
  for (const m of messages) console.log(`${m.level === 'error' ? 'error' : 'warning'} ${formatMessage(m)}`)
  const errors = messages.filter((m) => m.level === 'error').length
  const warnings = messages.length - errors
  const counts = `${dataset.regions.length} regions, ${dataset.metrics.length} metrics, ${dataset.sources.length} sources, ${dataset.observations.length} observations`
  console.log(`${dir}: ${counts}; ${errors} error(s), ${warnings} warning(s)`)
  return errors > 0 ? 1 : 0
}

const dir = process.argv[2] ?? 'data'
process.exitCode = await main(dir).catch((e: unknown) => (console.log(`error ${formatMessage(unexpectedMessage(dir, e))}`), 1))
