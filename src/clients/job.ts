/**
 * The one import-job model every API client returns, so the poller and the
 * reporter never know which API answered.
 */

/**
 * What a state means to the poller:
 * - `running`: keep polling (Pending, Importing, Committing).
 * - `completed`: the import succeeded (the only success).
 * - `failed`: the import failed (Failed, None, ImportFailed...).
 * - `uncommitted`: a 2PC import waits for a commit; waiting will not help.
 * - `unknown`: a state we have never seen; keep polling with a warning, and
 *   never treat it as success.
 */
export type JobStatus =
  'running' | 'completed' | 'failed' | 'uncommitted' | 'unknown'

/** One file (Milvus: one import task) of an import job. */
export interface FileProgress {
  fileName: string
  /** State as the server names it: Completed, InProgress, Failed, ... */
  state: string
  /** 0-100, when the server reports it. */
  progress?: number
  importedRows?: bigint
  totalRows?: bigint
  fileSize?: number
  reason?: string
  completeTime?: string
}

/** A snapshot of one import job, normalised across APIs. */
export interface ImportJob {
  jobId: string
  /**
   * State in the v2 vocabulary (Pending, Importing, Completed, Failed,
   * Uncommitted, Committing, None), or the server's own word when it is
   * one we do not know.
   */
  state: string
  /** The server's own word for the state, when it differs (ImportCompleted). */
  rawState?: string
  status: JobStatus
  /** 0-100. */
  progress: number
  importedRows?: bigint
  totalRows?: bigint
  collectionName?: string
  reason?: string
  completeTime?: string
  files: FileProgress[]
}

/** A job as a list call reports it: enough to choose which to wait for. */
export interface JobListing {
  jobId: string
  collectionName?: string
  state: string
  status: JobStatus
  progress?: number
  /** When the job was created, if the list says (Milvus 2.6+ style). */
  createTime?: string
}

/** What a list call filters on. */
export interface ListQuery {
  collectionName?: string
}

/** Options every request takes: its own time limit and the step's abort. */
export interface CallOptions {
  /** Time limit for this request, in ms. */
  timeoutMs: number
  signal?: AbortSignal
}

/** What a create call sends: Milvus bucket keys, or Zilliz Cloud URLs. */
export interface CreateRequest {
  collectionName: string
  partitionName?: string
  /** Milvus: groups of object keys in its own bucket. */
  files?: string[][]
  /** Zilliz Cloud: groups of object-storage URLs, with their keys. */
  objectUrls?: string[][]
  accessKey?: string
  secretKey?: string
  /** String values only: Milvus rejects any other JSON type. */
  options?: Record<string, string>
}
