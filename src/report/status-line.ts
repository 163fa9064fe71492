import type { ImportJob, JobStatus } from '../clients/job.js'
import { formatDuration } from '../duration.js'
import { safeLogText } from '../text/escape.js'
import { formatCount, formatRows } from './format.js'

type Rows = NonNullable<ImportJob['importedRows']>

/** The terminal's one status line, as data: the state and what follows it. */
export interface StatusView {
  state: string
  status: JobStatus
  /** Percent, rows, rate and ETA, joined for display. */
  detail: string
}

/** A point of the run: when, how many rows and how far along. */
interface Sample {
  at: number
  rows?: number
  progress: number
}

/** Sums row counts; undefined when no job reports any. */
function sum(values: (Rows | undefined)[]): Rows | undefined {
  const known = values.filter((v): v is Rows => v !== undefined)
  return known.length ? known.reduce((a, b) => a + b) : undefined
}

const done = (job: ImportJob) =>
  job.status !== 'running' && job.status !== 'unknown'

/**
 * Folds every poll into one line for all jobs: state, percent, rows, rate
 * and ETA. The rate is measured from the first poll this run saw, so rows
 * imported before the step started do not inflate it.
 */
export class StatusLine {
  private readonly jobs = new Map<string, ImportJob>()
  private first?: Sample

  constructor(private readonly total: number) {}

  /** Takes a snapshot of one job polled at `now` and renders the line. */
  update(job: ImportJob, now: number): StatusView {
    this.jobs.set(job.jobId, job)
    const jobs = [...this.jobs.values()]
    const open = jobs.filter((j) => !done(j))
    // The job furthest behind speaks for all: its state and its progress.
    const behind = [...(open.length ? open : jobs)].sort(
      (a, b) => a.progress - b.progress
    )[0]
    const imported = sum(jobs.map((j) => j.importedRows))
    const totalRows = sum(jobs.map((j) => j.totalRows))
    const now_: Sample = {
      at: now,
      rows: imported === undefined ? undefined : Number(imported),
      progress: behind.progress
    }
    // Rows that appear only later (Milvus has none until its tasks exist)
    // start the rate there, unless the job had not started at all.
    if (
      !this.first ||
      (this.first.rows === undefined &&
        now_.rows !== undefined &&
        this.first.progress > 0)
    )
      this.first = now_
    const parts = [`${behind.progress}%`]
    if (this.total > 1)
      parts.unshift(`${jobs.length - open.length} of ${this.total} jobs done`)
    parts.push(
      totalRows
        ? `${formatRows(imported)} / ${formatRows(totalRows)} rows`
        : `${formatRows(imported)} rows`
    )
    const ended = open.length === 0 && jobs.length === this.total
    parts.push(...this.pace(now_, totalRows, ended))
    return {
      state: safeLogText(behind.state, 60),
      status: behind.status,
      detail: parts.join(' · ')
    }
  }

  /** The rate and the time left, from the first sample to this one. */
  private pace(
    now: Sample,
    totalRows: Rows | undefined,
    ended: boolean
  ): string[] {
    const first = this.first!
    const seconds = (now.at - first.at) / 1000
    if (ended) return []
    const rate =
      seconds > 0 && now.rows !== undefined
        ? (now.rows - (first.rows ?? 0)) / seconds
        : undefined
    let etaMs: number | undefined
    if (rate && totalRows !== undefined && now.rows !== undefined) {
      etaMs = (Math.max(0, Number(totalRows) - now.rows) / rate) * 1000
    } else if (seconds > 0 && now.progress > first.progress) {
      const perSecond = (now.progress - first.progress) / seconds
      etaMs = ((100 - now.progress) / perSecond) * 1000
    }
    return [
      rate === undefined
        ? '— rows/s'
        : `${formatCount(Math.round(rate))} rows/s`,
      `ETA ${etaMs === undefined ? '—' : etaMs < 1000 ? '<1s' : formatDuration(etaMs)}`
    ]
  }
}
