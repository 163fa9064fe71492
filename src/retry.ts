import type { Clock } from './clock.js'
import { ActionError, CancelledError, errorMessage } from './errors.js'

/** One retry policy for every API and call. */
export interface RetryPolicy {
  clock: Clock
  /** Backoff never exceeds this (the poll interval). */
  maxDelayMs: number
  /** Epoch ms past which no attempt starts and no sleep runs. */
  deadline: number
  /** Give up after this many transient failures in a row. */
  maxFailures: number
  /** The longest a single request may take. */
  requestTimeoutMs: number
  /** The least time a request needs; with less left none starts. */
  minRequestMs?: number
  signal?: AbortSignal
  random?: () => number
  onRetry?: (error: ActionError, delayMs: number, failures: number) => void
}

/** The deadline passed while a call kept failing transiently. */
export class DeadlineError extends ActionError {
  override name = 'DeadlineError'
  constructor(readonly lastError: ActionError) {
    super(lastError.message)
  }
}

/** Too little time was left before the deadline to start another request. */
export class NoTimeLeftError extends DeadlineError {
  override name = 'NoTimeLeftError'
  constructor() {
    super(new ActionError('too little time was left for another request'))
  }
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
const BASE_DELAY_MS = 500
const MIN_DELAY_MS = 100
/** A request needs at least this long; with less left, none is started. */
export const MIN_REQUEST_MS = 1000

/**
 * The time limit of a request that starts now: it ends by the deadline.
 * Undefined when too little time is left for a request to finish.
 */
export function requestTimeout(policy: RetryPolicy): number | undefined {
  const left = policy.deadline - policy.clock.now()
  if (left < (policy.minRequestMs ?? MIN_REQUEST_MS)) return undefined
  return Math.min(policy.requestTimeoutMs, left)
}

/** Full-jitter exponential backoff, capped by maxDelayMs. */
export function backoff(
  failures: number,
  maxDelayMs: number,
  random: () => number = Math.random
): number {
  const cap = Math.min(
    maxDelayMs,
    BASE_DELAY_MS * 2 ** Math.min(failures - 1, 20)
  )
  return Math.max(MIN_DELAY_MS, Math.round(random() * cap))
}

/**
 * Runs call until it succeeds, retrying transient errors with backoff (or the
 * server's Retry-After) within the deadline and the error budget. A permanent
 * error is thrown at once; an exhausted budget throws the last error; a
 * passed deadline throws DeadlineError.
 */
export async function withRetry<T>(
  call: (timeoutMs: number) => Promise<T>,
  policy: RetryPolicy
): Promise<T> {
  let failures = 0
  let lastError: ActionError | undefined
  for (;;) {
    if (policy.signal?.aborted) throw new CancelledError('Cancelled.')
    const timeoutMs = requestTimeout(policy)
    // A request that cannot finish before the deadline is not started; the
    // failure that came before says why the wait ends.
    if (timeoutMs === undefined)
      throw lastError ? new DeadlineError(lastError) : new NoTimeLeftError()
    try {
      return await call(timeoutMs)
    } catch (error) {
      if (policy.signal?.aborted) throw new CancelledError('Cancelled.')
      if (!(error instanceof ActionError)) {
        throw new ActionError(`Unexpected error: ${errorMessage(error)}`, {
          cause: error
        })
      }
      if (!error.transient) throw error
      lastError = error
      failures++
      if (failures >= policy.maxFailures) {
        throw new ActionError(
          `${error.message.replace(/\.?$/, '.')} Gave up after ${failures} failed tries in a row.`,
          { cause: error }
        )
      }
      const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs
      const wanted =
        retryAfter !== undefined
          ? retryAfter
          : backoff(failures, policy.maxDelayMs, policy.random)
      const left = policy.deadline - policy.clock.now()
      if (left <= 0 || wanted > left) {
        // Sleeping past the deadline helps no one; report where we stand.
        if (left > 0) await policy.clock.sleep(left, policy.signal)
        throw new DeadlineError(error)
      }
      policy.onRetry?.(error, wanted, failures)
      await policy.clock.sleep(wanted, policy.signal)
    }
  }
}
