/**
 * The legacy Milvus gRPC import API (MilvusService GetImportState and
 * ListImportTasks). It speaks through @grpc/grpc-js with the Milvus Node SDK's
 * own precompiled proto definitions and loader options, so requests and
 * replies are exactly what the SDK's MilvusClient sends and returns. The SDK's
 * root module is not used: it also loads the bulk writer (parquetjs, the AWS
 * S3 client), which adds over 6 MB to the bundle and cannot load under jest.
 * The action loads this module only with a dynamic import(), so gRPC stays
 * out of the main bundle.
 */
import * as grpc from '@grpc/grpc-js'
import { z } from 'zod'
import {
  ActionError,
  ApiError,
  CancelledError,
  InputError,
  MalformedResponseError,
  TransientError
} from '../errors.js'
import { safeLogText } from '../runner/escape.js'
import { fromServer, serverString } from '../text/server-text.js'
import { apiCodeError } from './codes.js'
import { milvusPackage } from './milvus-proto.js'
import type {
  CallOptions,
  FileProgress,
  ImportApi,
  ImportJob,
  JobListing,
  ListQuery
} from './job.js'
import { grpcState } from './states.js'
import { checkEchoedJobId, rows } from './wire.js'

/** Where and how to reach Milvus over gRPC. */
export interface GrpcConfig {
  /** grpc://host:19530, or grpcs://host:443 for TLS. */
  address: string
  /** user:password or an API key. */
  token?: string
  dbName?: string
}

const API = 'Milvus gRPC'
// Milvus serves gRPC and REST on one port, so with api: grpc an http(s)://
// endpoint means the same host and port, in plain text or TLS.
const DEFAULT_PORTS: Record<string, string> = {
  'grpc:': '19530',
  'grpcs:': '443',
  'http:': '19530',
  'https:': '443'
}
const INT64_MAX = 2n ** 63n - 1n

// The SDK's channel options (milvus/grpc/BaseClient.ts), minus its retries:
// retrying belongs to the poller alone.
const CHANNEL_OPTIONS: grpc.ChannelOptions = {
  'grpc.max_receive_message_length': -1,
  'grpc.max_send_message_length': -1,
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.enable_retries': 0
}

type UnaryMethod = (
  request: object,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, reply: unknown) => void
) => grpc.ClientUnaryCall

type MilvusServiceClient = grpc.Client & Record<string, UnaryMethod>

let serviceCtor: grpc.ServiceClientConstructor | undefined

/** Builds the MilvusService client class from the SDK's proto JSON, once. */
function milvusService(): grpc.ServiceClientConstructor {
  if (!serviceCtor) {
    serviceCtor = milvusPackage().MilvusService
  }
  return serviceCtor
}

// The SDK decodes with longs: String and enums: String, so int64 fields are
// decimal strings and enums are names (or numbers the SDK's proto lacks).
// Task IDs are positive int64s; 0 means the server did not say.
const TaskId = z.string().regex(/^\d{1,19}$/, 'must be an int64 task ID')
const Status = z.object({
  code: z.number().int().optional(),
  error_code: z.union([z.string(), z.number()]).optional(),
  reason: serverString.optional()
})
const WithStatus = z.object({ status: Status })
const KeyValue = z.object({ key: z.string(), value: serverString })
// infos is the gRPC answer's map: a key given twice is as ambiguous as a
// repeated JSON key, so the reply is unreadable.
const Infos = z
  .array(KeyValue)
  .refine(
    (list) => new Set(list.map((kv) => kv.key)).size === list.length,
    'a key is given twice'
  )
const ImportState = z.object({
  state: z.union([z.string().min(1).transform(fromServer), z.number().int()]),
  row_count: rows,
  infos: Infos,
  id: TaskId
})
const TaskList = z.object({ tasks: z.array(ImportState) })

type ImportStateReply = z.infer<typeof ImportState>

/** Creates the gRPC client; it connects on the first call. */
export async function createGrpcApi(config: GrpcConfig): Promise<ImportApi> {
  const { hostPort, tls } = parseAddress(config.address)
  const Service = milvusService()
  const client = new Service(
    hostPort,
    tls ? grpc.credentials.createSsl() : grpc.credentials.createInsecure(),
    CHANNEL_OPTIONS
  ) as MilvusServiceClient
  // The metadata the SDK sends: the token base64-encoded, and the database.
  const metadata = new grpc.Metadata()
  if (config.token) {
    metadata.set(
      'authorization',
      Buffer.from(config.token, 'utf-8').toString('base64')
    )
  }
  if (config.dbName) metadata.set('dbname', config.dbName)

  const unary = (
    method: string,
    request: object,
    jobId: string | undefined,
    options: CallOptions
  ) => call(client, method, request, metadata, jobId, options)

  return {
    name: API,
    endpointKey: hostPort,

    async getJob(jobId: string, options: CallOptions): Promise<ImportJob> {
      // int64 goes out as a decimal string: protobufjs encodes it exactly,
      // where a JS number would round IDs above 2^53.
      const task = taskId(jobId)
      const reply = await unary('GetImportState', { task }, jobId, options)
      const state = parseReply(reply, ImportState, 'GetImportState')
      if (state.id !== '0')
        checkEchoedJobId(task, state.id, `${API} GetImportState`)
      return toJob(task, state)
    },

    async listJobs(
      query: ListQuery,
      options: CallOptions
    ): Promise<JobListing[]> {
      const collectionName = query.collectionName
      if (!collectionName) {
        throw new InputError(
          'The Milvus gRPC API lists import jobs per collection only. Set collection-name, or set job-id.'
        )
      }
      const request = {
        collection_name: collectionName,
        // 0 asks for every task the server keeps; pre-2.4 servers would
        // otherwise cut the list.
        limit: 0,
        db_name: config.dbName ?? ''
      }
      const reply = await unary('ListImportTasks', request, undefined, options)
      const { tasks } = parseReply(reply, TaskList, 'ListImportTasks')
      return toListings(tasks, collectionName)
    },

    async close(): Promise<void> {
      client.close()
    }
  }
}

/** Splits grpc://host:port into the SDK's host:port and the TLS flag. */
function parseAddress(address: string): { hostPort: string; tls: boolean } {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    url = new URL('invalid:')
  }
  if (!(url.protocol in DEFAULT_PORTS) || !url.hostname) {
    throw new InputError(
      `Input "endpoint" must look like grpc://host:19530 or grpcs://host:443 for the gRPC API (http:// and https:// name the same port) (got "${safeLogText(address, 200)}").`
    )
  }
  const port = url.port || DEFAULT_PORTS[url.protocol]
  return {
    hostPort: `${url.hostname}:${port}`,
    tls: url.protocol === 'grpcs:' || url.protocol === 'https:'
  }
}

/** Checks that a job ID is a Milvus task ID: a decimal int64. */
function taskId(jobId: string): string {
  const id = jobId.trim()
  if (!/^\d{1,19}$/.test(id) || BigInt(id) > INT64_MAX) {
    throw new InputError(
      `Job ID "${safeLogText(jobId, 100)}" is not a Milvus import task ID. The gRPC API takes the number bulk_insert returned, such as 463071155436633601.`
    )
  }
  return id
}

/**
 * Runs one unary call with its deadline, cancels it when the step is
 * cancelled, checks the reply's status and turns every failure into an
 * ActionError.
 */
async function call(
  client: MilvusServiceClient,
  method: string,
  request: object,
  metadata: grpc.Metadata,
  jobId: string | undefined,
  options: CallOptions
): Promise<unknown> {
  const { signal, timeoutMs } = options
  if (signal?.aborted) throw cancelled(method)
  const reply = await new Promise<unknown>((resolve, reject) => {
    const onAbort = () => pending.cancel()
    const pending = client[method](
      request,
      metadata.clone(),
      { deadline: Date.now() + Math.max(1, timeoutMs) },
      (error, value) => {
        signal?.removeEventListener('abort', onAbort)
        if (!error) return resolve(value)
        reject(
          signal?.aborted
            ? cancelled(method)
            : transportError(error, method, timeoutMs)
        )
      }
    )
    signal?.addEventListener('abort', onAbort, { once: true })
  }).catch((error: unknown) => {
    // grpc-js throws synchronously when it cannot encode the request.
    if (error instanceof ActionError) throw error
    throw new ApiError(
      `${API} could not send ${method}: ${safeLogText(String(error), 300)}.`
    )
  })
  checkStatus(reply, method, jobId)
  return reply
}

function cancelled(method: string): CancelledError {
  return new CancelledError(`${API} ${method} was cancelled.`)
}

/**
 * Every reply carries a common.Status; a non-zero code means the other
 * fields are defaults, not data. Servers before 2.3 set only error_code.
 */
function checkStatus(
  reply: unknown,
  method: string,
  jobId: string | undefined
): void {
  const { status } = parseReply(reply, WithStatus, method)
  const code = status.code ?? 0
  const legacy = status.error_code ?? 'Success'
  const reason = status.reason ?? ''
  if (code !== 0) {
    throw apiCodeError(code, reason, { api: API, jobId })
  }
  if (legacy !== 'Success' && legacy !== 0) {
    // 65535 is Milvus's own code for an unclassified error.
    throw apiCodeError(65535, `${legacy}: ${reason}`, { api: API, jobId })
  }
}

/** Validates a decoded reply; names the first bad field in one line. */
function parseReply<T>(
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

/** Maps a grpc-js call error to an ActionError. */
function transportError(
  error: grpc.ServiceError,
  method: string,
  timeoutMs: number
): ActionError {
  const details = safeLogText(fromServer(error.details || error.message), 300)
  switch (error.code) {
    case grpc.status.UNAUTHENTICATED:
      return new ApiError(
        `Authentication failed. ${API} refused ${method} (UNAUTHENTICATED: ${details}). Check the secret passed to api-key: a Milvus token "user:password" or an API key.`,
        'UNAUTHENTICATED'
      )
    case grpc.status.PERMISSION_DENIED:
      return new ApiError(
        `Permission denied. ${API} refused ${method} (PERMISSION_DENIED: ${details}). Give the api-key's user the import privilege on this collection and database.`,
        'PERMISSION_DENIED'
      )
    case grpc.status.UNIMPLEMENTED:
      return new ApiError(
        `${API} does not serve ${method} at this endpoint (UNIMPLEMENTED: ${details}). Check endpoint, or use api: v2 with the Milvus REST endpoint (http://host:19530).`,
        'UNIMPLEMENTED'
      )
    case grpc.status.INVALID_ARGUMENT:
      return new ApiError(
        `${API} rejected ${method} (INVALID_ARGUMENT: ${details}). Check job-id, collection-name and db-name.`,
        'INVALID_ARGUMENT'
      )
    case grpc.status.DEADLINE_EXCEEDED:
      return new TransientError(
        `${API} ${method} got no answer within ${formatDuration(timeoutMs)}.`
      )
    case grpc.status.UNAVAILABLE:
      return new TransientError(
        `Cannot reach ${API} for ${method} (UNAVAILABLE: ${details}). Check endpoint (grpc:// for plain, grpcs:// for TLS) and that Milvus is running.`
      )
    default:
      return new TransientError(
        `${API} ${method} failed (${grpc.status[error.code] ?? `gRPC code ${error.code}`}: ${details}).`
      )
  }
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10}s`
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
function toJob(jobId: string, reply: ImportStateReply): ImportJob {
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
function toListings(
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
