/**
 * Two-phase imports (Milvus 3.0+): a job created with
 * options.auto_commit "false" parks in Uncommitted with its data invisible;
 * /commit moves it to Committing, then Completed; /abort moves it to Failed
 * ("aborted by user"). The answers follow datacoord's
 * validateAndExecuteImportAction (see the create/commit/abort reference,
 * section 2.4). Servers without two-phase imports have no such routes.
 */
import type { JobSnapshot, ScriptedJob } from './job-model.js'
import { atLeast } from './milvus-versions.js'
import type { ApiSettings, Flavour } from './route.js'

/** What a commit or abort did to a job. */
export interface Decision {
  kind: 'commit' | 'abort'
  at: number
  /** Describes left in Committing before Completed. */
  committingLeft: number
  completedAt?: number
}

/** An API error body, as both flavours send it. */
export interface CodeMessage {
  code: number
  message: string
}

/** True when this server has /commit, /abort and honours auto_commit. */
export function hasTwoPhase(settings: ApiSettings, flavour: Flavour): boolean {
  if (settings.twoPhase !== undefined) return settings.twoPhase
  if (flavour !== 'milvus') return false
  const v = settings.milvusVersion
  return !v || atLeast(v, '3.0.0')
}

/** True for a job made with auto_commit=false. */
export function isTwoPhase(job: ScriptedJob): boolean {
  return job.script.autoCommit === false || job.script.outcome === 'uncommitted'
}

/** The job as a decision has left it; `counting` is true on a describe. */
export function decidedView(
  job: ScriptedJob,
  snap: JobSnapshot,
  now: number,
  counting: boolean
): JobSnapshot {
  const d = job.decision
  if (!d) return snap
  if (d.kind === 'abort') {
    // The inspector drops an aborted job's segments: no rows remain.
    return {
      ...snap,
      state: 'Failed',
      progress: 0,
      importedRows: 0,
      totalRows: 0,
      reason: 'aborted by user',
      completeTime: undefined,
      ended: true,
      endTime: d.at
    }
  }
  if (d.committingLeft > 0) {
    if (counting) d.committingLeft -= 1
    return { ...snap, state: 'Committing', progress: 99 }
  }
  d.completedAt ??= now
  return {
    ...snap,
    state: 'Completed',
    progress: 100,
    completeTime: d.completedAt,
    ended: true
  }
}

const failed = (message: string): CodeMessage => ({
  code: 2100,
  message: `${message}: importing data failed`
})

/**
 * Applies a commit or abort to a job, as Milvus 3.0 does: undefined on
 * success (code 0), else the error to answer. Both calls are idempotent.
 */
export function decide(
  job: ScriptedJob,
  kind: 'commit' | 'abort',
  now: number,
  committingPolls = 1
): CodeMessage | undefined {
  const state = job.peek(now).state
  const id = job.jobId
  const committed = state === 'Committing' || state === 'Completed'
  if (kind === 'commit') {
    if (committed) return undefined
    if (state !== 'Uncommitted')
      return failed(`job ${id} is in state ${state}, expected Uncommitted`)
    if (!isTwoPhase(job))
      return failed(`job ${id} is auto-commit, manual commit/abort not allowed`)
    job.decision = { kind, at: now, committingLeft: committingPolls }
    return undefined
  }
  if (committed)
    return failed(
      `job ${id} is in terminal/committed state ${state}, abort not allowed`
    )
  if (!isTwoPhase(job))
    return failed(`job ${id} is auto-commit, manual commit/abort not allowed`)
  if (state !== 'Failed') job.decision = { kind, at: now, committingLeft: 0 }
  return undefined
}

/** The error for a commit or abort of a job the server does not know. */
export function unknownJob(id: string, auth: boolean): CodeMessage {
  // With auth on, the REST handler looks the job up first (describe's error).
  return {
    code: 2101,
    message: auth
      ? `import job does not exist, jobID=${id}: importing data failed on server side`
      : `job ${id} not found: importing data failed on server side`
  }
}
