#!/usr/bin/env node
import { parseCommand, UsageError, type Command } from './cli/args.js'
import { NAME, USAGE } from './cli/usage.js'
import { run } from './main.js'
import { StatusLine } from './report/status-line.js'
import { renderTextSummary } from './report/text-summary.js'
import { useColour } from './runner/colour.js'
import { TerminalRunner } from './runner/terminal.js'
import { VERSION } from './version.js'
import { abortOnSignals } from './signals.js'

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
  const tty = Boolean(process.stdout.isTTY)
  const runner = new TerminalRunner({
    // The markdown summary is for GitHub; the text one is printed below.
    inputs: { summary: 'false', ...inputs },
    verbose,
    quiet: json,
    // --json keeps stdout for the JSON object alone: no status line, no colour.
    tty: tty && !json,
    columns: process.stdout.columns,
    colour: {
      stdout: !json && useColour(env, tty),
      stderr: useColour(env, process.stderr.isTTY)
    }
  })
  let status: StatusLine | undefined

  const result = await run({
    runner,
    // Ctrl-C stops the wait and reports what is known; the import goes on.
    signal: abortOnSignals(),
    onPoll: (job, jobCount) => {
      status ??= new StatusLine(jobCount)
      runner.showStatus(status.update(job, Date.now()))
    },
    // Printed before the verdict, so the last line says how it ended.
    onResult: async (r) => {
      runner.endStatus()
      if (!json) {
        runner.info('')
        runner.writeText(
          renderTextSummary(r, (tty && process.stdout.columns) || undefined)
        )
        runner.info('')
      }
    }
  })
  runner.endStatus()
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
