import type { ImportJob } from '../clients/job.js'
import { ActionError, CancelledError } from '../errors.js'
import { DeadlineError, NoTimeLeftError } from '../retry.js'

/** How a job's wait ended. */
export type Outcome = 'success' | 'failed' | 'timeout' | 'cancelled' | 'error'

/**
 * Reads one snapshot: 'poll' to keep waiting, or the outcome it settles.
 * Success needs the server's own Completed; nothing else (progress 100, a
 * completeTime, an unknown state) ever counts as success, and a Completed
 * that also gives a failure reason contradicts itself, so it fails.
 */
export function verdict(job: ImportJob): 'poll' | 'success' | 'failed' {
  switch (job.status) {
    case 'completed':
      return job.state === 'Completed' && !job.reason ? 'success' : 'failed'
    case 'failed':
    case 'uncommitted':
      return 'failed'
    default:
      return 'poll'
  }
}

// Worst first: a failed import outranks an error, which outranks a timeout.
const SEVERITY: Outcome[] = [
  'failed',
  'error',
  'cancelled',
  'timeout',
  'success'
]

/** The worst of several outcomes (an empty list is an error, never success). */
export function worstOutcome(outcomes: Outcome[]): Outcome {
  if (outcomes.length === 0) return 'error'
  return SEVERITY.find((o) => outcomes.includes(o)) ?? 'error'
}

/** The rate limit left no request slot before the deadline. */
export class NoSlotError extends ActionError {
  override name = 'NoSlotError'
}

/** Why a wait ended without a verdict from the server, as data. */
export type Ending =
  | { kind: 'cancelled' }
  | { kind: 'timeout'; lastError?: ActionError }
  | { kind: 'error'; error: unknown }

/** Maps anything thrown while waiting to how the wait ended: the one place. */
export function outcomeOf(error: unknown, signal?: AbortSignal): Ending {
  if (error instanceof CancelledError || signal?.aborted)
    return { kind: 'cancelled' }
  if (error instanceof NoSlotError || error instanceof NoTimeLeftError)
    return { kind: 'timeout' }
  if (error instanceof DeadlineError)
    return { kind: 'timeout', lastError: error.lastError }
  return { kind: 'error', error }
}
