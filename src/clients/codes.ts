import {
  ApiError,
  JobNotFoundError,
  MalformedResponseError,
  TransientError,
  type ActionError
} from '../errors.js'
import { safeLogText } from '../text/escape.js'

/** Where a request went, for error messages. */
export interface ErrorContext {
  /** "Zilliz Cloud v2", "Milvus REST v2", ... */
  api: string
  jobId?: string
  /** How the server named its code, when not by number (gRPC error_code). */
  codeName?: string
}

// Codes documented in the API reference, grouped by the fix they need.
const AUTH_CODES = new Set([1800, 80001, 80002, 21119])
const CLUSTER_CODES = new Set([80020, 90104, 40021, 40022])
const REQUEST_CODES = new Set([1801, 1802, 1100, 80000])
const NOT_FOUND_CODES = new Set([90144])
// A job ID the server cannot parse. Milvus 2.4, 2.5 and 2.6.0-2.6.18 say so
// with code 2100 ("importing data failed"), 2.6.19+ and 3.0 with 1100; the
// message is the one stable part ("parse job id failed").
const BAD_JOB_ID = /parse job id failed|expected=int64 jobId/i
// The job is gone: Milvus (code 2100, 2101 from 2.6.19) and Zilliz Cloud.
// Milvus before 2.4 reads a task from etcd and answers ErrIoKeyNotFound (1000),
// "key not found[key=by-dev/meta/importtask/<id>]", for a task it never had.
const NO_SUCH_JOB =
  /import job does not exist|no jobid record found|key not found\[key=[^\]]*\/importtask\//i
// "service not ready", "service unavailable", rate limited: worth retrying.
const TRANSIENT_CODES = new Set([1, 2, 1807])

/**
 * True when an envelope's code means success: 0 on every API, and 200 as
 * Zilliz Cloud v1, Milvus 2.4.0-2.4.2 and the published examples send it.
 * Milvus also uses 200 for "partition not found", so a 200 counts only with
 * data beside it.
 */
export function isSuccessCode(code: number, data: unknown): boolean {
  return code === 0 || (code === 200 && data !== undefined && data !== null)
}

// A message that reads as a failure, beside a code that means success.
const FAILURE_WORDS = /\b(?:fail|failed|failure|error|errors|denied|invalid)\b/i

/**
 * Throws when a success code comes with a message that says the call
 * failed ({"code":0,"message":"import failed"}): one of the two is wrong,
 * so the answer is not trusted.
 */
export function checkSuccessMessage(
  message: string | undefined,
  what: string
): void {
  if (!message || !FAILURE_WORDS.test(message)) return
  throw new MalformedResponseError(
    `${what} answered with a success code and the message ${JSON.stringify(safeLogText(message, 120))}, which says otherwise, so the answer is not trusted. Check the server.`
  )
}

/**
 * Classifies a non-zero API code (REST or gRPC status) into the error to
 * throw. Codes we do not know are treated as transient, so the poller retries
 * them within its error budget and then fails with this message.
 */
export function apiCodeError(
  code: number,
  rawMessage: string,
  context: ErrorContext,
  httpStatus?: number
): ActionError {
  // The fix follows as a new sentence; drop the message's own full stop.
  const message = safeLogText(rawMessage || 'no message', 300).replace(
    /\.+$/,
    ''
  )
  // A bare HTTP error (no JSON body) has no code worth quoting.
  const said =
    code === 0 && httpStatus
      ? `${context.api} answered HTTP ${httpStatus}${rawMessage ? `: ${message}` : ''}`
      : `${context.api} answered ${context.codeName ?? `code ${code}`}${httpStatus && httpStatus !== 200 ? ` (HTTP ${httpStatus})` : ''}: ${message}`
  if (BAD_JOB_ID.test(rawMessage)) {
    return new ApiError(
      `The job ID ${context.jobId ?? ''} was rejected. ${said}. Check job-id: Milvus job IDs are numbers such as 463071155436633601; a job-... ID belongs to Zilliz Cloud (endpoint https://api.cloud.zilliz.com with cluster-id).`,
      code,
      httpStatus
    )
  }
  if (NOT_FOUND_CODES.has(code) || NO_SUCH_JOB.test(rawMessage)) {
    return new JobNotFoundError(
      `Import job ${context.jobId ?? ''} was not found. ${said}. Check job-id, and that endpoint, cluster-id and db-name point at the cluster that ran the import.`,
      code,
      httpStatus
    )
  }
  if (AUTH_CODES.has(code) || httpStatus === 401) {
    return new ApiError(
      `Authentication failed. ${said}. Check the secret passed to api-key (a Zilliz Cloud API key, or a Milvus token user:password).`,
      code,
      httpStatus
    )
  }
  if (httpStatus === 403) {
    return new ApiError(
      `Permission denied. ${said}. Give the api-key's user the import privilege on this collection and database.`,
      code,
      httpStatus
    )
  }
  if (CLUSTER_CODES.has(code)) {
    return new ApiError(
      `The cluster was rejected. ${said}. Check cluster-id, and that the API key can access that cluster.`,
      code,
      httpStatus
    )
  }
  if (REQUEST_CODES.has(code)) {
    return new ApiError(
      `The request was rejected. ${said}. Check job-id (Milvus job IDs are numbers; Zilliz Cloud job IDs look like job-...) and the api input.`,
      code,
      httpStatus
    )
  }
  // An unknown code may be worth retrying on HTTP 200, but a 4xx status says
  // the request itself is wrong: retrying cannot help.
  if (httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) {
    return new ApiError(`${said}.`, code, httpStatus)
  }
  if (TRANSIENT_CODES.has(code)) {
    return new TransientError(`${said}.`)
  }
  return new TransientError(
    `${said}. If this persists, check the server's logs.`
  )
}
