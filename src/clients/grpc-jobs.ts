/**
 * The Milvus gRPC import task, read as the action's job model: the task ID a
 * user passes, the GetImportState and ListImportTasks reply shapes, and their
 * mapping to ImportJob and JobListing. Kept apart from the client because it
 * is pure: no gRPC, only the decoded replies.
 */
import { z } from 'zod'
import { ApiError, InputError, MalformedResponseError } from '../errors.js'
import { safeLogText } from '../text/escape.js'
import { fromServer, serverString } from '../text/server-text.js'
import type { FileProgress, ImportJob, JobListing } from './job.js'
import { grpcState } from './states.js'
import { rows } from './wire.js'

/** The API's name in every message of the gRPC client. */
export const API = 'Milvus gRPC'
const INT64_MAX = 2n ** 63n - 1n

// The SDK decodes with longs: String and enums: String, so int64 fields are
// decimal strings and enums are names (or numbers the SDK's proto lacks).
// Task IDs are positive int64s; 0 means the server did not say.
const TaskId = z.string().regex(/^\d{1,19}$/, 'must be an int64 task ID')
const KeyValue = z.object({ key: z.string(), value: serverString })
// infos is the gRPC answer's map: a key given twice is as ambiguous as a
// repeated JSON key, so the reply is unreadable.
const Infos = z
  .array(KeyValue)
  .refine(
    (list) => new Set(list.map((kv) => kv.key)).size === list.length,
    'a key is given twice'
  )
export const ImportState = z.object({
  state: z.union([z.string().min(1).transform(fromServer), z.number().int()]),
  row_count: rows,
  infos: Infos,
  id: TaskId
})
export const TaskList = z.object({ tasks: z.array(ImportState) })

type ImportStateReply = z.infer<typeof ImportState>

/** Validates a decoded reply; names the first bad field in one line. */
export function parseReply<T>(
  reply: unknown,
  schema: z.ZodType<T>,
  method: string
): T {
  const parsed = schema.safeParse(reply)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const field = issue.path.length ? issue.path.join('.') : 'reply'
  throw new MalformedResponseError(
    `${API} ${method} returned an unexpected reply (${field}: ${safeLogText(issue.message, 200)}).`
  )
}

/** Checks that a job ID is a Milvus task ID: a decimal int64. */
export function taskId(jobId: string): string {
  const id = jobId.trim()
  if (!/^\d{1,19}$/.test(id) || BigInt(id) > INT64_MAX) {
    throw new InputError(
      [],
      `Job ID "${safeLogText(jobId, 100)}" is not a Milvus import task ID. The gRPC API takes the number bulk_insert returned, such as 463071155436633601.`
    )
  }
  return id
}

/** Reads the key/value infos into a plain map. */
function infoMap(infos: { key: string; value: string }[]): Map<string, string> {
  return new Map(infos.map((kv) => [kv.key, kv.value]))
}

/** progress_percent as 0-100; absent means 100 once completed, else 0. */
function readProgress(
  infos: Map<string, string>,
  completed: boolean,
  method: string
): number {
  const raw = infos.get('progress_percent')
  if (raw === undefined || raw === '') return completed ? 100 : 0
  const value = Number(raw)
  if (!Number.isFinite(value)) {
    throw new MalformedResponseError(
      `${API} ${method} returned an unexpected reply (infos.progress_percent: "${safeLogText(raw, 50)}" is not a number).`
    )
  }
  return Math.min(100, Math.max(0, Math.round(value)))
}

/** Normalises a GetImportState reply. */
export function toJob(jobId: string, reply: ImportStateReply): ImportJob {
  const { state, rawState, status } = grpcState(reply.state)
  const infos = infoMap(reply.infos)
  const progress = readProgress(infos, status === 'completed', 'GetImportState')
  const reason = infos.get('failed_reason') || undefined
  // Only servers before 2.4 list the task's files (comma-separated paths).
  const files: FileProgress[] = (infos.get('files') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((fileName) => ({ fileName, state, progress }))
  return {
    jobId: jobId.trim(),
    state,
    rawState,
    status,
    progress,
    importedRows: reply.row_count,
    collectionName: infos.get('collection') || undefined,
    reason,
    files
  }
}

/** Normalises ListImportTasks tasks, newest (highest ID) first. */
export function toListings(
  tasks: ImportStateReply[],
  collectionName: string
): JobListing[] {
  // Milvus 2.4+ answers this RPC without task IDs (id is 0 for every task).
  const withIds = tasks.filter((task) => task.id !== '0')
  if (tasks.length > 0 && withIds.length === 0) {
    throw new ApiError(
      `${API} lists the import jobs of "${safeLogText(collectionName, 200)}" without their IDs (Milvus 2.4 and later do), so the latest job cannot be chosen. Set job-id, or use api: v2 with the Milvus REST endpoint (http://host:19530).`
    )
  }
  return withIds
    .map((task) => {
      const { state, status } = grpcState(task.state)
      const infos = infoMap(task.infos)
      return {
        jobId: task.id,
        collectionName: infos.get('collection') || collectionName,
        state,
        status,
        progress: readProgress(infos, status === 'completed', 'ListImportTasks')
      }
    })
    .sort((a, b) => compareIds(b.jobId, a.jobId))
}

/** Orders int64 decimal strings numerically without losing precision. */
function compareIds(a: string, b: string): number {
  const x = BigInt(a)
  const y = BigInt(b)
  return x < y ? -1 : x > y ? 1 : 0
}
