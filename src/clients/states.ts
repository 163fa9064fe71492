import type { JobStatus } from './job.js'

/** A server's state word read into the v2 vocabulary. */
export interface ReadState {
  /** Pending, Importing, Completed, Failed, ... or the server's own word. */
  state: string
  /** The server's own word (ImportCompleted, 6, ...). */
  rawState: string
  status: JobStatus
}

const running = (state: string) => ({ state, status: 'running' as const })
const completed = { state: 'Completed', status: 'completed' as const }
const failed = { state: 'Failed', status: 'failed' as const }

// Every state word a documented server or SDK sends, whatever the API: the
// documents mix them (a v2 list may say ImportCompleted, a v1 list
// Completed), so one table serves every client.
const STATES: Record<string, { state: string; status: JobStatus }> = {
  // REST v2 (Milvus and Zilliz Cloud). Milvus collapses its internal states
  // into these; see the API reference, "State mapping".
  Pending: running('Pending'),
  Importing: running('Importing'),
  Committing: running('Committing'),
  // The Zilliz Cloud list page names Importing so (it is Milvus's task word).
  InProgress: running('Importing'),
  Completed: completed,
  Failed: failed,
  // Milvus reports None for an internal state it cannot name: not a success.
  None: { state: 'None', status: 'failed' },
  Uncommitted: { state: 'Uncommitted', status: 'uncommitted' },
  // The gRPC ImportState enum, and the legacy v1 list words.
  ImportPending: running('Pending'),
  ImportRunning: running('Importing'),
  ImportStarted: running('Importing'),
  ImportPersisted: running('Importing'),
  ImportFlushed: running('Importing'),
  ImportCompleted: completed,
  ImportFailed: failed,
  ImportFailedAndCleaned: failed,
  // pymilvus BulkInsertState.state_name.
  Started: running('Importing'),
  Persisted: running('Importing'),
  Flushed: running('Importing'),
  FailedAndCleaned: failed,
  'Failed and cleaned': failed
}

/** The numeric ImportState values, for servers or SDKs that send numbers. */
const STATE_NUMBERS: Record<string, string> = {
  '0': 'ImportPending',
  '1': 'ImportFailed',
  '2': 'ImportStarted',
  '5': 'ImportPersisted',
  '6': 'ImportCompleted',
  '7': 'ImportFailedAndCleaned',
  '8': 'ImportFlushed'
}

/**
 * Reads a job state from any API (a name or an ImportState number) into the
 * v2 vocabulary. A word no table lists is unknown: polled on, never success.
 */
export function readState(raw: string | number): ReadState {
  // Only the gRPC SDK sends numbers (for enum values its proto lacks); a
  // string "6" from a REST server is no state word.
  const text = String(raw)
  const rawState =
    typeof raw === 'number' && Object.hasOwn(STATE_NUMBERS, text)
      ? STATE_NUMBERS[text]
      : text
  // Exact words only: a success must be the documented word, so a
  // "completed" or "COMPLETED" is unknown (polled on with a warning).
  const known = Object.hasOwn(STATES, rawState) ? STATES[rawState] : undefined
  return known
    ? { ...known, rawState }
    : { state: rawState, rawState, status: 'unknown' }
}

/** Maps a job state of any API to what it means to the poller. */
export function v2JobStatus(state: string): JobStatus {
  return readState(state).status
}

/** Maps a gRPC ImportState (name or number) to the v2 vocabulary. */
export const grpcState = readState

/** Maps a legacy v1 list state to the v2 vocabulary. */
export const v1ListState = readState

/**
 * Names a file's state in the v2 vocabulary when it is a job word
 * (ImportCompleted → Completed); task words such as InProgress stay.
 */
export function fileState(raw: string): string {
  if (raw === '' || raw === 'InProgress') return raw
  const read = readState(raw)
  return read.status === 'unknown' ? raw : read.state
}
