import type { FileProgress } from '../clients/job.js'
import { formatDuration } from '../duration.js'
import { escapeCell } from '../text/escape.js'
import type { JobResult } from '../wait/wait-for-jobs.js'
import type { Outcome } from '../wait/verdict.js'
import {
  formatCount,
  formatPercent,
  formatRowPair,
  formatRows
} from './format.js'
import { isFailedFile, overviewFacts, type RunResult } from './result.js'
import { jobReason } from './messages.js'

// GitHub drops a step summary over 1 MiB whole; stay well under it.
export const SUMMARY_BUDGET_BYTES = 900 * 1024
// Reasons in file rows are cut shorter than elsewhere so big tables stay light.
const FILE_REASON_MAX = 300

const HEADINGS: Record<Outcome, string> = {
  success: '✅ Milvus import completed',
  failed: '❌ Milvus import failed',
  timeout: '⏱️ Milvus import timed out',
  cancelled: '⚠️ Waiting for the Milvus import was cancelled',
  error: '❌ Could not check the Milvus import'
}

const OUTCOME_LABEL: Record<Outcome, string> = {
  success: '✅ success',
  failed: '❌ failed',
  timeout: '⏱️ timeout',
  cancelled: '⚠️ cancelled',
  error: '❌ error'
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |\n`

/** Files to show first: the failed ones, then the rest, in server order. */
function* failedFirst(files: FileProgress[]): Generator<FileProgress> {
  for (const f of files) if (isFailedFile(f)) yield f
  for (const f of files) if (!isFailedFile(f)) yield f
}

/** Appends text while the byte budget lasts. */
class Budget {
  private parts: string[] = []
  private used = 0
  constructor(private readonly limit: number) {}
  /** Adds text if it fits; returns false when it does not. */
  add(text: string, reserve = 0): boolean {
    const bytes = Buffer.byteLength(text)
    if (this.used + bytes + reserve > this.limit) return false
    this.parts.push(text)
    this.used += bytes
    return true
  }
  get remaining(): number {
    return this.limit - this.used
  }
  toString(): string {
    return this.parts.join('')
  }
}

// Bytes kept for a job's "…and N more files" line, so that line always fits.
const MORE_LINE_BYTES = 200

function fileTable(job: JobResult, out: Budget, reserve: number): void {
  const files = job.job?.files ?? []
  if (files.length === 0) {
    out.add('_The server reported no per-file results (yet)._\n\n', reserve)
    return
  }
  const failed = files.filter(isFailedFile).length
  const kept = reserve + MORE_LINE_BYTES
  const head =
    `**Files** (${formatCount(files.length)}${failed ? `, ${formatCount(failed)} failed` : ''})\n\n` +
    row(['File', 'State', 'Progress', 'Rows', 'Reason']) +
    row(['---', '---', '---:', '---:', '---'])
  if (!out.add(head, kept)) {
    out.add(
      `${formatCount(files.length)} files (${formatCount(failed)} failed) are not listed: the summary reached its size limit. See the details output.\n\n`
    )
    return
  }
  let shown = 0
  for (const f of failedFirst(files)) {
    const line = row([
      escapeCell(f.fileName || '(unnamed)'),
      `${isFailedFile(f) ? '❌ ' : ''}${escapeCell(f.state || '—')}`,
      formatPercent(f.progress),
      formatRowPair(f.importedRows, f.totalRows),
      f.reason ? escapeCell(f.reason, FILE_REASON_MAX) : ''
    ])
    if (!out.add(line, kept)) break
    shown++
  }
  if (shown < files.length) {
    out.add(
      `\n…and ${formatCount(files.length - shown)} more files (failed files are listed first).\n`
    )
  }
  out.add('\n')
}

function overview(result: RunResult, out: Budget): void {
  const lines = overviewFacts(result, formatDuration).map(({ label, value }) =>
    row([
      `**${label === 'Rows' ? 'Rows (imported / total)' : label}**`,
      label === 'Result'
        ? OUTCOME_LABEL[result.outcome]
        : escapeCell(value, label === 'Jobs' ? 20_000 : undefined)
    ])
  )
  out.add(row(['', '']) + row(['---', '---']) + lines.join('') + '\n')
}

function jobsTable(result: RunResult, out: Budget): void {
  out.add(
    row(['Job', 'Result', 'State', 'Progress', 'Rows', 'Reason']) +
      row(['---', '---', '---', '---:', '---:', '---'])
  )
  for (const j of result.jobs) {
    const line = row([
      escapeCell(j.jobId),
      OUTCOME_LABEL[j.outcome],
      escapeCell(j.job?.state ?? '—'),
      formatPercent(j.job?.progress),
      formatRowPair(j.job?.importedRows, j.job?.totalRows),
      escapeCell(jobReason(j) ?? '', FILE_REASON_MAX)
    ])
    if (!out.add(line, 200)) break
  }
  out.add('\n')
}

/**
 * Renders the job summary in one pass under a byte budget: the overall
 * result, then (with several jobs) a row per job, then each job's files with
 * the failed ones first.
 */
export function renderSummary(
  result: RunResult,
  budgetBytes = SUMMARY_BUDGET_BYTES
): string {
  const out = new Budget(budgetBytes)
  out.add(`## ${HEADINGS[result.outcome]}\n\n`)
  overview(result, out)
  if (result.jobs.length > 1) jobsTable(result, out)
  const several = result.jobs.length > 1
  const headings = result.jobs.map((job) =>
    several
      ? `### Job ${escapeCell(job.jobId)} · ${OUTCOME_LABEL[job.outcome]} · ${escapeCell(job.job?.state ?? '—')} · ${formatRows(job.job?.importedRows)} rows\n\n`
      : ''
  )
  // Each job keeps room for the heading and the "not listed" line of every
  // job after it, so no job goes unmentioned when the budget runs out.
  const needs = headings.map((h) => Buffer.byteLength(h) + MORE_LINE_BYTES)
  let reserve = needs.reduce((a, b) => a + b, 0)
  result.jobs.forEach((job, i) => {
    reserve -= needs[i]
    if (headings[i] && !out.add(headings[i], reserve)) return
    fileTable(job, out, reserve)
  })
  return out.toString()
}
