import { resolve } from 'node:path'
import { loadPackage } from '../data/load'
import { formatMessage, sortMessages, unexpectedMessage } from '../data/messages'
import { checkVillages, VILLAGES_FILE } from '../data/villages'
import { fsReader, packageFolderProblem } from './fsReader'

/** `npm run validate [DIR]`: prints every located problem of a data package; exit 1 on any error. */
async function main(dir: string): Promise<number> {
  const problem = await packageFolderProblem(dir)
  if (problem) return console.log(`error ${problem}`), 1
  const read = fsReader(resolve(dir))
  const { dataset, messages: packageMessages } = await loadPackage(read)
  // villages.csv is optional and no table of the package: checked here against the package's towns.
  const villagesText = await read(VILLAGES_FILE)
  const villages = villagesText === null ? null : checkVillages(villagesText, dataset.regions)
  const messages = sortMessages([...packageMessages, ...(villages?.messages ?? [])])
  for (const m of messages) console.log(`${m.level === 'error' ? 'error' : 'warning'} ${formatMessage(m)}`)
  const errors = messages.filter((m) => m.level === 'error').length
  const warnings = messages.length - errors
  const counts = `${dataset.regions.length} regions, ${villages ? `${villages.villages.length} villages, ` : ''}${dataset.metrics.length} metrics, ${dataset.sources.length} sources, ${dataset.observations.length} observations`
  console.log(`${dir}: ${counts}; ${errors} error(s), ${warnings} warning(s)`)
  return errors > 0 ? 1 : 0
}

const dir = process.argv[2] ?? 'data'
process.exitCode = await main(dir).catch((e: unknown) => (console.log(`error ${formatMessage(unexpectedMessage(dir, e))}`), 1))
