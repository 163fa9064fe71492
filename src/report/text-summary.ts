import type { FileProgress } from '../clients/job.js'
import { formatDuration } from '../duration.js'
import { safeLogText } from '../text/escape.js'
import type { JobResult } from '../wait/wait-for-jobs.js'
import { formatPercent, formatRowPair, formatRows } from './format.js'
import { isFailedFile, overviewFacts, type RunResult } from './result.js'
import { jobReason } from './messages.js'

/** File rows shown in all before "…and N more files". */
export const MAX_TEXT_FILE_ROWS = 50
// Long names and reasons are cut so one file stays one line.
const NAME_MAX = 60
const STATE_MAX = 20
const REASON_MAX = 300
const MIN_REASON_WIDTH = 20

/** Cuts text to width characters, marking the cut with an ellipsis. */
function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text
}

/** Cuts text to width characters from the start: file names differ at the end. */
function fitEnd(text: string, width: number): string {
  return text.length > width ? `…${text.slice(text.length - width + 1)}` : text
}

/** Lays out rows as left-aligned columns two spaces apart. */
function columns(rows: string[][], width?: number): string[] {
  const widths = rows[0].map((_, i) =>
    Math.max(...rows.map((r) => r[i].length))
  )
  const last = widths.length - 1
  if (width !== undefined) {
    // Only the last column (the reason) gives way to a narrow terminal.
    const before = widths.slice(0, last).reduce((s, w) => s + w + 2, 0)
    widths[last] = Math.max(MIN_REASON_WIDTH, width - before)
  }
  return rows.map((r) =>
    r
      .map((cell, i) =>
        i === last ? fit(cell, widths[i]) : cell.padEnd(widths[i])
      )
      .join('  ')
      .trimEnd()
  )
}

/** Failed files first, then the rest, in server order. */
function failedFirst(files: FileProgress[]): FileProgress[] {
  return [
    ...files.filter(isFailedFile),
    ...files.filter((f) => !isFailedFile(f))
  ]
}

/** The overall lines: Result, State, Progress and so on. */
function overview(result: RunResult): string[] {
  const facts = overviewFacts(result, formatDuration)
  const pad = Math.max(...facts.map((f) => f.label.length)) + 2
  return facts.map(
    ({ label, value, remote }) =>
      `${label.padEnd(pad)}${remote ? safeLogText(value, 4000) : value}`
  )
}

/** One job's file table, using up to `room` rows; returns rows used. */
function fileTable(
  job: JobResult,
  room: number,
  out: string[],
  width?: number
): number {
  const files = job.job?.files ?? []
  if (files.length === 0) {
    out.push(
      job.job
        ? '(The server reported no per-file results.)'
        : '(No answer was read for this job.)'
    )
    return 0
  }
  const shown = failedFirst(files).slice(0, Math.max(0, room))
  if (shown.length === 0) {
    out.push(
      `(${files.length.toLocaleString('en-US')} files not shown; see the details output.)`
    )
    return 0
  }
  const rows = [
    ['File', 'State', 'Progress', 'Rows', 'Reason'],
    ...shown.map((f) => [
      fitEnd(safeLogText(f.fileName || '(unnamed)', Infinity), NAME_MAX),
      fit(safeLogText(f.state || '—', STATE_MAX * 2), STATE_MAX),
      formatPercent(f.progress),
      formatRowPair(f.importedRows, f.totalRows),
      f.reason ? safeLogText(f.reason, REASON_MAX) : ''
    ])
  ]
  out.push(...columns(rows, width))
  if (shown.length < files.length) {
    out.push(
      `…and ${(files.length - shown.length).toLocaleString('en-US')} more files (failed files are listed first).`
    )
  }
  return shown.length
}

/**
 * Renders the result as plain text for a terminal: the overall lines, then
 * each job's files in aligned columns, failed first, at most
 * MAX_TEXT_FILE_ROWS file rows in all. With a width, reasons are cut to fit.
 */
export function renderTextSummary(result: RunResult, width?: number): string {
  const out = overview(result)
  let room = MAX_TEXT_FILE_ROWS
  for (const job of result.jobs) {
    out.push('')
    if (result.jobs.length > 1) {
      const reason = jobReason(job)
      out.push(
        `Job ${safeLogText(job.jobId, 100)}: ${job.outcome}, ${safeLogText(job.job?.state ?? '—', 60)}, ${formatRows(job.job?.importedRows)} rows${reason ? ` (${safeLogText(reason, REASON_MAX)})` : ''}`
      )
    }
    room -= fileTable(job, room, out, width)
  }
  return out.join('\n')
}
