import type { Config } from './inputs.js'
import { formatRows } from './report/format.js'
import { isFailedFile, sumOf } from './report/result.js'
import type { JobResult } from './wait/wait-for-jobs.js'

/**
 * Checks the data gates on imports that completed: min-rows, expected-rows
 * and allow-partial. Returns the one-line reason to fail, or undefined.
 */
export function checkGates(
  config: Pick<Config, 'minRows' | 'expectedRows' | 'allowPartial'>,
  jobs: JobResult[]
): string | undefined {
  if (!config.allowPartial) {
    const partial = jobs.find((j) => (j.job?.files ?? []).some(isFailedFile))
    if (partial) {
      const n = (partial.job?.files ?? []).filter(isFailedFile).length
      return `Import job ${partial.jobId} completed, but ${n} of its files failed. Fix the files, or set allow-partial: true to accept a partial import.`
    }
  }
  if (config.minRows === undefined && config.expectedRows === undefined)
    return undefined
  const rows = sumOf(jobs, (j) => j.job?.importedRows)
  if (rows === undefined) {
    return 'The server did not report imported rows, so min-rows/expected-rows cannot be checked. Remove them for this API.'
  }
  if (config.expectedRows !== undefined && rows !== config.expectedRows) {
    return `Imported ${formatRows(rows)} rows, expected ${formatRows(config.expectedRows)} (expected-rows).`
  }
  if (config.minRows !== undefined && rows < config.minRows) {
    return `Imported ${formatRows(rows)} rows, expected at least ${formatRows(config.minRows)} (min-rows).`
  }
  return undefined
}
