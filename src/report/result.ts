import type { FileProgress } from '../clients/job.js'
import { formatRows } from './format.js'
import type { JobResult } from '../wait/wait-for-jobs.js'
import { worstOutcome, type Outcome } from '../wait/verdict.js'

/** Everything the reporters need about one run of the action. */
export interface RunResult {
  outcome: Outcome
  jobs: JobResult[]
  elapsedMs: number
  /** One line: why the step did not succeed (empty on success). */
  reason: string
  /** The API that answered, for the summary. */
  apiName?: string
}

/** A failed file is one the server marks Failed or gives a reason. */
export function isFailedFile(file: FileProgress): boolean {
  return /fail/i.test(file.state) || Boolean(file.reason)
}

/**
 * A file of a completed job that the server does not say is done (Pending,
 * Importing…, or no state at all): the job's Completed then covers only
 * part of the data, as far as the answer shows.
 */
export function isUnfinishedFile(file: FileProgress): boolean {
  return !isFailedFile(file) && file.state !== 'Completed'
}

/** The job result with the worst outcome (the first on ties). */
export function worstJob(jobs: JobResult[]): JobResult | undefined {
  const outcome = worstOutcome(jobs.map((j) => j.outcome))
  return jobs.find((j) => j.outcome === outcome) ?? jobs[0]
}

/** Sums a per-job row count exactly; undefined when no job reported it. */
export function sumOf(
  jobs: JobResult[],
  pick: (j: JobResult) => bigint | undefined
): bigint | undefined {
  let total: bigint | undefined
  for (const j of jobs) {
    const v = pick(j)
    if (v !== undefined) total = (total ?? 0n) + v
  }
  return total
}

/** The lowest progress of the jobs (0 when none was read). */
export function lowestProgress(jobs: JobResult[]): number {
  if (jobs.length === 0) return 0
  return Math.min(...jobs.map((j) => j.job?.progress ?? 0))
}

/** One fact of the overall result, as raw text for a renderer to escape. */
export interface OverviewFact {
  label: string
  value: string
  /** True when the value came from the server (and must be escaped). */
  remote: boolean
}

/**
 * The overall facts both summaries show, in order: Result, State, Progress,
 * Rows, Collection, Job(s), Elapsed, API and Reason.
 */
export function overviewFacts(
  result: RunResult,
  formatDuration: (ms: number) => string
): OverviewFact[] {
  const jobs = result.jobs
  const job = worstJob(jobs)?.job
  const collections = [
    ...new Set(jobs.map((j) => j.job?.collectionName).filter(Boolean))
  ]
  const imported = sumOf(jobs, (j) => j.job?.importedRows)
  const total = sumOf(jobs, (j) => j.job?.totalRows)
  const facts: OverviewFact[] = [
    { label: 'Result', value: result.outcome, remote: false },
    { label: 'State', value: job?.state ?? '—', remote: true },
    {
      label: 'Progress',
      value: jobs.length ? `${lowestProgress(jobs)}%` : '—',
      remote: false
    },
    {
      label: 'Rows',
      value:
        imported === undefined && total === undefined
          ? '—'
          : `${formatRows(imported)} / ${formatRows(total)}`,
      remote: false
    },
    {
      label: 'Collection',
      value: collections.length ? collections.join(', ') : '—',
      remote: true
    },
    {
      label: jobs.length > 1 ? 'Jobs' : 'Job',
      value: jobs.length ? jobs.map((j) => j.jobId).join(', ') : '—',
      remote: true
    },
    { label: 'Elapsed', value: formatDuration(result.elapsedMs), remote: false }
  ]
  if (result.apiName)
    facts.push({ label: 'API', value: result.apiName, remote: false })
  if (result.reason)
    facts.push({ label: 'Reason', value: result.reason, remote: true })
  return facts
}
