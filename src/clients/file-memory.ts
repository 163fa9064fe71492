import type { FileProgress } from './job.js'

/** Whether two file entries say the same thing, field by field. */
function sameFile(a: FileProgress, b: FileProgress): boolean {
  return (
    a.fileName === b.fileName &&
    a.state === b.state &&
    a.progress === b.progress &&
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
 * until the next full collection. Entries are shared between answers, so
 * they are read, never changed (freezing them would cost V8 a map per entry).
 */
export class FileMemory {
  private readonly last = new Map<string, FileProgress[]>()

  /** The files of this answer, unchanged entries replaced by the earlier ones. */
  reuse(jobId: string, files: FileProgress[]): FileProgress[] {
    const before = this.last.get(jobId)
    let same = before?.length === files.length
    for (let i = 0; i < files.length; i++) {
      const old = before?.[i]
      if (old && sameFile(old, files[i])) files[i] = old
      else same = false
    }
    // A whole answer of unchanged files keeps the earlier array too.
    const kept = same && before ? before : files
    this.last.set(jobId, kept)
    return kept
  }
}
