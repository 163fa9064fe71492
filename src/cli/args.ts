/**
 * Reads the command line: the action's inputs as --flags of the same names,
 * plus the output switches.
 */
import { parseArgs } from 'node:util'
import { INPUT_NAMES } from '../inputs.js'
import { START_INPUT_NAMES } from '../start/inputs.js'

// Inputs that only make sense on GitHub: the markdown summary and the PR
// comment (the command line prints a text summary instead).
const GITHUB_ONLY = new Set<string>([
  'summary',
  'comment-on-pr',
  'github-token'
])

/** The action inputs the command line takes, as --flags of the same name. */
const INPUT_FLAGS = [
  ...new Set<string>([...INPUT_NAMES, ...START_INPUT_NAMES])
].filter((name) => !GITHUB_ONLY.has(name))

// Each --files, --object-url or --import-options is one line of its input.
const LINE_FLAGS = new Set(['files', 'object-url', 'import-options'])

// true/false inputs that may also be given bare: --allow-partial.
const SWITCHES = new Set(['--fail-on-timeout', '--allow-partial'])
const BOOLEAN_VALUE = /^(true|false)$/i

/** A mistake on the command line: one line, exit status 2. */
export class UsageError extends Error {}

/** What the command line asks for. */
export type Command =
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
      if (/argument missing/.test(message))
        return new UsageError(`option ${flag} needs a value`)
      // A value that starts with "-" reads as the next option.
      if (/ambiguous/.test(message))
        return new UsageError(
          `option ${flag} needs a value; write ${flag}=VALUE for one that starts with "-"`
        )
      return new UsageError(`option ${flag} takes no value`)
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(
        `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}: every value follows its --flag`
      )
    default:
      return new UsageError(message.split('\n')[0])
  }
}

/** Reads argv into a Command; throws UsageError. */
export function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command {
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
        version: { type: 'boolean', short: 'V' }
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
    if (given.length > 1 && name !== 'job-id' && !LINE_FLAGS.has(name))
      throw new UsageError(`option --${name} is given ${given.length} times`)
    inputs[name] = given.join(LINE_FLAGS.has(name) ? '\n' : ',')
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
