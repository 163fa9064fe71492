import { safeLogText } from '../text/escape.js'
import type { Runner } from '../runner/runner.js'
import type { JobResult } from '../wait/wait-for-jobs.js'
import { isFailedFile } from './result.js'

// GitHub shows 10 warning annotations per step; the plain-http and
// unknown-state warnings may need one each, and "…and N more" another.
export const MAX_FILE_ANNOTATIONS = 7

/**
 * Annotates each failed file as a warning titled with its name, within
 * GitHub's limit. Warnings, not errors: the step's verdict stays its one
 * ::error:: line, and a partial import allowed by allow-partial still shows.
 */
export function annotateFailedFiles(runner: Runner, jobs: JobResult[]): void {
  const failed = jobs.flatMap((j) =>
    (j.job?.files ?? [])
      .filter(isFailedFile)
      .map((f) => ({ jobId: j.jobId, file: f }))
  )
  for (const { jobId, file } of failed.slice(0, MAX_FILE_ANNOTATIONS)) {
    runner.warning(
      `Import job ${safeLogText(jobId, 100)}: file ${safeLogText(file.fileName, 300)} ${safeLogText(file.state, 40)}${file.reason ? `: ${safeLogText(file.reason)}` : ''}`,
      { title: safeLogText(file.fileName || 'file', 200) }
    )
  }
  if (failed.length > MAX_FILE_ANNOTATIONS) {
    runner.warning(
      `…and ${failed.length - MAX_FILE_ANNOTATIONS} more failed files; see the job summary or the details output.`
    )
  }
}
