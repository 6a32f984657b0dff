import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateHostile, SECRET, type HostileCase } from '../../scripts/gen-hostile'

const root = resolve(import.meta.dirname, '../..')
const KILL_AFTER_MS = 10_000
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null

interface Outcome {
  name: string
  code: number | null
  killed: boolean
  output: string
  /** Peak resident memory in KiB, when /usr/bin/time is there to measure it. */
  maxRssKb: number | null
}

/** Runs one case as a child process with a 1 GB heap; past KILL_AFTER_MS its whole process group is killed. */
function run(c: HostileCase): Promise<Outcome> {
  const node = ['node', '--max-old-space-size=1024', '--import', 'tsx', `src/cli/${c.cli}.ts`, ...c.args]
  const [command, ...args] = TIME ? [TIME, '-f', '__maxrss_kb %M', ...node] : node
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let tail = ''
    let killed = false
    // The start of the output, and its end, where the memory figure is.
    const keep = (chunk: Buffer) => {
      const text = chunk.toString()
      if (output.length < 200_000) output += text
      tail = (tail + text).slice(-2000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    const timer = setTimeout(() => {
      killed = true
      process.kill(-child.pid!, 'SIGKILL')
    }, KILL_AFTER_MS)
    child.on('close', (code) => {
      clearTimeout(timer)
      const rss = /__maxrss_kb (\d+)/.exec(tail)
      done({ name: c.name, code, killed, output: output.replace(/__maxrss_kb \d+\n?/, ''), maxRssKb: rss ? Number(rss[1]) : null })
    })
  })
}

/** Runs the cases two at a time (CI has two cores). */
async function runAll(cases: HostileCase[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  let next = 0
  const worker = async () => {
    while (next < cases.length) outcomes.push(await run(cases[next++]))
  }
  await Promise.all([worker(), worker()])
  return outcomes
}

const STACK = /^\s+at .+:\d+:\d+\)?$|node:internal|Error: .*\n\s+at /m

describe('validate, import and extract on the hostile corpus (scripts/gen-hostile.ts)', () => {
  it('refuse or read every input: no stack trace, exit 0 or 1, no hang, nothing from outside a package', { timeout: 600_000 }, async () => {
    const cases = generateHostile(mkdtempSync(join(tmpdir(), 'hostile-')))
    const outcomes = await runAll(cases)
    const crashes = outcomes.filter((o) => !o.killed && (STACK.test(o.output) || (o.code !== 0 && o.code !== 1)))
    const hangs = outcomes.filter((o) => o.killed)
    const largest = outcomes.reduce((a, b) => ((b.maxRssKb ?? 0) > (a.maxRssKb ?? 0) ? b : a))
    const figures = {
      inputs: outcomes.length,
      by_command: Object.fromEntries(['validate', 'import', 'extract'].map((cli) => [cli, cases.filter((c) => c.cli === cli).length])),
      clean_refusals: outcomes.filter((o) => o.code === 1 && !crashes.includes(o)).length,
      accepted: outcomes.filter((o) => o.code === 0 && !crashes.includes(o)).length,
      crashes: crashes.length,
      hangs: hangs.length,
      peak_rss_mb: largest.maxRssKb === null ? null : Math.round(largest.maxRssKb / 1024),
      peak_rss_case: largest.name,
    }
    mkdirSync(join(root, 'test-results'), { recursive: true })
    writeFileSync(join(root, 'test-results/hostile.json'), JSON.stringify({ ...figures, outcomes: outcomes.map(({ output, ...o }) => ({ ...o, output: output.slice(0, 300) })) }, null, 2))
    console.log(`hostile corpus: ${JSON.stringify(figures)}`)
    expect(crashes.map((o) => `${o.name}: exit ${o.code}\n${o.output.slice(0, 600)}`)).toEqual([])
    expect(hangs.map((o) => o.name)).toEqual([])
    expect(outcomes.filter((o) => o.output.includes(SECRET)).map((o) => o.name)).toEqual([])
    expect(outcomes.find((o) => o.name === 'validate valid')?.code).toBe(0)
    expect(outcomes.find((o) => o.name === 'import valid.csv --out')?.code).toBe(0)
    // A refused --out leaves nothing behind.
    expect(cases.filter((c) => c.absentAfter && existsSync(c.absentAfter)).map((c) => c.name)).toEqual([])
  })
})
