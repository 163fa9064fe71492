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

/** A missing or malformed input. */
export class InputError extends ActionError {
  override name = 'InputError'
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
