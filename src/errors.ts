/**
 * The action's error family. Every expected failure is an ActionError whose
 * message is one line that names the problem and the fix; main.ts turns it
 * into the single ::error:: line.
 */
export class ActionError extends Error {
  override name = 'ActionError'
  /** True when trying again later may succeed (network faults, 5xx, 429). */
  readonly transient: boolean = false
}

/** How inputs are named: `Input "timeout"` in a workflow, `--timeout` on a command line. */
export type InputNaming = 'workflow' | 'flags'

/**
 * A missing or malformed input. It names the inputs apart from the problem,
 * so each front end spells the names its own way (inputSentence). The
 * message is the workflow spelling.
 */
export class InputError extends ActionError {
  override name = 'InputError'
  constructor(
    /** The inputs at fault, by action.yml name; [] when none is to blame. */
    readonly inputs: readonly string[],
    /** The rest of the sentence, after the names. */
    readonly problem: string
  ) {
    super(inputSentence(inputs, problem, 'workflow'))
  }
}

/**
 * Writes `Input "a" <problem>` or `Inputs "a" and "b" <problem>` (workflow),
 * `--a <problem>` or `--a and --b <problem>` (flags). A problem that starts
 * with ":" follows the names without a space.
 */
export function inputSentence(
  inputs: readonly string[],
  problem: string,
  naming: InputNaming
): string {
  if (inputs.length === 0) return problem
  const names = inputs.map((n) => (naming === 'flags' ? `--${n}` : `"${n}"`))
  const list =
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  const subject =
    naming === 'flags' ? list : `Input${names.length > 1 ? 's' : ''} ${list}`
  return problem.startsWith(':')
    ? `${subject}${problem}`
    : `${subject} ${problem}`
}

/** A fault that may pass: network error, time-out, 5xx, 429, non-JSON page. */
export class TransientError extends ActionError {
  override name = 'TransientError'
  override readonly transient = true
  constructor(
    message: string,
    /** Milliseconds the server asked us to wait (Retry-After), if any. */
    readonly retryAfterMs?: number,
    options?: ErrorOptions
  ) {
    super(message, options)
  }
}

/** The server answered with an error that retrying will not fix. */
export class ApiError extends ActionError {
  override name = 'ApiError'
  constructor(
    message: string,
    readonly code?: number | string,
    readonly httpStatus?: number
  ) {
    super(message)
  }
}

/** The job ID is unknown to the server. */
export class JobNotFoundError extends ApiError {
  override name = 'JobNotFoundError'
}

/** The server answered with a body we cannot read. */
export class MalformedResponseError extends ActionError {
  override name = 'MalformedResponseError'
}

/** The step was cancelled (SIGINT/SIGTERM) while waiting. */
export class CancelledError extends ActionError {
  override name = 'CancelledError'
}

/** Returns a one-line message for anything thrown, never a stack trace. */
export function errorMessage(error: unknown): string {
  const text =
    error instanceof Error
      ? error.message || error.name
      : typeof error === 'string'
        ? error
        : 'unknown error'
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}
