/**
 * One unary Milvus gRPC call, made safe for the poller: its deadline, the
 * step's cancel, the common.Status every reply carries, and grpc-js errors,
 * all turned into ActionErrors. Kept apart from the client so the client
 * only says which calls it makes and what it reads from them.
 */
import * as grpc from '@grpc/grpc-js'
import { z } from 'zod'
import {
  ActionError,
  ApiError,
  CancelledError,
  TransientError
} from '../errors.js'
import { safeLogText } from '../text/escape.js'
import { fromServer, serverString } from '../text/server-text.js'
import { apiCodeError } from './codes.js'
import { API, parseReply } from './grpc-jobs.js'
import type { CallOptions } from './job.js'

type UnaryMethod = (
  request: object,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, reply: unknown) => void
) => grpc.ClientUnaryCall

/** A MilvusService client: its unary methods by name. */
export type MilvusServiceClient = grpc.Client & Record<string, UnaryMethod>

const Status = z.object({
  code: z.number().int().optional(),
  error_code: z.union([z.string(), z.number()]).optional(),
  reason: serverString.optional()
})
const WithStatus = z.object({ status: Status })

/**
 * Runs one unary call with its deadline, cancels it when the step is
 * cancelled, checks the reply's status and turns every failure into an
 * ActionError.
 */
export async function call(
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
    // Classified as Milvus's own unclassified code, 65535, but named as sent.
    throw apiCodeError(65535, reason, {
      api: API,
      jobId,
      codeName: `error_code ${safeLogText(fromServer(String(legacy)), 60)}`
    })
  }
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
