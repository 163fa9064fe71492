import type { Clock } from '../clock.js'
import type { ImportApi } from '../clients/client.js'
import type { ImportJob } from '../clients/job.js'
import { MalformedResponseError, type ActionError } from '../errors.js'
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  MIN_REQUEST_MS,
  withRetry,
  type RetryPolicy
} from '../retry.js'
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
/** The least time left for the last poll before the deadline. */
const LAST_POLL_MS = 250
// Timers fire late, never early: the last poll is planned this much ahead,
// so that it still finds its time left when it wakes.
const TIMER_SLACK_MS = 100

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
  // Whether the poll just made was the last that fits before the deadline.
  let last = false
  // The time a request is given near the deadline: twice the slowest answer
  // so far, within LAST_POLL_MS and MIN_REQUEST_MS; a full MIN_REQUEST_MS
  // until an answer was timed.
  let slowestMs: number | undefined
  const needMs = () =>
    slowestMs === undefined
      ? MIN_REQUEST_MS
      : Math.min(MIN_REQUEST_MS, Math.max(LAST_POLL_MS, 2 * slowestMs))
  const policy: RetryPolicy = {
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
    minRequestMs: MIN_REQUEST_MS,
    random: options.random,
    onRetry: (error: ActionError, delayMs: number) =>
      options.onRetry?.(jobId, error, delayMs)
  }
  const end = (outcome: Outcome): JobResult => ({ jobId, outcome, job, polls })
  const stop = (ending: Ending): JobResult => ({ ...end(ending.kind), ending })
  // With no time left for a request the wait still ends when the timeout
  // says, not at the last poll.
  const stopAtDeadline = async (ending: Ending): Promise<JobResult> => {
    await clock.sleep(options.deadline - clock.now(), signal)
    return stop(signal?.aborted ? { kind: 'cancelled' } : ending)
  }

  for (;;) {
    try {
      job = await withRetry(async (timeoutMs) => {
        // With many jobs the next free request slot may lie past the deadline.
        if (
          options.limiter &&
          !(await options.limiter.acquire(
            signal,
            options.deadline - (policy.minRequestMs ?? 0)
          ))
        )
          throw new NoSlotError('no request slot before the deadline')
        // A wait for a slot must not carry the request past the deadline.
        const startedAt = clock.now()
        const read = await api.getJob(jobId, {
          timeoutMs: Math.min(timeoutMs, options.deadline - startedAt),
          signal
        })
        slowestMs = Math.max(slowestMs ?? 0, clock.now() - startedAt)
        checkCollection(read, options.collectionName, api.name)
        return read
      }, policy)
    } catch (error) {
      const ending = outcomeOf(error, signal)
      return ending.kind === 'timeout' ? stopAtDeadline(ending) : stop(ending)
    }
    polls++
    options.onPoll?.(job)
    const settled = verdict(job)
    if (settled === 'success') return end('success')
    if (settled === 'failed') return end('failed')
    const left = options.deadline - clock.now()
    if (left <= 0) return stop({ kind: 'timeout' })
    // When the next poll would come too late to finish, the last one goes
    // out as late as it still can; after it, or with no time for one, the
    // wait ends at the deadline.
    policy.minRequestMs = needMs()
    const spare = left - policy.minRequestMs - TIMER_SLACK_MS
    if (last || spare <= 0) return stopAtDeadline({ kind: 'timeout' })
    const delay = pollDelay(polls, options.intervalMs)
    last = delay >= spare
    await clock.sleep(Math.min(delay, spare), signal)
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
