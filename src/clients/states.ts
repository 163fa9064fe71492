import type { JobStatus } from './job.js'

// The job states of the v2 REST API (Milvus and Zilliz Cloud). Milvus collapses
// its internal states into these; see the API reference, "State mapping".
const V2_JOB_STATES: Record<string, JobStatus> = {
  Pending: 'running',
  Importing: 'running',
  Committing: 'running',
  Completed: 'completed',
  Failed: 'failed',
  // Milvus reports None for an internal state it cannot name: not a success.
  None: 'failed',
  Uncommitted: 'uncommitted'
}

/** Maps a v2 job state to what it means to the poller; unseen → unknown. */
export function v2JobStatus(state: string): JobStatus {
  return Object.hasOwn(V2_JOB_STATES, state) ? V2_JOB_STATES[state] : 'unknown'
}

// The legacy gRPC ImportState names, mapped to the v2 vocabulary. Milvus 2.4+
// maps Uncommitted/Committing/None to ImportFailed on this API.
const GRPC_STATES: Record<string, { state: string; status: JobStatus }> = {
  ImportPending: { state: 'Pending', status: 'running' },
  ImportStarted: { state: 'Importing', status: 'running' },
  ImportPersisted: { state: 'Importing', status: 'running' },
  ImportFlushed: { state: 'Importing', status: 'running' },
  ImportCompleted: { state: 'Completed', status: 'completed' },
  ImportFailed: { state: 'Failed', status: 'failed' },
  ImportFailedAndCleaned: { state: 'Failed', status: 'failed' }
}

/** The numeric ImportState values, for servers or SDKs that send numbers. */
const GRPC_STATE_NUMBERS: Record<string, string> = {
  '0': 'ImportPending',
  '1': 'ImportFailed',
  '2': 'ImportStarted',
  '5': 'ImportPersisted',
  '6': 'ImportCompleted',
  '7': 'ImportFailedAndCleaned',
  '8': 'ImportFlushed'
}

/** Maps a gRPC ImportState (name or number) to the v2 vocabulary. */
export function grpcState(raw: string | number): {
  state: string
  rawState: string
  status: JobStatus
} {
  const name = GRPC_STATE_NUMBERS[String(raw)] ?? String(raw)
  const known = Object.hasOwn(GRPC_STATES, name) ? GRPC_STATES[name] : null
  return known
    ? { ...known, rawState: name }
    : { state: name, rawState: name, status: 'unknown' }
}

// Legacy v1 list states.
const V1_LIST_STATES: Record<string, { state: string; status: JobStatus }> = {
  ImportRunning: { state: 'Importing', status: 'running' },
  ImportPending: { state: 'Pending', status: 'running' },
  ImportCompleted: { state: 'Completed', status: 'completed' },
  ImportFailed: { state: 'Failed', status: 'failed' }
}

/** Maps a legacy v1 list state to the v2 vocabulary. */
export function v1ListState(raw: string): { state: string; status: JobStatus } {
  return Object.hasOwn(V1_LIST_STATES, raw)
    ? V1_LIST_STATES[raw]
    : { state: raw, status: v2JobStatus(raw) }
}
