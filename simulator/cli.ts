/**
 * Runs the import simulator from the command line until SIGINT or SIGTERM:
 *
 *   node <bundle> --scenario demo --port 8080 [--flavour milvus] [--api-key K]
 */
import { parseArgs } from 'node:util'
import { scenarioNotes, scenarios } from './scenarios.js'
import { startSimulator, type Flavour, type Simulator } from './server.js'
import { isMain } from './is-main.js'

const FLAVOURS: Flavour[] = ['milvus', 'zilliz', 'v1']

/** A command-line mistake; printed as one line with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The help text, with the scenario list. */
export function usage(): string {
  const width = Math.max(...Object.keys(scenarios).map((n) => n.length))
  const list = Object.keys(scenarios)
    .map((n) => `  ${n.padEnd(width)}  ${scenarioNotes[n] ?? ''}`)
    .join('\n')
  return `Usage: simulator [--scenario NAME] [--port N] [--flavour milvus|zilliz|v1]
                 [--api-key KEY] [--cluster-id ID] [--time-scale X]

Serves the import-job API of Milvus or Zilliz Cloud on 127.0.0.1.

Scenarios:
${list}
`
}

/** Starts the simulator the arguments describe; throws UsageError. */
export async function startFromArgs(
  argv: string[]
): Promise<{ simulator: Simulator; scenario: string } | { help: string }> {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        scenario: { type: 'string', default: 'demo' },
        port: { type: 'string', default: '0' },
        flavour: { type: 'string' },
        'api-key': { type: 'string' },
        'cluster-id': { type: 'string' },
        'time-scale': { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    }))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.help) return { help: usage() }
  const name = values.scenario
  const build = Object.hasOwn(scenarios, name) ? scenarios[name] : undefined
  if (!build) {
    throw new UsageError(
      `Unknown scenario "${name}". Choose one of: ${Object.keys(scenarios).join(', ')}.`
    )
  }
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new UsageError(
      `--port must be a port number from 0 to 65535 (got "${values.port}").`
    )
  }
  const flavour = values.flavour as Flavour | undefined
  if (flavour !== undefined && !FLAVOURS.includes(flavour)) {
    throw new UsageError(
      `--flavour must be one of ${FLAVOURS.join(', ')} (got "${flavour}").`
    )
  }
  const timeScale =
    values['time-scale'] === undefined
      ? undefined
      : Number(values['time-scale'])
  if (timeScale !== undefined && !(timeScale > 0)) {
    throw new UsageError(
      `--time-scale must be a positive number (got "${values['time-scale']}").`
    )
  }
  const options = build({
    flavour,
    apiKey: values['api-key'],
    clusterId: values['cluster-id'],
    timeScale
  })
  try {
    const simulator = await startSimulator({ ...options, port })
    return { simulator, scenario: name }
  } catch (error) {
    throw new UsageError(
      `Cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`
    )
  }
}

/** Resolves with the first of SIGINT and SIGTERM. */
function signalled(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'))
    process.once('SIGTERM', () => resolve('SIGTERM'))
  })
}

/**
 * Runs the CLI; resolves with the exit code once `stop` resolves (by default
 * on SIGINT or SIGTERM).
 */
export async function main(
  argv: string[],
  stop: () => Promise<string> = signalled
): Promise<number> {
  let started
  try {
    started = await startFromArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`simulator: ${error.message}\n`)
    return 2
  }
  if ('help' in started) {
    process.stdout.write(started.help)
    return 0
  }
  const { simulator, scenario } = started
  process.stdout.write(
    `simulator listening on ${simulator.url} (scenario ${scenario})\n`
  )
  const reason = await stop()
  await simulator.close()
  process.stderr.write(`simulator: stopped (${reason})\n`)
  return 0
}

// Run only when executed (node dist/simulator/index.js), not when imported.
if (isMain(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`simulator: ${(error as Error).message}\n`)
      process.exit(1)
    }
  )
}
