#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { run } from './main.js'
import { renderTextSummary } from './report/text-summary.js'
import { TerminalRunner } from './runner/terminal.js'
import { VERSION } from './version.js'
import { abortOnSignals } from './signals.js'

const NAME = 'wait-for-milvus-import'

/** The action inputs the command line takes, as --flags of the same name. */
const INPUT_FLAGS = [
  'job-id',
  'collection-name',
  'wait-for',
  'endpoint',
  'cluster-id',
  'api-key',
  'api',
  'db-name',
  'timeout',
  'poll-interval',
  'fail-on-timeout',
  'min-rows',
  'expected-rows',
  'allow-partial'
] as const

// true/false inputs that may also be given bare: --allow-partial.
const SWITCHES = new Set(['--fail-on-timeout', '--allow-partial'])
const BOOLEAN_VALUE = /^(true|false)$/i

const USAGE = `Usage: ${NAME} --endpoint URL --job-id ID [options]
       ${NAME} --endpoint URL --collection-name NAME [options]

Waits for a Milvus or Zilliz Cloud bulk import job to finish and prints the
result. Exit status: 0 completed, 1 failed, timed out, cancelled or could not
be checked, 2 bad usage.

Options (the inputs of the GitHub Action, under the same names):
  --job-id ID               Job ID that bulk_import returned; repeat the flag
                            or separate IDs with commas for several jobs.
  --collection-name NAME    Without --job-id: wait for this collection's jobs.
  --wait-for latest|all     Without --job-id: the newest job (default), or
                            every job unfinished at the start.
  --endpoint URL            https://api.cloud.zilliz.com (default),
                            http://milvus:19530, grpc://milvus:19530 or
                            https://controller.api.<region>.zillizcloud.com.
  --cluster-id ID           Zilliz Cloud cluster ID (in03-...).
  --api-key KEY             Zilliz Cloud API key or Milvus token. Prefer the
                            MILVUS_API_KEY or ZILLIZ_API_KEY environment
                            variable: a flag lands in shell history and in
                            process lists.
  --api auto|v2|v1|grpc     Which import API to call (default auto).
  --db-name NAME            Milvus database.
  --timeout DURATION        How long to wait in all: 90s, 15m, 1h30m (default 1h).
  --poll-interval DURATION  Time between polls, at least 1s (default 10s).
  --fail-on-timeout BOOL    Exit 1 on timeout (default true); with false a
                            timeout warns and exits 0.
  --min-rows N              Fail when fewer rows were imported (all jobs).
  --expected-rows N         Fail unless exactly N rows were imported.
  --allow-partial [BOOL]    Accept a completed job in which some files failed.

Output:
  --outputs                 Print the action's outputs as name=value lines.
  --json                    Print the outputs as one JSON object on stdout
                            (logs go to stderr) instead of the summary.
  --verbose                 Print debug lines.
  --help                    Print this help.
  --version                 Print the version.

Examples:
  # Zilliz Cloud
  export ZILLIZ_API_KEY=...
  ${NAME} --cluster-id in03-0123456789abcdef --job-id job-0123456789abcdef

  # Self-hosted Milvus (REST v2), user:password token from the environment
  export MILVUS_API_KEY=root:Milvus
  ${NAME} --endpoint http://milvus:19530 --job-id 463071155436633601 --timeout 30m

  # Zilliz Cloud legacy v1 API
  ${NAME} --endpoint https://controller.api.gcp-us-west1.zillizcloud.com \\
    --cluster-id in03-0123456789abcdef --job-id job-0123456789abcdef

  # Milvus over gRPC, the newest job of a collection, outputs as JSON
  ${NAME} --endpoint grpc://milvus:19530 --collection-name articles --json
`

/** A mistake on the command line: one line, exit status 2. */
class UsageError extends Error {}

/** What the command line asks for. */
type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'run'
      inputs: Record<string, string | undefined>
      verbose: boolean
      outputs: boolean
      json: boolean
    }

/** Gives a bare true/false switch its value, so parseArgs sees one. */
function withSwitchValues(argv: string[]): string[] {
  const out: string[] = []
  argv.forEach((arg, i) => {
    out.push(arg)
    if (SWITCHES.has(arg) && !BOOLEAN_VALUE.test(argv[i + 1] ?? ''))
      out.push('true')
  })
  return out
}

/** Turns parseArgs' long messages into one line naming the flag. */
function usageError(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message: string }
  const flag = /'(-[^' ]+)/.exec(message)?.[1]
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${flag ?? ''}`.trim())
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(
        /argument missing/.test(message)
          ? `option ${flag} needs a value`
          : `option ${flag} takes no value`
      )
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(
        `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}: every value follows its --flag`
      )
    default:
      return new UsageError(message.split('\n')[0])
  }
}

/** Reads argv into a Command; throws UsageError. */
function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command {
  let parsed
  try {
    parsed = parseArgs({
      args: withSwitchValues(argv),
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(
          INPUT_FLAGS.map((name) => [
            name,
            { type: 'string' as const, multiple: true }
          ])
        ),
        outputs: { type: 'boolean' },
        json: { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' }
      }
    })
  } catch (error) {
    throw usageError(error)
  }
  const values = parsed.values as Record<string, string[] | boolean>
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  const inputs: Record<string, string | undefined> = {}
  for (const name of INPUT_FLAGS) {
    const given = values[name] as string[] | undefined
    if (!given) continue
    // Only --job-id adds up; any other flag given twice is a mistake.
    if (given.length > 1 && name !== 'job-id')
      throw new UsageError(`option --${name} is given ${given.length} times`)
    inputs[name] = given.join(',')
  }
  inputs['api-key'] ??= env.MILVUS_API_KEY || env.ZILLIZ_API_KEY || undefined
  return {
    kind: 'run',
    inputs,
    verbose: Boolean(values.verbose),
    outputs: Boolean(values.outputs),
    json: Boolean(values.json)
  }
}

/** Runs the command line; resolves to the exit status. */
async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.length === 0) {
    process.stderr.write(USAGE)
    return 2
  }
  let command: Command
  try {
    command = parseCommand(argv, env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(
      `error: ${error.message}. Run ${NAME} --help for usage.\n`
    )
    return 2
  }
  if (command.kind === 'help') {
    process.stdout.write(USAGE)
    return 0
  }
  if (command.kind === 'version') {
    process.stdout.write(`${VERSION}\n`)
    return 0
  }

  const { inputs, verbose, outputs, json } = command
  const runner = new TerminalRunner({
    // The markdown summary is for GitHub; the text one is printed below.
    inputs: { summary: 'false', ...inputs },
    verbose,
    quiet: json
  })

  const result = await run({
    runner,
    // Ctrl-C stops the wait and reports what is known; the import goes on.
    signal: abortOnSignals(),
    // Printed before the verdict, so the last line says how it ended.
    onResult: async (r) => {
      if (!json) {
        runner.info('')
        runner.writeText(
          renderTextSummary(
            r,
            process.stdout.isTTY ? process.stdout.columns : undefined
          )
        )
        runner.info('')
      }
    }
  })
  if (json) runner.printJson()
  else if (outputs) runner.printOutputs()
  // No result: the inputs were wrong, which is a usage error here.
  if (!result) return 2
  return process.exitCode === 1 ? 1 : 0
}

main(process.argv.slice(2), process.env).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    process.stderr.write(`error: ${(error as Error).message ?? error}\n`)
    process.exitCode = 1
  }
)
