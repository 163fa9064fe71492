import type { FileProgress } from '../../src/clients/job.js'
import type { RunResult } from '../../src/report/result.js'
import type { JobResult } from '../../src/wait/wait-for-jobs.js'
import { job } from './fake-import-api.js'

/** Builds n files named data/<i>.parquet, the failed ones with a reason. */
export function files(
  n: number,
  failed: (i: number) => boolean = () => false
): FileProgress[] {
  return Array.from({ length: n }, (_, i) =>
    failed(i)
      ? {
          fileName: `data/${i}.parquet`,
          state: 'Failed',
          progress: 0,
          importedRows: 0n,
          totalRows: 100n,
          reason: `row ${i}: dim 512, expected 768`
        }
      : {
          fileName: `data/${i}.parquet`,
          state: 'Completed',
          progress: 100,
          importedRows: 100n,
          totalRows: 100n
        }
  )
}

/** A job result whose last snapshot is Completed (or Failed) with these files. */
export function jobResult(
  jobId: string,
  fileList: FileProgress[],
  extra: Partial<JobResult> = {}
): JobResult {
  const failed = extra.outcome === 'failed'
  const rows = (pick: (f: FileProgress) => bigint | undefined) =>
    fileList.reduce((s, f) => s + (pick(f) ?? 0n), 0n)
  return {
    jobId,
    outcome: 'success',
    polls: 1,
    job: job(failed ? 'Failed' : 'Completed', failed ? 0 : 100, {
      jobId,
      collectionName: 'articles',
      importedRows: rows((f) => f.importedRows),
      totalRows: rows((f) => f.totalRows),
      completeTime: '2026-12-01T10:00:00Z',
      files: fileList
    }),
    ...extra
  }
}

/** A run result over these jobs. */
export function runResult(
  jobs: JobResult[],
  extra: Partial<RunResult> = {}
): RunResult {
  return {
    outcome: 'success',
    jobs,
    elapsedMs: 42_000,
    reason: '',
    apiName: 'Milvus REST v2',
    ...extra
  }
}
