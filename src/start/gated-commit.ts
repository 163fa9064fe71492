/**
 * commit: gated. A two-phase job waits in Uncommitted with its data
 * invisible; this module applies the gates to it, then commits it and waits
 * for Completed, or aborts it and waits for Failed. A job is committed only
 * after its gates passed, and never when the step is cancelled or times out.
 */
import type { ImportApi } from '../clients/client.js'
import type { ImportJob } from '../clients/job.js'
import { checkGates } from '../gates.js'
import { withRetry } from '../retry.js'
import type { Config } from '../inputs.js'
import {
  abortedLine,
  committedLine,
  committedWithoutHoldLine,
  gateVerdictLine,
  notCommittingLine,
  type AbortNote,
  type GateEnding
} from '../report/messages.js'
import { ProgressLog } from '../report/progress-log.js'
import type { Runner } from '../runner/runner.js'
import { holdExit } from '../signals.js'
import { RateLimiter } from '../wait/rate-limit.js'
import type { Outcome } from '../wait/verdict.js'
import { waitForJobs, type JobResult } from '../wait/wait-for-jobs.js'
import { callPolicy, type StepContext } from './create.js'
import type { StartConfig } from './inputs.js'

/** What the gated flow leaves for the report. */
export interface GateResult {
  jobs: JobResult[]
  /** Overrides the outcome main would derive from the jobs, and says why. */
  fatal?: { outcome: Outcome; ending: GateEnding }
}

/** Everything the flow needs from the step. */
export interface GateContext extends StepContext {
  runner: Runner
  api: ImportApi
  config: Config
  start: StartConfig
}

// Time given to commit or abort once the step's own deadline has passed.
const FINISH_GRACE_MS = 60_000
// An abort on cancel holds the exit backstop of signals.ts to 6 s after the
// signal, inside the runner's 7.5 s grace, and must end before it.
const CANCEL_HOLD_MS = 6_000
const CANCEL_ABORT_MS = 5_500

const isCommitted = (job?: ImportJob) =>
  job?.state === 'Committing' || job?.state === 'Completed'

/**
 * Runs after the wait: with commit: gated, decides the fate of every job
 * that is not yet committed. Without it, returns the jobs as they are.
 */
export async function gateAndCommit(
  jobs: JobResult[],
  ctx: GateContext
): Promise<GateResult> {
  if (!ctx.start.gated || jobs.length === 0) return { jobs }
  const result = await decide(jobs, ctx)
  ctx.runner.setOutput(
    'committed',
    String(result.jobs.every((j) => isCommitted(j.job)))
  )
  return result
}

async function decide(
  jobs: JobResult[],
  ctx: GateContext
): Promise<GateResult> {
  const { runner, signal } = ctx
  const ready = jobs.every((j) => j.job?.status === 'uncommitted')
  if (ready && !signal?.aborted) {
    const gate = checkGates(ctx.config, jobs)
    const ids = jobs.map((j) => j.jobId)
    runner.info(gateVerdictLine(gate, ids))
    return gate ? abortAndWait(jobs, ctx, gate) : commitAndWait(jobs, ctx)
  }
  for (const j of jobs.filter((j) => j.outcome === 'success'))
    runner.warning(committedWithoutHoldLine(j.jobId))
  // Cancelled, timed out, failed or unreadable before every job was ready:
  // nothing is committed, and whatever is still open is aborted.
  const open = jobs.filter(
    (j) => !isCommitted(j.job) && j.job?.state !== 'Failed'
  )
  if (open.length === 0) return { jobs }
  const cancelled =
    signal?.aborted || jobs.some((j) => j.outcome === 'cancelled')
  const release = cancelled ? holdExit(CANCEL_HOLD_MS) : undefined
  const notes = await abortAll(
    open,
    ctx,
    cancelled ? CANCEL_ABORT_MS : FINISH_GRACE_MS
  ).finally(release)
  const outcome = cancelled
    ? 'cancelled'
    : jobs.some((j) => j.outcome === 'timeout')
      ? 'timeout'
      : undefined
  if (outcome) {
    const timeoutMs = ctx.config.timeoutMs
    return {
      jobs: withNotes(jobs, notes),
      fatal: { outcome, ending: { kind: 'held', outcome, notes, timeoutMs } }
    }
  }
  // A failed or unreadable job already explains itself; say what was done.
  runner.warning(notCommittingLine(notes))
  return { jobs: withNotes(jobs, notes) }
}

/** Aborts each job (retried like a poll); returns one note per job. */
async function abortAll(
  jobs: JobResult[],
  ctx: GateContext,
  budgetMs: number
): Promise<AbortNote[]> {
  const now = ctx.clock.now()
  // On cancel the step's signal has fired: the abort goes out regardless.
  const policy = callPolicy(ctx.config, {
    clock: ctx.clock,
    deadline: Math.max(ctx.signal?.aborted ? 0 : ctx.deadline, now + budgetMs)
  })
  policy.requestTimeoutMs = Math.min(policy.requestTimeoutMs, budgetMs)
  return Promise.all(
    jobs.map(async (job): Promise<AbortNote> => {
      try {
        await withRetry(
          (timeoutMs) => ctx.api.abortJob!(job.jobId, { timeoutMs }),
          policy
        )
        ctx.runner.info(abortedLine(job.jobId))
        return { job }
      } catch (error) {
        return { job: await readAgain(job, ctx, policy), error }
      }
    })
  )
}

/**
 * The job as it is now, after a refused abort: someone else may have
 * committed it meanwhile (Milvus refuses to abort a Completed job), and then
 * its data is visible. Unchanged when it cannot be read.
 */
async function readAgain(
  job: JobResult,
  ctx: GateContext,
  policy: ReturnType<typeof callPolicy>
): Promise<JobResult> {
  try {
    const now = await withRetry(
      (timeoutMs) => ctx.api.getJob(job.jobId, { timeoutMs }),
      { ...policy, maxFailures: Math.min(policy.maxFailures, 3) }
    )
    return { ...job, job: now }
  } catch {
    return job
  }
}

/** jobs, with each job that notes read again replaced by that reading. */
const withNotes = (jobs: JobResult[], notes: AbortNote[]) =>
  jobs.map((j) => notes.find((n) => n.job.jobId === j.jobId)?.job ?? j)

/** Waits for jobs after a commit or abort: Uncommitted keeps it polling. */
async function settle(
  ids: string[],
  ctx: GateContext,
  signal?: AbortSignal
): Promise<JobResult[]> {
  const { api, clock, config, runner } = ctx
  // Right after the call the server may still say Uncommitted.
  const settling: ImportApi = {
    name: api.name,
    endpointKey: api.endpointKey,
    listJobs: (q, o) => api.listJobs(q, o),
    getJob: async (id, o) => {
      const job = await api.getJob(id, o)
      return job.status === 'uncommitted' ? { ...job, status: 'running' } : job
    }
  }
  const log = new ProgressLog(runner, clock, clock.now(), ids)
  try {
    return await waitForJobs(settling, ids, {
      clock,
      intervalMs: config.pollIntervalMs,
      deadline: Math.max(ctx.deadline, clock.now() + FINISH_GRACE_MS),
      signal,
      limiter: new RateLimiter(clock),
      collectionName: config.collectionName,
      onPoll: (job) => log.poll(job),
      onEnd: (r) => log.end(r)
    })
  } finally {
    log.finish()
  }
}

async function abortAndWait(
  jobs: JobResult[],
  ctx: GateContext,
  gate: string
): Promise<GateResult> {
  const ids = jobs.map((j) => j.jobId)
  const notes = await abortAll(jobs, ctx, FINISH_GRACE_MS)
  if (notes.some((n) => n.error !== undefined)) {
    return {
      jobs: withNotes(jobs, notes),
      fatal: {
        outcome: 'failed',
        ending: { kind: 'abort-failed', gate, notes }
      }
    }
  }
  // No signal: a cancel now cannot undo the abort, so see it through.
  const settled = await settle(ids, ctx)
  // An accepted abort does not prove the job was not committed meanwhile.
  const committed = settled.filter((j) => isCommitted(j.job))
  const pending = settled
    .filter((j) => j.job?.state !== 'Failed' && !isCommitted(j.job))
    .map((j) => j.jobId)
  return {
    jobs: settled,
    fatal: {
      outcome: 'failed',
      ending: {
        kind: 'aborted',
        gate,
        ids,
        pending,
        committed: committed.map((j) => j.jobId)
      }
    }
  }
}

async function commitAndWait(
  jobs: JobResult[],
  ctx: GateContext
): Promise<GateResult> {
  const ids = jobs.map((j) => j.jobId)
  const policy = callPolicy(ctx.config, {
    clock: ctx.clock,
    deadline: Math.max(ctx.deadline, ctx.clock.now() + FINISH_GRACE_MS)
  })
  const refused: { jobId: string; error: unknown }[] = []
  await Promise.all(
    ids.map(async (id) => {
      try {
        await withRetry(
          (timeoutMs) => ctx.api.commitJob!(id, { timeoutMs }),
          policy
        )
      } catch (error) {
        refused.push({ jobId: id, error })
      }
    })
  )
  if (refused.length) {
    return {
      jobs,
      fatal: { outcome: 'error', ending: { kind: 'commit-refused', refused } }
    }
  }
  ctx.runner.info(committedLine(ids))
  const settled = await settle(ids, ctx, ctx.signal)
  const committing = settled.filter(
    (j) => j.outcome === 'timeout' || j.outcome === 'cancelled'
  )
  if (committing.length === 0) return { jobs: settled }
  const outcome = committing.some((j) => j.outcome === 'cancelled')
    ? 'cancelled'
    : 'timeout'
  const left = committing.map((j) => j.jobId)
  return {
    jobs: settled,
    fatal: { outcome, ending: { kind: 'committing', outcome, ids: left } }
  }
}
