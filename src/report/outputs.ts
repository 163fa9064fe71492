import { oneLine } from '../text/escape.js'
import { exactJson } from '../http/json.js'
import type { Runner } from '../runner/runner.js'
import type { JobResult } from '../wait/wait-for-jobs.js'
import { jobReason } from './messages.js'
import {
  isFailedFile,
  lowestProgress,
  sumOf,
  worstJob,
  type RunResult
} from './result.js'

// GITHUB_OUTPUT holds at most 1 MiB per job in all; the details list is cut
// (failed files first) to stay well inside it.
const DETAILS_BUDGET_BYTES = 256 * 1024

/** The per-file entries of the details output, failed files first. */
function detailsJson(jobs: JobResult[]): string {
  const entries: string[] = []
  let used = 2
  const all = jobs.flatMap((j) =>
    (j.job?.files ?? []).map((f) => ({ jobId: j.jobId, ...f }))
  )
  const ordered = [
    ...all.filter(isFailedFile),
    ...all.filter((f) => !isFailedFile(f))
  ]
  for (const f of ordered) {
    const text = exactJson(f)
    if (used + text.length + 1 > DETAILS_BUDGET_BYTES) break
    entries.push(text)
    used += text.length + 1
  }
  return `[${entries.join(',')}]`
}

/** One entry of the jobs output. */
function jobEntry(j: JobResult) {
  const files = j.job?.files ?? []
  return {
    jobId: j.jobId,
    outcome: j.outcome,
    state: j.job?.state ?? '',
    progress: j.job?.progress ?? 0,
    // null when the API does not report it, as in the row outputs.
    importedRows: j.job?.importedRows ?? null,
    totalRows: j.job?.totalRows ?? null,
    collectionName: j.job?.collectionName ?? '',
    reason: jobReason(j) ?? '',
    completeTime: j.job?.completeTime ?? '',
    files: files.length,
    failedFiles: files.filter(isFailedFile).length
  }
}

/** Computes every output of action.yml from the run's result. */
export function outputValues(result: RunResult): Record<string, string> {
  const jobs = result.jobs
  const worst = worstJob(jobs)
  const completeTimes = jobs.map((j) => j.job?.completeTime ?? '')
  return {
    outcome: result.outcome,
    // Names, states and times are one line, whatever a server sent.
    state: oneLine(worst?.job?.state ?? ''),
    progress: String(lowestProgress(jobs)),
    // Empty, not 0, when the API reports no row counts (v1, gRPC totals).
    importedRows: String(sumOf(jobs, (j) => j.job?.importedRows) ?? ''),
    totalRows: String(sumOf(jobs, (j) => j.job?.totalRows) ?? ''),
    jobId: jobs.map((j) => j.jobId).join(','),
    collectionName: oneLine(
      [...new Set(jobs.map((j) => j.job?.collectionName).filter(Boolean))].join(
        ','
      )
    ),
    reason: result.reason,
    // With several jobs, the last to complete; empty unless all completed.
    completeTime: oneLine(
      completeTimes.every(Boolean)
        ? ([...completeTimes].sort().at(-1) ?? '')
        : ''
    ),
    elapsedSeconds: String(Math.round(result.elapsedMs / 1000)),
    details: detailsJson(jobs),
    jobs: exactJson(jobs.map(jobEntry))
  }
}

/** Sets every output; called on success, failure, timeout and cancel alike. */
export function setOutputs(runner: Runner, result: RunResult): void {
  for (const [name, value] of Object.entries(outputValues(result)))
    runner.setOutput(name, value)
}
