/**
 * The scripted job model: what a job looks like at each point of its script,
 * in the Milvus v2 vocabulary that every flavour's wire format is built from.
 */
import { decidedView, type Decision } from './two-phase.js'

/** One file of a scripted job; a failReason makes the file fail. */
export interface FileScript {
  name: string
  rows: number
  /** Bytes; derived from rows when unset. */
  size?: number
  failReason?: string
}

/** How one job behaves over time. */
export interface JobScript {
  jobId: string
  /** Default 'demo_collection'. */
  collectionName?: string
  /** Default: one file of 10,000 rows. */
  files?: FileScript[]
  /** Wall time from the job's first describe to its end (0 = already ended). */
  durationMs?: number
  /** Alternatively: the job ends on its Nth describe (1 = the first). */
  polls?: number
  /** Default completed; { state: 'X' } ends in an unknown state X forever. */
  outcome?: 'completed' | 'failed' | 'uncommitted' | 'none' | { state: string }
  /** Job-level failure reason; derived from the failing files when unset. */
  reason?: string
  /** Epoch ms, for list order and createTime; default: insertion order. */
  createdAt?: number
  /** false: a two-phase job, parked in Uncommitted until commit or abort. */
  autoCommit?: boolean
}

/** A file's import-task state, in Milvus's task vocabulary. */
export type FileState = 'Pending' | 'InProgress' | 'Completed' | 'Failed'

/** One file of a job at a moment. */
export interface FileSnapshot {
  name: string
  fileSize: number
  totalRows: number
  importedRows: number
  /** 0-100 */
  progress: number
  state: FileState
  reason: string
  /** Epoch ms when the file completed. */
  completeTime?: number
}

/** One job at a moment, in the Milvus v2 vocabulary. */
export interface JobSnapshot {
  jobId: string
  collectionName: string
  /** Pending, Importing, Completed, Failed, Uncommitted, None or unknown. */
  state: string
  /** 0-100 */
  progress: number
  importedRows: number
  totalRows: number
  /** '' unless failed (or None). */
  reason: string
  createTime: number
  /** Epoch ms; only for Completed. */
  completeTime?: number
  /**
   * False while Pending or pre-importing: Milvus has no import tasks yet, so
   * its details list is empty.
   */
  tasksCreated: boolean
  /** True once the script has reached its end state. */
  ended: boolean
  /** Epoch ms when the job reached its end state. */
  endTime?: number
  files: FileSnapshot[]
}

// Where the phases of a job end, as fractions of its script (see the API
// reference, "State mapping": Pending 0-10, pre-import 10-40, import 40-70,
// sorting and index building 70-90, commit 99).
const PENDING_END = 0.1
const PREIMPORT_END = 0.4
const IMPORT_END = 0.7
const INDEX_END = 0.9
// A failing file gets this far through its rows before it fails.
const FAIL_POINT = 0.5
// About the bytes per row of the reference's 10,000-row parquet example.
const BYTES_PER_ROW = 3157

type Outcome =
  | { kind: 'completed' | 'failed' | 'uncommitted' | 'none' }
  | { kind: 'state'; state: string }

/** A file script with its size filled in. */
interface ScriptedFile {
  name: string
  rows: number
  size: number
  failReason?: string
}

interface Slot {
  start: number
  end: number
}

/** A job following its script; shared by the REST and gRPC simulators. */
export class ScriptedJob {
  readonly jobId: string
  readonly collectionName: string
  readonly files: ScriptedFile[]
  readonly createdAt: number
  private readonly outcome: Outcome
  private readonly slots: Slot[]
  private describes = 0
  private firstSeen?: number
  private endedAt?: number
  private readonly fileDoneAt = new Map<number, number>()

  constructor(
    readonly script: JobScript,
    createdAt: number
  ) {
    this.jobId = script.jobId
    this.collectionName = script.collectionName ?? 'demo_collection'
    this.createdAt = script.createdAt ?? createdAt
    const files = script.files ?? [{ name: 'data/1.parquet', rows: 10_000 }]
    this.files = files.map((f) => ({
      name: f.name,
      rows: f.rows,
      size: f.size ?? f.rows * BYTES_PER_ROW,
      failReason: f.failReason
    }))
    const failing = files.some((f) => f.failReason)
    const o =
      script.outcome ??
      (failing
        ? 'failed'
        : script.autoCommit === false
          ? 'uncommitted'
          : 'completed')
    this.outcome = typeof o === 'string' ? { kind: o } : { kind: 'state', ...o }
    this.slots = this.schedule()
  }

  /** Answers one describe: counts the poll and starts the job's clock. */
  describe(now: number): JobSnapshot {
    this.describes += 1
    this.firstSeen ??= now
    return decidedView(this, this.snapshot(now), now, true)
  }

  /** The job as a list call sees it: no poll is counted. */
  peek(now: number): JobSnapshot {
    return decidedView(this, this.snapshot(now), now, false)
  }

  /** A commit or abort of a two-phase job (see two-phase.ts). */
  decision?: Decision

  // Files import one after another, each taking a share of the import phase
  // by rows. When the job is to fail, its failing files go last and fail at
  // the very end, as Milvus fails the job as soon as a task fails.
  private schedule(): Slot[] {
    const failsJob = this.outcome.kind === 'failed'
    const weight = (i: number) => this.files[i].rows + 1
    const order = this.files.map((_, i) => i)
    const firstGroup = failsJob
      ? order.filter((i) => !this.files[i].failReason)
      : order
    const lastGroup = failsJob
      ? order.filter((i) => this.files[i].failReason)
      : []
    const total =
      firstGroup.reduce((sum, i) => sum + weight(i), 0) +
      Math.max(0, ...lastGroup.map(weight))
    const slots: Slot[] = []
    let at = 0
    for (const i of firstGroup) {
      const end = at + weight(i) / total
      slots[i] = { start: at, end }
      at = end
    }
    for (const i of lastGroup) slots[i] = { start: at, end: 1 }
    return slots
  }

  private fraction(now: number): number {
    const { polls, durationMs = 0 } = this.script
    if (polls !== undefined) {
      if (polls <= 1) return this.describes > 0 || polls <= 0 ? 1 : 0
      return this.describes === 0
        ? 0
        : Math.min(1, (this.describes - 1) / (polls - 1))
    }
    if (durationMs <= 0) return 1
    if (this.firstSeen === undefined) return 0
    return Math.min(1, (now - this.firstSeen) / durationMs)
  }

  private snapshot(now: number): JobSnapshot {
    const f = this.fraction(now)
    const ended = f >= 1
    if (ended) this.endedAt ??= now
    const failsJob = this.outcome.kind === 'failed'
    const importEnd = failsJob ? 1 : IMPORT_END
    const tasksCreated = ended || f >= PREIMPORT_END
    // How far the import phase is, 0..1.
    const g = ended
      ? 1
      : Math.min(
          1,
          Math.max(0, (f - PREIMPORT_END) / (importEnd - PREIMPORT_END))
        )
    const files = this.files.map((file, i) =>
      this.fileAt(i, tasksCreated ? g : 0, ended, failsJob, now)
    )
    const importedRows = files.reduce((s, x) => s + x.importedRows, 0)
    const totalRows = files.reduce((s, x) => s + x.totalRows, 0)
    const base = {
      jobId: this.jobId,
      collectionName: this.collectionName,
      createTime: this.createdAt,
      tasksCreated,
      ended,
      files
    }
    if (ended) {
      return {
        ...base,
        endTime: this.endedAt,
        ...this.endState(importedRows, totalRows)
      }
    }
    let progress: number
    if (f < PREIMPORT_END) progress = Math.floor(100 * f)
    else if (f < importEnd)
      progress =
        40 + (totalRows ? Math.floor((30 * importedRows) / totalRows) : 0)
    else if (f < INDEX_END) progress = Math.floor(100 * f)
    else progress = 99
    return {
      ...base,
      state: f < PENDING_END ? 'Pending' : 'Importing',
      progress,
      importedRows: tasksCreated ? importedRows : 0,
      totalRows: tasksCreated ? totalRows : 0,
      reason: ''
    }
  }

  private endState(
    importedRows: number,
    totalRows: number
  ): Pick<
    JobSnapshot,
    | 'state'
    | 'progress'
    | 'importedRows'
    | 'totalRows'
    | 'reason'
    | 'completeTime'
  > {
    const rows = { importedRows, totalRows, reason: '' }
    switch (this.outcome.kind) {
      case 'completed':
        return {
          ...rows,
          state: 'Completed',
          progress: 100,
          completeTime: this.endedAt
        }
      case 'uncommitted':
        return { ...rows, state: 'Uncommitted', progress: 99 }
      case 'failed':
        // Milvus zeroes progress and rows of a failed job.
        return {
          state: 'Failed',
          progress: 0,
          importedRows: 0,
          totalRows: 0,
          reason: this.script.reason ?? this.failureReason()
        }
      case 'none':
        return {
          state: 'None',
          progress: 0,
          importedRows: 0,
          totalRows: 0,
          reason: this.script.reason ?? 'unknown import job state'
        }
      default:
        return {
          ...rows,
          state: this.outcome.state,
          progress: 99,
          reason: this.script.reason ?? ''
        }
    }
  }

  private failureReason(): string {
    const failing = this.files.filter((f) => f.failReason)
    if (failing.length === 0) return 'import failed'
    return failing
      .map((f) => `failed to import file "${f.name}": ${f.failReason}`)
      .join('; ')
  }

  private fileAt(
    i: number,
    g: number,
    ended: boolean,
    failsJob: boolean,
    now: number
  ): FileSnapshot {
    const file = this.files[i]
    const { start, end } = this.slots[i]
    const local = g >= end ? 1 : g <= start ? 0 : (g - start) / (end - start)
    const base = {
      name: file.name,
      fileSize: file.size,
      totalRows: file.rows,
      reason: ''
    }
    if (!file.failReason) {
      if (local >= 1) {
        if (!this.fileDoneAt.has(i)) this.fileDoneAt.set(i, now)
        return {
          ...base,
          state: 'Completed',
          progress: 100,
          importedRows: file.rows,
          completeTime: this.fileDoneAt.get(i)
        }
      }
      const progress = Math.floor(100 * local)
      return {
        ...base,
        state: local > 0 ? 'InProgress' : 'Pending',
        progress,
        importedRows: Math.floor((progress * file.rows) / 100)
      }
    }
    const failed = ended || (local >= 1 && !failsJob)
    if (failed) {
      // A failed task's segments are dropped: it reports no progress.
      return {
        ...base,
        state: 'Failed',
        progress: 0,
        importedRows: 0,
        reason: file.failReason
      }
    }
    const progress = Math.floor(100 * FAIL_POINT * local)
    return {
      ...base,
      state: local > 0 ? 'InProgress' : 'Pending',
      progress,
      importedRows: Math.floor((progress * file.rows) / 100)
    }
  }
}

/** The scripted jobs of one simulator, on its clock. */
export class JobStore {
  readonly all: ScriptedJob[] = []
  private added = 0

  constructor(
    readonly now: () => number,
    scripts: JobScript[] = []
  ) {
    for (const script of scripts) this.add(script)
  }

  /** Adds a job; its creation time is now unless its script says. */
  add(script: JobScript): void {
    // Insertion order breaks ties, so jobs added in a row still list in order.
    this.all.push(new ScriptedJob(script, this.now() + this.added++))
  }

  /** The job as a describe sees it; a dry run counts no poll (for faults). */
  observe(job: ScriptedJob, dryRun: boolean): JobSnapshot {
    return dryRun ? job.peek(this.now()) : job.describe(this.now())
  }

  /** Every job by creation time, oldest or newest first. */
  sorted(order: 'oldest' | 'newest'): ScriptedJob[] {
    const list = [...this.all].sort((a, b) => a.createdAt - b.createdAt)
    return order === 'oldest' ? list : list.reverse()
  }

  /** The job with exactly this ID, as Zilliz Cloud matches it. */
  find(jobId: string): ScriptedJob | undefined {
    return this.all.find((j) => j.jobId === jobId)
  }
}
