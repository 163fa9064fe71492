/**
 * Every sentence a user reads about how a wait ended is written here, from
 * the data the wait and the start steps return. No other layer composes or
 * parses these sentences.
 */
import type { ImportJob } from '../clients/job.js'
import { formatDuration } from '../duration.js'
import { ActionError, errorMessage } from '../errors.js'
import { cap, oneLine } from '../runner/escape.js'
import type { Ending, Outcome } from '../wait/verdict.js'
import type { JobResult } from '../wait/wait-for-jobs.js'
import { formatCount } from './format.js'

// Past this many jobs, a reason names the first few and counts the rest.
const REASON_JOBS = 5

/** Joins the first few items with "; " and counts the rest. */
function someOf(items: string[]): string {
  const shown = items.slice(0, REASON_JOBS).join('; ')
  const more = items.length - REASON_JOBS
  return more > 0 ? `${shown}; and ${more} more (see the jobs output)` : shown
}

/** Describes a job that is not finished, for timeout and cancel messages. */
export function lastSeen(job: ImportJob | undefined): string {
  return job
    ? `it was ${job.state} at ${job.progress}%`
    : 'no progress was read'
}

const noStop = (text: string) => (text.endsWith('.') ? text.slice(0, -1) : text)

/** What was last known of a job that timed out, without a final period. */
function timeoutDetail(job: ImportJob | undefined, lastError?: unknown) {
  const seen = lastSeen(job)
  return lastError === undefined
    ? seen
    : `${seen}, and the last poll failed: ${noStop(errorMessage(lastError))}`
}

/** The one-line reason of a job that ended without success. */
export function failureReason(job: ImportJob): string {
  if (job.status === 'uncommitted') {
    return `Import job ${job.jobId} is Uncommitted: it was created with auto_commit=false and waits for a commit. Set commit: gated to commit it once it passes the gates, or call /v2/vectordb/jobs/import/commit (or abort) yourself.`
  }
  const fileReasons = job.files
    .filter((f) => f.reason)
    .map((f) => `${f.fileName}: ${f.reason}`)
  // The reason becomes an output and an error line: one line, capped.
  const reason =
    job.reason ||
    fileReasons[0] ||
    (job.state === 'None'
      ? 'the server reports state None (unknown import job state)'
      : 'the server gave no reason')
  return `Import job ${job.jobId} ${job.state === 'Failed' ? 'failed' : `ended ${job.state}`}: ${cap(oneLine(reason))}`
}

/** The per-job reason of a wait that ended without the server's verdict. */
export function endingReason(ending: Ending, job?: ImportJob): string {
  switch (ending.kind) {
    case 'cancelled':
      return `The step was cancelled; ${lastSeen(job)}.`
    case 'timeout':
      return ending.lastError === undefined
        ? `Timed out; ${lastSeen(job)}.`
        : `Timed out; ${lastSeen(job)}, and the last poll failed: ${errorMessage(ending.lastError)}`
    case 'error':
      return errorMessage(ending.error)
  }
}

/** The reason of a run that ended before any job result could be had. */
export function fatalReason(ending: Ending, timeoutMs: number): string {
  switch (ending.kind) {
    case 'cancelled':
      return 'The step was cancelled before any job was read.'
    case 'timeout':
      return `Timed out after ${formatDuration(timeoutMs)}: ${errorMessage(ending.lastError)}`
    case 'error':
      return ending.error instanceof ActionError
        ? errorMessage(ending.error)
        : `Unexpected error: ${errorMessage(ending.error)}`
  }
}

/** The overall one-line reason of a run that did not succeed. */
export function overallReason(
  outcome: Outcome,
  jobs: JobResult[],
  timeoutMs: number
): string {
  const bad = jobs.filter((j) => j.outcome === outcome && j.reason)
  if (outcome === 'success' || bad.length === 0) return ''
  if (outcome === 'timeout') {
    const head = `Timed out after ${formatDuration(timeoutMs)}`
    const lines = bad.map(
      (j) =>
        `${j.jobId}: ${timeoutDetail(j.job, j.ending?.kind === 'timeout' ? j.ending.lastError : undefined)}`
    )
    return `${head} waiting for ${someOf(lines)}. The import goes on on the server; raise timeout to wait longer.`
  }
  if (bad.length === 1 && jobs.length === 1) return bad[0].reason ?? ''
  if (outcome === 'cancelled') {
    const seen = bad.map((j) => `${j.jobId} ${lastSeen(j.job)}`)
    return `The step was cancelled while waiting for ${bad.length} of ${jobs.length} import jobs (${someOf(seen)}). The imports go on on the server.`
  }
  const what =
    outcome === 'failed'
      ? 'failed'
      : outcome === 'error'
        ? 'could not be checked'
        : outcome
  return `${bad.length} of ${jobs.length} import jobs ${what}: ${someOf(bad.map((j) => j.reason ?? ''))}`
}

/** The last line of a run that succeeded. */
export function successLine(rows: bigint | undefined, elapsedMs: number) {
  return `Import completed${rows === undefined ? '' : `: ${formatCount(rows)} rows`} in ${formatDuration(elapsedMs)}.`
}
