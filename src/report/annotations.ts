import { safeLogText } from '../runner/escape.js'
import type { Runner } from '../runner/runner.js'
import type { JobResult } from '../wait/wait-for-jobs.js'
import { isFailedFile } from './result.js'

// GitHub shows 10 error annotations per step; the step's own failure line
// needs one, and "…and N more" another.
export const MAX_FILE_ANNOTATIONS = 8

/** Annotates each failed file (titled with its name), within GitHub's limit. */
export function annotateFailedFiles(
  runner: Runner,
  jobs: JobResult[],
  level: 'error' | 'warning'
): void {
  const failed = jobs.flatMap((j) =>
    (j.job?.files ?? [])
      .filter(isFailedFile)
      .map((f) => ({ jobId: j.jobId, file: f }))
  )
  const say = (message: string, title?: string) =>
    level === 'error'
      ? runner.error(message, { title })
      : runner.warning(message, { title })
  for (const { jobId, file } of failed.slice(0, MAX_FILE_ANNOTATIONS)) {
    say(
      `Import job ${safeLogText(jobId, 100)}: file ${safeLogText(file.fileName, 300)} ${safeLogText(file.state, 40)}${file.reason ? `: ${safeLogText(file.reason)}` : ''}`,
      safeLogText(file.fileName || 'file', 200)
    )
  }
  if (failed.length > MAX_FILE_ANNOTATIONS) {
    say(
      `…and ${failed.length - MAX_FILE_ANNOTATIONS} more failed files; see the job summary or the details output.`
    )
  }
}
