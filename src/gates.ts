import type { Config } from './inputs.js'
import { formatRows } from './report/format.js'
import { safeLogText } from './text/escape.js'
import { isFailedFile, isUnfinishedFile, sumOf } from './report/result.js'
import type { JobResult } from './wait/wait-for-jobs.js'

/**
 * Checks the data gates on imports that completed (or wait for a commit):
 * no failure reason, min-rows, expected-rows and allow-partial. Returns the
 * one-line reason to fail, or undefined.
 */
export function checkGates(
  config: Pick<Config, 'minRows' | 'expectedRows' | 'allowPartial'>,
  jobs: JobResult[]
): string | undefined {
  // A job that gives a failure reason is not good data, whatever its state
  // (an Uncommitted one must not be committed).
  for (const j of jobs) {
    if (j.job?.reason)
      return `Import job ${j.jobId} reports a failure: ${safeLogText(j.job.reason, 300).replace(/\.+$/, '')}.`
  }
  if (!config.allowPartial) {
    for (const j of jobs) {
      const files = j.job?.files ?? []
      const failed = files.filter(isFailedFile).length
      const unfinished = files.filter(isUnfinishedFile).length
      const said = [
        failed ? `${failed} of its files failed` : '',
        unfinished
          ? `${unfinished} of its files ${unfinished > 1 ? 'are' : 'is'} not Completed`
          : ''
      ].filter(Boolean)
      if (said.length)
        return `Import job ${j.jobId} completed, but ${said.join(' and ')}. Fix the files, or set allow-partial: true to accept a partial import.`
    }
  }
  if (config.minRows === undefined && config.expectedRows === undefined)
    return undefined
  // A sum that skips a job of unknown rows proves nothing about the total.
  const unknown = jobs.filter((j) => j.job?.importedRows === undefined)
  if (unknown.length) {
    return jobs.length > 1
      ? `The server did not report imported rows for import job ${unknown.map((j) => j.jobId).join(', ')}, so min-rows/expected-rows cannot be checked. Remove them for this API.`
      : 'The server did not report imported rows, so min-rows/expected-rows cannot be checked. Remove them for this API.'
  }
  const rows = sumOf(jobs, (j) => j.job?.importedRows) ?? 0n
  if (config.expectedRows !== undefined && rows !== config.expectedRows) {
    return `Imported ${formatRows(rows)} rows, expected ${formatRows(config.expectedRows)} (expected-rows).`
  }
  if (config.minRows !== undefined && rows < config.minRows) {
    return `Imported ${formatRows(rows)} rows, expected at least ${formatRows(config.minRows)} (min-rows).`
  }
  return undefined
}
