/**
 * The calls that start and finish an import on the v2 REST API (Milvus and
 * Zilliz Cloud): create, commit and abort, and the probe for two-phase
 * support. Create is not idempotent, so its errors say whether the request
 * may have reached the server; commit and abort are safe to repeat.
 */
import { z } from 'zod'
import {
  ActionError,
  ApiError,
  CancelledError,
  MalformedResponseError,
  TransientError
} from '../errors.js'
import { readServerJson } from '../http/json.js'
import { retryAfterMs } from '../http/parse.js'
import { readJson, validate } from './answer.js'
import type { HttpResponse } from '../http/transport.js'
import { safeLogText } from '../text/escape.js'
import { apiCodeError, checkSuccessMessage, isSuccessCode } from './codes.js'
import { createError } from './create-errors.js'
import type { CallOptions, CreateRequest } from './job.js'
import { isRouteMiss } from './rest-v2.js'
import { Envelope, jobIdField } from './wire.js'

/** Sends one POST to /v2/vectordb/jobs/import/<path>. */
export type Post = (
  path: string,
  body: Record<string, unknown>,
  options: CallOptions
) => Promise<HttpResponse>

/**
 * The create request went out, but its answer was lost or unreadable: a job
 * may exist. Never retried; the caller looks for the job with list.
 */
export class LostAnswerError extends ActionError {
  override name = 'LostAnswerError'
}

// Socket faults that happen before a byte is sent: retrying cannot create
// a second job.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])

/** True when a transport error proves the request never left this host. */
export function neverSent(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && NOT_SENT.has(code)) return true
    e = (e as { cause?: unknown }).cause
  }
  return false
}

// A job ID is used in later requests and printed: same rule as job-id.
const SafeJobId = jobIdField.pipe(
  z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/)
)

// Current servers send an object; some documentation shows an array.
const CreateData = z.union([
  z.looseObject({ jobId: SafeJobId }),
  z
    .array(
      z.looseObject({
        jobId: SafeJobId.optional(),
        jobID: SafeJobId.optional()
      })
    )
    .length(1)
    .transform((a, ctx) => {
      const jobId = a[0].jobId ?? a[0].jobID
      if (jobId === undefined) {
        ctx.addIssue({ code: 'custom', message: 'no jobId' })
        return z.NEVER
      }
      return { jobId }
    })
])

/** Where a job lives on Zilliz Cloud: a cluster, or project and region. */
export function zillizTarget(scope: {
  clusterId?: string
  projectId?: string
  regionId?: string
}): Record<string, string> {
  const { clusterId, projectId, regionId } = scope
  return {
    ...(clusterId ? { clusterId } : {}),
    ...(projectId ? { projectId } : {}),
    ...(regionId ? { regionId } : {})
  }
}

/** The create, commit, abort and probe calls of one v2 server. */
export class ImportControl {
  constructor(
    private readonly post: Post,
    private readonly api: string,
    private readonly scope: {
      clusterId?: string
      projectId?: string
      regionId?: string
      dbName?: string
    }
  ) {}

  private target(): Record<string, string> {
    return zillizTarget(this.scope)
  }

  /**
   * Creates a job and returns its ID. Throws TransientError only when the
   * request provably did not reach the server (safe to retry), and
   * LostAnswerError when a job may have been created.
   */
  async create(request: CreateRequest, options: CallOptions): Promise<string> {
    const what = `${this.api} /create`
    const body: Record<string, unknown> = {
      collectionName: request.collectionName,
      ...this.target()
    }
    if (this.scope.dbName) body.dbName = this.scope.dbName
    if (request.partitionName) body.partitionName = request.partitionName
    if (request.files) body.files = request.files
    if (request.objectUrls) {
      body.objectUrls = request.objectUrls
      body.accessKey = request.accessKey ?? ''
      body.secretKey = request.secretKey ?? ''
    }
    if (request.options && Object.keys(request.options).length)
      body.options = request.options
    let res: HttpResponse
    try {
      res = await this.post('create', body, options)
    } catch (error) {
      if (neverSent(error)) throw error
      const why =
        error instanceof CancelledError
          ? 'the step was cancelled while it was on its way'
          : (error as Error).message.replace(/\.$/, '')
      throw new LostAnswerError(`${what} got no answer (${why}).`)
    }
    if (res.status === 429 || res.status === 503) {
      // An explicit refusal: the server did not take the job.
      throw new TransientError(
        `${what} answered HTTP ${res.status}.`,
        retryAfterMs(res.headers['retry-after'])
      )
    }
    if (isRouteMiss(res)) {
      throw new ApiError(
        `${what} answered HTTP 404: this server cannot start imports over REST (Milvus before 2.4 has no /v2/vectordb/jobs/import/create). Upgrade Milvus to 2.4 or later, check endpoint, or start the import with pymilvus and pass job-id.`,
        undefined,
        404
      )
    }
    // Credentials and permissions: refused before anything was made.
    if (res.status === 401 || res.status === 403)
      readJson(res, what, { api: this.api })
    // Strict, as every answer that decides something: a repeated jobId
    // names two jobs, and neither is taken.
    const read = readServerJson(res.text)
    const envelope = Envelope.safeParse(read.ok ? read.value : undefined)
    if (res.status !== 200 || !envelope.success) {
      // A coded refusal made no job; anything else (a 500, a proxy's page,
      // a cut-off body) may have come after the job was made.
      if (envelope.success && envelope.data.code !== 0)
        throw createError(
          this.api,
          envelope.data.code,
          envelope.data.message ?? '',
          res.status
        )
      throw new LostAnswerError(
        `${what} answered HTTP ${res.status} with ${envelope.success ? 'no job ID' : 'a body this action cannot read'}.`
      )
    }
    const { code, message, data } = envelope.data
    // Milvus 2.4.0-2.4.1 sent code 200 on success.
    if (code !== 0 && code !== 200) {
      throw createError(this.api, code, message ?? '', res.status)
    }
    const parsed = CreateData.safeParse(data)
    if (!parsed.success) {
      throw new LostAnswerError(`${what} succeeded without a readable job ID.`)
    }
    return parsed.data.jobId
  }

  /** Commits or aborts a job; retried like a poll, as both are idempotent. */
  async decide(
    action: 'commit' | 'abort',
    jobId: string,
    options: CallOptions
  ): Promise<void> {
    const what = `${this.api} /${action}`
    const res = await this.post(action, this.jobBody(jobId), options)
    if (isRouteMiss(res)) {
      throw new ApiError(
        `${what} answered HTTP 404: this server has no two-phase imports (Milvus 3.0 or later has them).`,
        undefined,
        404
      )
    }
    const body = validate(
      Envelope,
      readJson(res, what, { api: this.api, jobId }),
      what
    )
    // As for every answer: 200 is a success only with data beside it
    // (Milvus sends 200 for "partition not found" too).
    if (isSuccessCode(body.code, body.data)) {
      checkSuccessMessage(body.message, what)
      return
    }
    const error = apiCodeError(
      body.code,
      body.message ?? '',
      { api: this.api, jobId },
      res.status
    )
    // Import errors (wrong state, unknown job) are answers, not faults.
    if (error.transient && ![1, 2, 1807].includes(body.code)) {
      throw new ApiError(
        `${this.api} refused to ${action} import job ${jobId} (code ${body.code}: ${safeLogText(body.message ?? 'no message', 300).replace(/\.+$/, '')}).`,
        body.code,
        res.status
      )
    }
    throw error
  }

  /**
   * Asks whether the server has /commit, without touching a job: a job ID
   * that is not a number is refused (Milvus 3.0: code 1100), while a server
   * without two-phase imports has no route at all (HTTP 404).
   */
  async supportsTwoPhase(options: CallOptions): Promise<boolean> {
    const what = `${this.api} /commit`
    const res = await this.post('commit', this.jobBody('x'), options)
    if (isRouteMiss(res)) return false
    const body = readJson(res, what, { api: this.api })
    if (!Envelope.safeParse(body).success) {
      throw new MalformedResponseError(
        `${what} answered the two-phase probe with a body this action cannot read. Check endpoint.`
      )
    }
    return true
  }

  private jobBody(jobId: string): Record<string, unknown> {
    return { jobId, ...this.target() }
  }
}
