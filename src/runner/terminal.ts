import { randomUUID } from 'node:crypto'
import type { JobStatus } from '../clients/job.js'
import type { StatusView } from '../report/status-line.js'
import { redact } from '../secrets.js'
import { paint, type Colour } from './colour.js'
import type { AnnotationProps, Runner } from './runner.js'

/** How a TerminalRunner is set up, from the command line. */
export interface TerminalOptions {
  /** Input values by action.yml name; unset inputs are absent. */
  inputs: Record<string, string | undefined>
  /** Print debug lines. */
  verbose?: boolean
  /**
   * Keep stdout for machine-readable output: every log line goes to stderr
   * (used by --json).
   */
  quiet?: boolean
  /** stdout is a terminal: progress is one status line redrawn in place. */
  tty?: boolean
  /** Terminal width, so the status line never wraps (wrapping breaks \r). */
  columns?: number
  /** Whether each stream gets colour (see useColour). */
  colour?: { stdout?: boolean; stderr?: boolean }
  stdout?: (text: string) => void
  stderr?: (text: string) => void
}

// Back to column 0 and erase the line: the status line is redrawn there.
const CLEAR_LINE = '\r\u001b[2K'

const STATE_COLOUR: Record<JobStatus, Colour> = {
  running: 'cyan',
  completed: 'green',
  failed: 'red',
  uncommitted: 'red',
  unknown: 'yellow'
}

// Server text could carry terminal escape sequences (colours, cursor moves,
// title changes); a log line must not be able to drive the terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** Puts an annotation's title before its message, unless it says it already. */
function titled(message: string, { title }: AnnotationProps): string {
  return title && !message.includes(title) ? `${title}: ${message}` : message
}

// These outputs hold JSON text; --json nests them as values.
const JSON_OUTPUTS = new Set(['details', 'jobs'])

/**
 * A Runner for terminals and other CI systems: log lines to stdout,
 * warnings and errors to stderr, outputs collected for the caller to print.
 */
export class TerminalRunner implements Runner {
  /** Every output the run set, by name. */
  readonly outputs: Record<string, string> = {}
  readonly inputNaming = 'flags'
  private readonly out: (text: string) => void
  private readonly err: (text: string) => void
  /** The status line on screen, as drawn; '' when there is none. */
  private status = ''

  constructor(private readonly options: TerminalOptions) {
    this.out = options.stdout ?? ((t) => void process.stdout.write(t))
    this.err = options.stderr ?? ((t) => void process.stderr.write(t))
  }

  /** Prints one line above the status line, which is then redrawn. */
  private line(
    write: (text: string) => void,
    text: string,
    prefix?: { label: string; colour: Colour }
  ): void {
    const clean = redact(text).replace(CONTROL, '?')
    const coloured =
      this.options.colour?.[write === this.out ? 'stdout' : 'stderr'] ?? false
    const head = prefix
      ? `${paint(coloured, prefix.colour, prefix.label)} `
      : ''
    if (this.status) this.out(CLEAR_LINE)
    write(`${head}${clean}\n`)
    if (this.status) this.out(this.status)
  }

  /**
   * Shows the run's progress: on a terminal, one line redrawn in place;
   * otherwise nothing, since the progress log lines already say it.
   */
  showStatus(view: StatusView): void {
    if (!this.options.tty || this.options.quiet) return
    const width = Math.max(20, (this.options.columns || 80) - 1)
    // Cut the plain text to the width first, then colour it.
    const state = redact(view.state).replace(CONTROL, '?').slice(0, width)
    const detail = redact(view.detail)
      .replace(CONTROL, '?')
      .slice(0, Math.max(0, width - state.length - 1))
    const on = this.options.colour?.stdout ?? false
    this.status = `${paint(on, STATE_COLOUR[view.status], state)}${detail ? ` ${paint(on, 'dim', detail)}` : ''}`
    this.out(`${CLEAR_LINE}${this.status}`)
  }

  /** Leaves the last status line on screen and stops redrawing it. */
  endStatus(): void {
    if (!this.status) return
    this.status = ''
    this.out('\n')
  }

  private log(text: string): void {
    this.line(this.options.quiet ? this.err : this.out, text)
  }

  getInput(name: string): string {
    return (this.options.inputs[name] ?? '').trim()
  }

  // Nothing to tell: redact() already knows the secrets run() remembered.
  setSecret(): void {}

  info(message: string): void {
    this.log(message)
  }

  debug(message: string): void {
    if (this.options.verbose) this.line(this.err, `debug: ${message}`)
  }

  warning(message: string, props: AnnotationProps = {}): void {
    this.line(this.err, titled(message, props), {
      label: 'warning:',
      colour: 'yellow'
    })
  }

  error(message: string, props: AnnotationProps = {}): void {
    this.line(this.err, titled(message, props), {
      label: 'error:',
      colour: 'red'
    })
  }

  startGroup(name: string): void {
    this.log(`== ${name}`)
  }

  endGroup(): void {}

  setOutput(name: string, value: string): void {
    this.outputs[name] = redact(value)
  }

  // The markdown summary is for GitHub; terminals get writeText() instead.
  writeSummary(): boolean {
    return true
  }

  writeText(text: string): void {
    for (const line of text.split('\n')) this.log(line)
  }

  setFailed(message: string): void {
    process.exitCode = 1
    this.error(message)
  }

  /**
   * Prints the outputs as name=value lines, on stdout. A value of several
   * lines is written as GitHub's output file takes it (name<<delimiter, the
   * lines, delimiter), so that no line of server text reads as an output.
   */
  printOutputs(): void {
    for (const [name, value] of Object.entries(this.outputs)) {
      if (!/[\r\n]/.test(value)) {
        this.line(this.out, `${name}=${value}`)
        continue
      }
      const delimiter = `ghadelimiter_${randomUUID()}`
      this.line(this.out, `${name}<<${delimiter}`)
      for (const line of value.split(/\r\n|\r|\n/)) this.line(this.out, line)
      this.line(this.out, delimiter)
    }
  }

  /** Prints the outputs as one JSON object on stdout, details and jobs nested. */
  printJson(): void {
    const values = Object.fromEntries(
      Object.entries(this.outputs).map(([name, value]) => {
        if (!JSON_OUTPUTS.has(name)) return [name, value]
        try {
          return [name, JSON.parse(value) as unknown]
        } catch {
          return [name, value]
        }
      })
    )
    this.out(`${JSON.stringify(values)}\n`)
  }
}
