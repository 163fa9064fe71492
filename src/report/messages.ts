/**
 * Every sentence a user reads about how a wait ended is written here, from
 * the data the wait and the start steps return. No other layer composes or
 * parses these sentences.
 */
import type { ImportJob } from '../clients/job.js'
import { formatDuration } from '../duration.js'
import type { Config } from '../inputs.js'
import {
  ActionError,
  errorMessage,
  InputError,
  inputSentence,
  type InputNaming
} from '../errors.js'
import { cap, oneLine } from '../text/escape.js'
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
  if (job.state === 'Completed' && job.reason) {
    return `Import job ${job.jobId} reports Completed but also a failure reason, so it is not counted as a success: ${cap(oneLine(job.reason))}`
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
      : job.state === 'ImportFailed'
        ? // Milvus 2.4+ maps Uncommitted, Committing and None to ImportFailed.
          'the server gave no reason. Over gRPC, Milvus 2.4+ also reports a job that waits for a commit (created with auto_commit=false) as ImportFailed; check its state with api: v2'
        : 'the server gave no reason')
  return `Import job ${job.jobId} ${job.state === 'Failed' ? 'failed' : `ended ${job.state}`}: ${cap(oneLine(reason))}`
}

/**
 * The one line for an error, inputs spelled as the front end names them
 * (`Input "timeout"` in a workflow, `--timeout` on a command line).
 */
export function errorLine(
  error: unknown,
  naming: InputNaming = 'workflow'
): string {
  return error instanceof InputError
    ? inputSentence(error.inputs, error.problem, naming)
    : errorMessage(error)
}

/** The per-job reason of a wait that ended without the server's verdict. */
function endingReason(ending: Ending, job?: ImportJob): string {
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

/**
 * One line on why a job did not succeed (undefined on success), from how
 * its wait ended or from the job the server reported.
 */
export function jobReason(result: JobResult): string | undefined {
  if (result.ending) return endingReason(result.ending, result.job)
  if (result.outcome === 'failed' && result.job)
    return failureReason(result.job)
  return undefined
}

/** The reason of a run that ended before any job result could be had. */
export function fatalReason(
  ending: Ending,
  timeoutMs: number,
  naming: InputNaming = 'workflow'
): string {
  switch (ending.kind) {
    case 'cancelled':
      return 'The step was cancelled before any job was read.'
    case 'timeout':
      return `Timed out after ${formatDuration(timeoutMs)}: ${errorMessage(ending.lastError)}`
    case 'error':
      return ending.error instanceof ActionError
        ? errorLine(ending.error, naming)
        : `Unexpected error: ${errorMessage(ending.error)}`
  }
}

/** The overall one-line reason of a run that did not succeed. */
export function overallReason(
  outcome: Outcome,
  jobs: JobResult[],
  timeoutMs: number
): string {
  const bad = jobs
    .filter((j) => j.outcome === outcome)
    .map((j) => ({ ...j, reason: jobReason(j) ?? '' }))
    .filter((j) => j.reason)
  if (outcome === 'success' || bad.length === 0) return ''
  if (outcome === 'timeout') {
    const head = `Timed out after ${formatDuration(timeoutMs)}`
    const lines = bad.map(
      (j) =>
        `${j.jobId}: ${timeoutDetail(j.job, j.ending?.kind === 'timeout' ? j.ending.lastError : undefined)}`
    )
    return `${head} waiting for ${someOf(lines)}. The import goes on on the server; raise timeout to wait longer.`
  }
  if (bad.length === 1 && jobs.length === 1) return bad[0].reason
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
  return `${bad.length} of ${jobs.length} import jobs ${what}: ${someOf(bad.map((j) => j.reason))}`
}

/** The first line of the wait: what, where, how often and how long. */
export function waitingLine(
  ids: string[],
  apiName: string,
  { endpoint, pollIntervalMs, timeoutMs }: Config
): string {
  return `Waiting for import job${ids.length > 1 ? 's' : ''} ${ids.join(', ')} on ${apiName} (${new URL(endpoint).host}), every ${formatDuration(pollIntervalMs)}, for up to ${formatDuration(timeoutMs)}.`
}

/** The warning for a key sent in clear text to a host off this machine. */
export const plainTextKeyLine = (url: URL) =>
  `api-key is sent over plain ${url.protocol.replace(':', '')} to ${url.host}; anyone on the network path can read it. Use https:// (or grpcs://) if the server supports it.`

/** The last line of a run that succeeded. */
export function successLine(rows: bigint | undefined, elapsedMs: number) {
  return `Import completed${rows === undefined ? '' : `: ${formatCount(rows)} rows`} in ${formatDuration(elapsedMs)}.`
}

// commit: gated. How it ended, and the lines it logs on the way.

/** What an abort of one job came to: error is set when it failed. */
export interface AbortNote {
  job: JobResult
  error?: unknown
}

/** How the gated flow ended, when that decides the step's outcome. */
export type GateEnding =
  /** Cancelled or timed out before every job was ready; open ones aborted. */
  | {
      kind: 'held'
      outcome: 'cancelled' | 'timeout'
      notes: AbortNote[]
      timeoutMs: number
    }
  /** The gates failed and at least one abort failed too. */
  | { kind: 'abort-failed'; gate: string; notes: AbortNote[] }
  /**
   * The gates failed and every abort was accepted; pending: not yet Failed;
   * committed: Committing or Completed all the same (committed meanwhile).
   */
  | {
      kind: 'aborted'
      gate: string
      ids: string[]
      pending: string[]
      committed: string[]
    }
  | { kind: 'commit-refused'; refused: { jobId: string; error: unknown }[] }
  /** Committed, but still Committing when the step ended. */
  | { kind: 'committing'; outcome: 'cancelled' | 'timeout'; ids: string[] }

const jobWord = (ids: string[]) =>
  `import job${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`

/** Lowers the first letter, to run a gate's sentence on after a colon. */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)

/** What became of one job's abort; job is as read after a refused one. */
function abortNote({ job, error }: AbortNote): string {
  if (error === undefined)
    return 'aborted it, so its data was discarded and never became visible'
  const failed = `the abort failed (${noStop(errorMessage(error))})`
  const state = job.job?.state
  if (state === 'Committing' || state === 'Completed')
    return `${failed}, and it is ${state} now: it was committed, so its data is visible`
  if (state === 'Failed')
    return `${failed}, and it is Failed now, so its data never became visible`
  return `${failed}; it was never committed, so its data stays invisible: abort it with POST /v2/vectordb/jobs/import/abort`
}

const saidOf = (notes: AbortNote[]) =>
  notes.map((n) => `${n.job.jobId} (${lastSeen(n.job.job)}): ${abortNote(n)}`)

/** The reason of a gated flow that decided the outcome. */
export function gateReason(ending: GateEnding): string {
  switch (ending.kind) {
    case 'held':
      return ending.outcome === 'cancelled'
        ? `The step was cancelled before the import was committed; ${saidOf(ending.notes).join('; ')}.`
        : `Timed out after ${formatDuration(ending.timeoutMs)} before the import was ready to commit; ${saidOf(ending.notes).join('; ')}. Raise timeout to wait longer.`
    case 'abort-failed': {
      const ids = ending.notes.map((n) => n.job.jobId)
      return `The gates failed: ${lowerFirst(ending.gate)} Not committing ${jobWord(ids)}; ${ending.notes.map(abortNote).join('; ')}.`
    }
    case 'aborted': {
      const { committed, pending } = ending
      if (committed.length)
        return `The gates failed: ${lowerFirst(ending.gate)} The abort of ${jobWord(committed)} was accepted, but ${committed.length > 1 ? 'they are' : 'it is'} committed now (Committing or Completed), so ${committed.length > 1 ? 'their' : 'its'} data is visible although the gates failed: check the collection, and delete the imported rows if they must not be served.`
      return `Aborted ${jobWord(ending.ids)}: ${lowerFirst(ending.gate)} The data was discarded and never became visible.${pending.length ? ` (${jobWord(pending)} had not yet reported Failed when the step ended.)` : ''}`
    }
    case 'commit-refused': {
      const refused = ending.refused.map(
        (r) => `${r.jobId}: ${errorMessage(r.error)}`
      )
      return `Could not commit ${refused.join('; ')} Its data stays invisible until it is committed: commit it with POST /v2/vectordb/jobs/import/commit, or abort it.`
    }
    case 'committing': {
      const which = `${jobWord(ending.ids)} ${ending.ids.length > 1 ? 'were' : 'was'} Committing`
      const left =
        'the commit was accepted, so it is left to finish, and its data becomes visible when it completes'
      return ending.outcome === 'cancelled'
        ? `The step was cancelled while ${which}: ${left}.`
        : `Timed out while ${which}: ${left}.`
    }
  }
}

/** The log line of the gates' verdict on jobs ready to commit. */
export function gateVerdictLine(gate: string | undefined, ids: string[]) {
  return gate
    ? `The gates failed: ${gate} Aborting ${jobWord(ids)}.`
    : `The gates passed: committing ${jobWord(ids)}.`
}

export const committedLine = (ids: string[]) =>
  `Committed ${jobWord(ids)}; waiting for Completed.`

export const abortedLine = (jobId: string) => `Aborted import job ${jobId}.`

/** The warning for a job that completed with no commit to hold it back. */
export const committedWithoutHoldLine = (jobId: string) =>
  `Import job ${jobId} completed without a commit: it was not created with auto_commit=false, so commit: gated could not hold its data back.`

/** The warning when a failed or unreadable job stops the commit. */
export const notCommittingLine = (notes: AbortNote[]) =>
  `Not committing the import: ${saidOf(notes).join('; ')}.`
