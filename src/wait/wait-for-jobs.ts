import type { Clock } from '../clock.js'
import type { ImportApi } from '../clients/client.js'
import type { ImportJob } from '../clients/job.js'
import { MalformedResponseError, type ActionError } from '../errors.js'
import { DEFAULT_REQUEST_TIMEOUT_MS, withRetry } from '../retry.js'
import { RateLimiter } from './rate-limit.js'
import {
  NoSlotError,
  outcomeOf,
  verdict,
  type Ending,
  type Outcome
} from './verdict.js'

/** How one job's wait ended, with the last snapshot read. */
export interface JobResult {
  jobId: string
  outcome: Outcome
  /** The last snapshot read, if any poll succeeded. */
  job?: ImportJob
  /**
   * Why the wait stopped without the server's verdict, as data; unset when
   * the server's own state ended it (report/messages words either).
   */
  ending?: Ending
  polls: number
}

/** Frozen options of one wait. */
export interface WaitOptions {
  clock: Clock
  intervalMs: number
  /** Epoch ms when waiting stops. */
  deadline: number
  signal?: AbortSignal
  limiter?: RateLimiter
  /** Transient failures in a row before giving up. */
  maxFailures?: number
  /** The collection the jobs must belong to (collection-name), if given. */
  collectionName?: string
  requestTimeoutMs?: number
  random?: () => number
  /** Called after every successful poll. */
  onPoll?: (job: ImportJob) => void
  /** Called when a job's wait ends, whatever the outcome. */
  onEnd?: (result: JobResult) => void
  /** Called before each retry of a transient failure. */
  onRetry?: (jobId: string, error: ActionError, delayMs: number) => void
}

export const MAX_CONSECUTIVE_FAILURES = 10

/**
 * The delay before poll n+1: quick at first, so jobs that are nearly done
 * when the step starts are seen soon, then the user's interval.
 */
export function pollDelay(polls: number, intervalMs: number): number {
  const ramp = Math.max(1000, intervalMs / 4) * 2 ** Math.max(0, polls - 1)
  return Math.min(intervalMs, ramp)
}

/**
 * An answer that puts the job in another collection than collection-name
 * is about someone else's data: unreadable, never progress.
 */
function checkCollection(
  job: ImportJob,
  expected: string | undefined,
  apiName: string
): void {
  const said = job.collectionName
  if (!expected || said === undefined || said === '' || said === expected)
    return
  throw new MalformedResponseError(
    `${apiName} answered that import job ${job.jobId} belongs to collection ${JSON.stringify(said.slice(0, 80))}, not to collection-name ${JSON.stringify(expected)}, so the answer is not trusted. Check job-id and collection-name.`
  )
}

/** Polls one job until it ends, the deadline passes or the step is cancelled. */
export async function waitForJob(
  api: ImportApi,
  jobId: string,
  options: WaitOptions
): Promise<JobResult> {
  const { clock, signal } = options
  let job: ImportJob | undefined
  let polls = 0
  const policy = {
    clock,
    signal,
    deadline: options.deadline,
    maxDelayMs: options.intervalMs,
    maxFailures: options.maxFailures ?? MAX_CONSECUTIVE_FAILURES,
    // A hung request is given up after three intervals (10-30 s), so a fast
    // poller does not sit 30 s on one dead connection.
    requestTimeoutMs:
      options.requestTimeoutMs ??
      Math.min(
        DEFAULT_REQUEST_TIMEOUT_MS,
        Math.max(10_000, 3 * options.intervalMs)
      ),
    random: options.random,
    onRetry: (error: ActionError, delayMs: number) =>
      options.onRetry?.(jobId, error, delayMs)
  }
  const end = (outcome: Outcome): JobResult => ({ jobId, outcome, job, polls })
  const stop = (ending: Ending): JobResult => ({ ...end(ending.kind), ending })

  for (;;) {
    try {
      job = await withRetry(async (timeoutMs) => {
        // With many jobs the next free request slot may lie past the deadline.
        if (
          options.limiter &&
          !(await options.limiter.acquire(signal, options.deadline))
        )
          throw new NoSlotError('no request slot before the deadline')
        const read = await api.getJob(jobId, { timeoutMs, signal })
        checkCollection(read, options.collectionName, api.name)
        return read
      }, policy)
    } catch (error) {
      return stop(outcomeOf(error, signal))
    }
    polls++
    options.onPoll?.(job)
    const settled = verdict(job)
    if (settled === 'success') return end('success')
    if (settled === 'failed') return end('failed')
    const left = options.deadline - clock.now()
    if (left <= 0) return stop({ kind: 'timeout' })
    await clock.sleep(
      Math.min(pollDelay(polls, options.intervalMs), left),
      signal
    )
    if (signal?.aborted) return stop({ kind: 'cancelled' })
  }
}

/** Waits for several jobs at once; each stops as soon as it ends. */
export async function waitForJobs(
  api: ImportApi,
  jobIds: string[],
  options: WaitOptions
): Promise<JobResult[]> {
  return Promise.all(
    jobIds.map(async (id) => {
      const result = await waitForJob(api, id, options)
      options.onEnd?.(result)
      return result
    })
  )
}
