import type { Clock } from '../clock.js'
import type { ImportJob } from '../clients/job.js'
import { formatDuration } from '../duration.js'
import { safeLogText } from '../text/escape.js'
import type { Runner } from '../runner/runner.js'
import type { JobResult } from '../wait/wait-for-jobs.js'
import { formatPercent, formatRows } from './format.js'

// With nothing changing, one heartbeat line this often instead of a wall of
// identical lines.
const HEARTBEAT_MS = 60_000

/** A job's progress on the 0-100 scale the log shows: Completed is 100. */
export function shownProgress(job: ImportJob): number {
  return job.status === 'completed' ? 100 : job.progress
}

/** One log line for a job snapshot. */
export function progressLine(job: ImportJob): string {
  const parts = [
    `${safeLogText(job.jobId, 100)} ${safeLogText(job.state, 60)} ${formatPercent(shownProgress(job))}`
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

/**
 * Logs a line when a job's state or progress changes, and a heartbeat
 * otherwise, in one log group per job. One job's lines stream live inside its
 * group. Groups of concurrent jobs cannot interleave, so with several jobs
 * each job's lines are kept and printed as its group when it ends, while one
 * live line tells how many jobs have ended.
 */
export class ProgressLog {
  private readonly last = new Map<string, { key: string; at: number }>()
  private readonly warned = new Set<string>()
  private readonly held = new Map<string, string[]>()
  private readonly ended = new Map<string, JobResult['outcome']>()
  private lastTally = ''
  private lastBeat: number
  private readonly progress = new Map<string, number>()

  constructor(
    private readonly runner: Runner,
    private readonly clock: Clock,
    private readonly startedAt: number,
    private readonly jobIds: string[]
  ) {
    this.lastBeat = startedAt
    if (this.live) runner.startGroup(`Import job ${jobIds[0]}`)
    else for (const id of jobIds) this.held.set(id, [])
  }

  private get live(): boolean {
    return this.jobIds.length === 1
  }

  /** Prints a line of one job: now, or when its group is printed. */
  private say(jobId: string, line: string): void {
    const held = this.held.get(jobId)
    if (held) held.push(line)
    else this.runner.info(line)
  }

  /** Reports one poll of one job. */
  poll(job: ImportJob): void {
    const now = this.clock.now()
    const key = `${job.state}|${job.progress}|${job.importedRows}|${job.files.length}`
    const prev = this.last.get(job.jobId)
    if (!prev || prev.key !== key) {
      this.say(job.jobId, progressLine(job))
      this.last.set(job.jobId, { key, at: now })
    } else if (now - prev.at >= HEARTBEAT_MS) {
      this.say(
        job.jobId,
        `${progressLine(job)} (unchanged; waited ${formatDuration(now - this.startedAt)})`
      )
      prev.at = now
    }
    this.progress.set(job.jobId, shownProgress(job))
    if (!this.live && now - this.lastBeat >= HEARTBEAT_MS) {
      // Several jobs print their lines as they end; say something meanwhile.
      const open = this.jobIds.filter((id) => !this.ended.has(id))
      const lowest = Math.min(...open.map((id) => this.progress.get(id) ?? 0))
      this.runner.info(
        `Waiting for ${open.length} of ${this.jobIds.length} import jobs (lowest progress ${lowest}%; waited ${formatDuration(now - this.startedAt)}).`
      )
      this.lastBeat = now
    }
    if (job.status === 'unknown' && !this.warned.has(job.state)) {
      this.warned.add(job.state)
      this.runner.warning(
        `Import job ${safeLogText(job.jobId, 100)} reports state "${safeLogText(job.state, 60)}", which this action does not know. It keeps polling and will not treat it as success.`
      )
    }
  }

  /** Reports a retry of a job's failed poll. */
  retry(jobId: string, message: string): void {
    this.say(jobId, `${safeLogText(jobId, 100)}: ${safeLogText(message)}`)
  }

  /** Reports that a job ended: prints its group (several jobs) and the tally. */
  end(result: JobResult): void {
    this.ended.set(result.jobId, result.outcome)
    const held = this.held.get(result.jobId)
    if (!held) return
    this.held.delete(result.jobId)
    this.runner.startGroup(
      `Import job ${safeLogText(result.jobId, 100)}: ${result.outcome}`
    )
    for (const line of held) this.runner.info(line)
    this.runner.endGroup()
    this.tally()
  }

  /** One live line for several jobs: how many ended, and how. */
  private tally(): void {
    const counts = new Map<string, number>()
    for (const outcome of this.ended.values())
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1)
    const parts = [...counts].map(([o, n]) => `${n} ${o}`).join(', ')
    const line = `${this.ended.size} of ${this.jobIds.length} import jobs ended (${parts}).`
    if (line !== this.lastTally) this.runner.info(line)
    this.lastTally = line
  }

  /** Closes the live group of a single job. */
  finish(): void {
    if (this.live) this.runner.endGroup()
  }
}
