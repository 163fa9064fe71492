import type { ImportJob } from '../clients/job.js'

/** How a job's wait ended. */
export type Outcome = 'success' | 'failed' | 'timeout' | 'cancelled' | 'error'

/**
 * Reads one snapshot: 'poll' to keep waiting, or the outcome it settles.
 * Success needs the server's own Completed; nothing else (progress 100, a
 * completeTime, an unknown state) ever counts as success.
 */
export function verdict(job: ImportJob): 'poll' | 'success' | 'failed' {
  switch (job.status) {
    case 'completed':
      return job.state === 'Completed' ? 'success' : 'failed'
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
