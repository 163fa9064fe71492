import { z } from 'zod'
import { fromServer } from '../text/server-text.js'
import type { FileProgress } from './job.js'
import { progressInput, toProgress } from './progress.js'
import { fileState } from './states.js'
import {
  countInput,
  displayFileName,
  ROWS_ISSUE,
  rowsInput,
  toRows
} from './wire.js'

/**
 * The file entries of a v2 describe answer; a job has up to 1,024 of them
 * (Milvus' maxFilesPerImportReq), read on every poll. Both shapes: Zilliz
 * Cloud may lack importedRows; Milvus sorts keys and leaves reason out when
 * empty. The fields are checked for their types only, and one transform per
 * entry reads them (server strings through fromServer, rows exact): a
 * transform per field costs zod a pipe and a closure each, five times the
 * memory of the entry itself. Unknown keys are dropped.
 */
const text = z.string().nullish()
export const Detail = z
  .object({
    fileName: text,
    fileSize: countInput.nullish(),
    state: text,
    progress: progressInput.nullish(),
    importedRows: rowsInput.nullish(),
    totalRows: rowsInput.nullish(),
    reason: text,
    errorMessage: text,
    failedReason: text,
    completeTime: text
  })
  .transform((d, ctx): FileProgress => {
    const rowsOf = (key: 'importedRows' | 'totalRows') => {
      const v = d[key]
      if (v === null || v === undefined) return undefined
      const n = toRows(v)
      if (n === undefined)
        ctx.addIssue({ code: 'custom', message: ROWS_ISSUE, path: [key] })
      return n
    }
    const importedRows = rowsOf('importedRows')
    const totalRows = rowsOf('totalRows')
    if (ctx.issues.length) return z.NEVER
    return {
      fileName: displayFileName(fromServer(d.fileName ?? '')),
      state: fileState(fromServer(d.state ?? '')),
      progress: toProgress(d.progress),
      importedRows,
      totalRows,
      fileSize:
        d.fileSize === null || d.fileSize === undefined
          ? undefined
          : Number(d.fileSize),
      reason: failure(d.reason || d.failedReason || d.errorMessage),
      completeTime: d.completeTime ? fromServer(d.completeTime) : undefined
    }
  })

/** A file's failure reason, through the trust boundary; none when empty. */
const failure = (said: string | null | undefined) =>
  said ? fromServer(said) : undefined

/** Whether an entry says what a file read now says, progress as given. */
function sameFile(
  a: FileProgress,
  b: FileProgress,
  progress: number | undefined
): boolean {
  return (
    a.fileName === b.fileName &&
    a.state === b.state &&
    a.progress === progress &&
    a.importedRows === b.importedRows &&
    a.totalRows === b.totalRows &&
    a.fileSize === b.fileSize &&
    a.reason === b.reason &&
    a.completeTime === b.completeTime
  )
}

/**
 * Remembers the file entries of each job's last answer and hands back the
 * earlier entry when a file is unchanged. Between two polls most files of a
 * large job are unchanged (done, or not started); the poller holds each
 * answer until the next, long enough for V8 to move it to the old
 * generation, where a fresh copy of every entry per poll piles up as garbage
 * until the next full collection.
 *
 * An entry is made only for a file that is new or changed, so every entry
 * made here is kept: V8 moves the objects of an allocation site straight to
 * the old generation once most of them live long (pretenuring), and a site
 * whose copies were kept on the first poll and dropped on the next ones
 * would then put every poll's garbage there. Entries are shared between
 * answers, so they are read, never changed (freezing them would cost V8 a
 * map each).
 */
export class FileMemory {
  private readonly last = new Map<string, FileProgress[]>()

  /** The entries of the files read now, each with its progress. */
  entries(
    jobId: string,
    read: FileProgress[],
    progressOf: (file: FileProgress) => number | undefined
  ): FileProgress[] {
    const before = this.last.get(jobId)
    let same = before?.length === read.length
    const files = read.map((file, i) => {
      const progress = progressOf(file)
      const old = before?.[i]
      if (old && sameFile(old, file, progress)) return old
      same = false
      return { ...file, progress }
    })
    // An answer of only unchanged files keeps the earlier array too.
    const kept = same && before ? before : files
    this.last.set(jobId, kept)
    return kept
  }
}
