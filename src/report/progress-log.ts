import type { Clock } from '../clock.js'
import type { ImportJob } from '../clients/job.js'
import { formatDuration } from '../duration.js'
import { safeLogText } from '../runner/escape.js'
import type { Runner } from '../runner/runner.js'
import { formatRows } from './format.js'

// With nothing changing, one heartbeat line this often instead of a wall of
// identical lines.
const HEARTBEAT_MS = 60_000

/** One log line for a job snapshot. */
export function progressLine(job: ImportJob): string {
  const parts = [
    `${safeLogText(job.jobId, 100)} ${safeLogText(job.state, 60)} ${job.progress}%`
  ]
  // Milvus reports 0/0 rows until its import tasks exist; that says nothing.
  if (job.totalRows) {
    parts.push(
      `${formatRows(job.importedRows)}/${formatRows(job.totalRows)} rows`
    )
  } else if (job.importedRows) {
    parts.push(`${formatRows(job.importedRows)} rows`)
  }
  if (job.files.length) {
    const done = job.files.filter((f) => f.state === 'Completed').length
    parts.push(`${done} of ${job.files.length} files done`)
  }
  return parts.join(' · ')
}

/** Logs a line when a job's state or progress changes, and a heartbeat otherwise. */
export class ProgressLog {
  private readonly last = new Map<string, { key: string; at: number }>()
  private readonly warned = new Set<string>()

  constructor(
    private readonly runner: Runner,
    private readonly clock: Clock,
    private readonly startedAt: number
  ) {}

  /** Reports one poll of one job. */
  poll(job: ImportJob): void {
    const now = this.clock.now()
    const key = `${job.state}|${job.progress}|${job.importedRows}|${job.files.length}`
    const prev = this.last.get(job.jobId)
    if (!prev || prev.key !== key) {
      this.runner.info(progressLine(job))
      this.last.set(job.jobId, { key, at: now })
    } else if (now - prev.at >= HEARTBEAT_MS) {
      this.runner.info(
        `${progressLine(job)} (unchanged; waited ${formatDuration(now - this.startedAt)})`
      )
      prev.at = now
    }
    if (job.status === 'unknown' && !this.warned.has(job.state)) {
      this.warned.add(job.state)
      this.runner.warning(
        `Import job ${safeLogText(job.jobId, 100)} reports state "${safeLogText(job.state, 60)}", which this action does not know. It keeps polling and will not treat it as success.`
      )
    }
  }
}
