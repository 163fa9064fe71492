/**
 * `npm run demo`: starts the import simulator, runs the bundled action
 * (dist/index.js) against it as the GitHub runner does, then prints its log,
 * its outputs and its result as the CLI prints one. It runs from the
 * committed bundle dist/demo/index.js, so it needs no install.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { renderTextSummary } from '../src/report/text-summary.js'
import { logView, styler, type Style } from './demo-log.js'
import { resultFromOutputs } from './demo-result.js'
import { actionDefaults, runStep } from './demo-runner.js'
import { isMain } from './is-main.js'
import * as registry from './scenarios.js'
import { startSimulator } from './server.js'

/** The API key the demo's simulator requires and the action is given. */
export const DEMO_API_KEY = 'demo-secret-key'

/** Where the demo writes; tests pass their own. */
export interface DemoIo {
  out(text: string): void
  err(text: string): void
  color: boolean
  width: number
}

const OPTIONS = {
  scenario: { type: 'string', default: 'demo' },
  list: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  markdown: { type: 'boolean', default: false },
  'poll-interval': { type: 'string', default: '2s' },
  timeout: { type: 'string', default: '2m' },
  action: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false }
} as const

const USAGE = `Usage: npm run demo -- [--scenario NAME] [--list] [--debug] [--markdown]
                       [--poll-interval 2s] [--timeout 2m] [--action dist/index.js]

Starts the import simulator, runs the bundled action (dist/index.js) against
it as the GitHub runner would, and prints the log, the outputs and the result.
--debug also shows ::debug:: lines; --markdown prints the job summary as the
markdown that GitHub renders.
`

// Read from the simulator's registry, so every scenario it has can be run.
function scenarioList(): string {
  const names = Object.keys(registry.scenarios)
  const width = Math.max(...names.map((n) => n.length))
  const lines = names.map((n) =>
    `  ${n.padEnd(width)}  ${registry.scenarioNotes[n] ?? ''}`.trimEnd()
  )
  return `Scenarios (default: demo):\n${lines.join('\n')}\n`
}

// Resolved at run time: ncc copies the files that a path it can read at
// build time names into the bundle; the demo must use the repository's own.
const runtimePath = (...parts: string[]) => path.resolve(...parts)
const firstFile = (paths: string[]) => paths.find((p) => existsSync(p))

/** Runs the demo; resolves with the action's exit code (2 for bad usage). */
export async function runDemo(argv: string[], io: DemoIo): Promise<number> {
  const style = styler(io.color)
  const section = (title: string) =>
    `\n${style('bold', `── ${title} `)}` +
    `${style('dim', '─'.repeat(Math.max(3, Math.min(io.width, 78) - title.length - 4)))}\n`
  let values
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true }).values
  } catch (error) {
    io.err(`demo: ${(error as Error).message.split('\n')[0]}\n\n${USAGE}`)
    return 2
  }
  if (values.help || values.list) {
    io.out(`${values.help ? `${USAGE}\n` : ''}${scenarioList()}`)
    return 0
  }
  const name = values.scenario
  if (!Object.hasOwn(registry.scenarios, name)) {
    io.err(`demo: unknown scenario "${name}".\n\n${scenarioList()}`)
    return 2
  }
  const here = path.dirname(fileURLToPath(import.meta.url))
  const action = firstFile(
    values.action
      ? [path.resolve(values.action)]
      : [runtimePath(here, '..', 'index.js'), runtimePath('dist', 'index.js')]
  )
  if (!action) {
    io.err(
      'demo: dist/index.js was not found. Build it with `npm run bundle`.\n'
    )
    return 1
  }
  const yml = firstFile([
    runtimePath(path.dirname(action), '..', 'action.yml'),
    runtimePath('action.yml')
  ])

  const options = registry.scenarios[name]({ apiKey: DEMO_API_KEY })
  const simulator = await startSimulator(options)
  try {
    const jobIds = (options.jobs ?? []).map((j) => j.jobId)
    const given: Record<string, string> = {
      endpoint: simulator.url,
      'job-id': jobIds.join(',') || registry.DEMO_JOB_ID,
      'api-key': DEMO_API_KEY,
      'poll-interval': values['poll-interval'],
      timeout: values.timeout,
      ...(options.clusterId ? { 'cluster-id': options.clusterId } : {}),
      ...(options.flavour === 'v1' ? { api: 'v1' } : {}),
      ...registry.scenarioInputs[name]
    }
    const defaults = yml ? actionDefaults(readFileSync(yml, 'utf8')) : {}
    const inputs = { ...defaults, ...given }
    const rest = Object.entries(defaults).filter(([k]) => !(k in given))
    const keys = Math.max(...Object.keys(inputs).map((k) => k.length))
    const note = registry.scenarioNotes[name]
    io.out(
      `${style('bold', `Scenario "${name}"`)}${note ? `: ${note}.` : ''}\n` +
        `The import simulator is listening on ${simulator.url}.\n` +
        section('Inputs (as INPUT_* variables)') +
        columns(
          Object.entries(given).map(([k, v]) => [
            k,
            k === 'api-key' ? '***' : oneLine(v, io.width - keys - 4)
          ]),
          keys
        ) +
        (rest.length
          ? `  ${style('dim', 'and the defaults in action.yml:')}\n${columns(rest, keys)}`
          : '') +
        section(`Log of node ${path.relative(process.cwd(), action)}`)
    )
    const view = logView({
      color: io.color,
      debug: values.debug,
      masks: [DEMO_API_KEY]
    })
    const step = await runStep(action, inputs, {
      debug: values.debug,
      onLine: (line, stream) => {
        const shown = view(line)
        if (shown !== undefined)
          (stream === 'stdout' ? io.out : io.err)(`${shown}\n`)
      }
    })

    const outputs = Object.entries(step.outputs)
    io.out(section('Outputs (GITHUB_OUTPUT)'))
    io.out(
      outputs.length
        ? columns(outputs.map(([k, v]) => [k, oneLine(v, io.width - 20)]))
        : '  (the action set no outputs)\n'
    )
    const markdown = step.summary.trim()
    const result = resultFromOutputs(step.outputs)
    if (values.markdown || !result) {
      io.out(section('Job summary (GITHUB_STEP_SUMMARY, markdown)'))
      io.out(`${markdown || '(the action wrote no job summary)'}\n`)
    } else {
      io.out(section('Result, as the CLI prints it'))
      io.out(`${renderTextSummary(result, io.width)}\n\n`)
      io.out(
        style(
          'dim',
          `GitHub shows the job summary (${Buffer.byteLength(markdown).toLocaleString('en-US')} bytes of markdown) on the run's page; --markdown prints it.`
        ) + '\n'
      )
    }
    // Planned: the scenario's own ending, not a crash or a Ctrl-C.
    const planned =
      registry.failingScenarios.has(name) &&
      result !== undefined &&
      result.outcome !== 'cancelled'
    io.out(`\n${closing(name, step.code, planned, style)}\n`)
    return step.code
  } finally {
    await simulator.close()
  }
}

/** Two aligned columns, indented. */
function columns(
  rows: string[][],
  width = Math.max(...rows.map(([k]) => k.length))
): string {
  return rows
    .map(([k, v]) => `  ${k.padEnd(width)}  ${v}`.trimEnd())
    .join('\n')
    .concat('\n')
}

/** A value on one line of at most `room` characters, saying its length when cut. */
function oneLine(value: string, room: number): string {
  if (value === '') return '(empty)'
  const line = value.replace(/\s*\n\s*/g, ' ')
  const tail = `… (${value.length.toLocaleString('en-US')} chars)`
  return line.length <= room
    ? line
    : line.slice(0, Math.max(20, room - tail.length)) + tail
}

function closing(
  name: string,
  code: number,
  planned: boolean,
  style: Style
): string {
  const list = `${style('bold', 'npm run demo -- --list')} shows every scenario.`
  if (code === 0)
    return `${style('green', 'The step passed (exit code 0).')} ${list}`
  const why = planned ? `, as the "${name}" scenario intends` : ''
  return (
    `${style('red', `The step failed (exit code ${code})`)}${why}.\n` +
    `${style('bold', 'npm run demo -- --scenario completed')} shows a passing import; ${list}`
  )
}

// Run only when executed (node dist/demo/index.js), not when imported.
if (isMain(import.meta.url)) {
  runDemo(process.argv.slice(2), {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    color: process.stdout.hasColors?.() ?? false,
    width: process.stdout.columns || 100
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`demo: ${(error as Error).message}\n`)
      process.exitCode = 1
    }
  )
}
