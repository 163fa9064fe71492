import { z } from 'zod'
import { MalformedResponseError, TransientError } from '../errors.js'
import { forgetBody, send, type HttpResponse } from '../http/transport.js'
import { tryJson } from '../http/parse.js'
import { codeError, readJson, validate } from './answer.js'
import { USER_AGENT } from '../version.js'
import { ImportControl, zillizTarget } from './import-control.js'
import type { ImportApi } from './client.js'
import type {
  CallOptions,
  CreateRequest,
  FileProgress,
  ImportJob,
  JobListing,
  ListQuery
} from './job.js'
import { checkSuccessMessage, isSuccessCode } from './codes.js'
import { ListPage, takePage } from './list-page.js'
import { Detail, FileMemory } from './file-entries.js'
import { progressField, ScaleMemory, toPercent } from './progress.js'
import { readState } from './states.js'
import {
  checkEchoedJobId,
  checkNumericEcho,
  Envelope,
  jobIdField,
  maybeRows,
  optionalString,
  rows,
  serverString
} from './wire.js'
import { isLegacyBody, readLegacyJob } from './zilliz-cloud-v1.js'

/** Settings of the v2 REST client (Zilliz Cloud control plane and Milvus). */
export interface RestV2Config {
  endpoint: string
  apiKey?: string
  clusterId?: string
  /** Zilliz Cloud serverless: project and region instead of a cluster. */
  projectId?: string
  regionId?: string
  dbName?: string
}

const Job = z.looseObject({
  jobId: jobIdField.optional(),
  collectionName: optionalString,
  fileName: optionalString,
  // A word: the gRPC enum's numbers are no REST API's answer.
  state: serverString,
  progress: progressField,
  // null is kept apart from absent: null is unknown, absent is Zilliz
  // Cloud's way (see toImportJob).
  importedRows: rows.nullish(),
  totalRows: maybeRows,
  reason: optionalString,
  // Not in the reference; a server that sends either says the job failed.
  errorMessage: optionalString,
  failedReason: optionalString,
  completeTime: optionalString,
  details: z.array(Detail).nullish()
})

const PAGE_SIZE = 100
const MAX_PAGES = 50

/** The v2 import API: POST /v2/vectordb/jobs/import/{describe,list}. */
export class RestV2Api implements ImportApi {
  readonly name: string
  readonly endpointKey: string
  // /describe is the current name (Milvus 2.4.13+, and an alias on Zilliz
  // Cloud). Older Milvus has only /get_progress; Zilliz Cloud documents
  // /getProgress. On a 404 the next name is tried, and the one that answers
  // is kept for later polls.
  private progressPaths = ['describe', 'get_progress', 'getProgress']
  private pathFound = false
  // Milvus sends 0-100; the pymilvus documents say 0-1.
  private readonly scales = new ScaleMemory('percent')
  private readonly lastFiles = new FileMemory()

  constructor(private readonly config: RestV2Config) {
    const url = new URL(config.endpoint)
    this.endpointKey = url.host
    this.name =
      config.clusterId || config.projectId
        ? 'Zilliz Cloud v2'
        : 'Milvus REST v2'
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'User-Agent': USER_AGENT
    }
    if (this.config.apiKey)
      headers.Authorization = `Bearer ${this.config.apiKey}`
    if (this.config.dbName) headers['DB-Name'] = this.config.dbName
    return headers
  }

  private async post(
    path: string,
    body: Record<string, unknown>,
    options: CallOptions
  ) {
    return send({
      method: 'POST',
      url: `${this.config.endpoint}/v2/vectordb/jobs/import/${path}`,
      headers: this.headers(),
      body: JSON.stringify(body),
      timeoutMs: options.timeoutMs,
      signal: options.signal
    })
  }

  // Starting and finishing jobs: see import-control.ts.
  private control(): ImportControl {
    return new ImportControl(
      (p, b, o) => this.post(p, b, o),
      this.name,
      this.config
    )
  }
  createJob(request: CreateRequest, options: CallOptions): Promise<string> {
    return this.control().create(request, options)
  }
  commitJob(jobId: string, options: CallOptions): Promise<void> {
    return this.control().decide('commit', jobId, options)
  }
  abortJob(jobId: string, options: CallOptions): Promise<void> {
    return this.control().decide('abort', jobId, options)
  }
  supportsTwoPhase(options: CallOptions): Promise<boolean> {
    return this.control().supportsTwoPhase(options)
  }

  /** Reads the data of a v2 envelope, or throws the error it carries. */
  private unwrap(body: unknown, what: string, jobId?: string): unknown {
    const envelope = validate(Envelope, body, what)
    if (!isSuccessCode(envelope.code, envelope.data)) {
      throw codeError(
        { code: envelope.code, message: envelope.message },
        { api: this.name, jobId }
      )
    }
    checkSuccessMessage(envelope.message, what)
    if (envelope.data === undefined || envelope.data === null) {
      throw new MalformedResponseError(
        `${what} returned code ${envelope.code} without data. Check that endpoint points at a supported import API.`
      )
    }
    return envelope.data
  }

  async getJob(jobId: string, options: CallOptions): Promise<ImportJob> {
    const body: Record<string, unknown> = { jobId, ...this.target() }
    let res = await this.post(this.progressPaths[0], body, options)
    while (
      !this.pathFound &&
      isRouteMiss(res) &&
      this.progressPaths.length > 1
    ) {
      this.progressPaths.shift()
      res = await this.post(this.progressPaths[0], body, options)
    }
    const what = `${this.name} /${this.progressPaths[0]}`
    if (this.pathFound && isRouteMiss(res)) {
      // The route answered before: a 404 page now is a proxy's passing fault.
      throw new TransientError(
        `${what} answered HTTP 404, though it answered before.`
      )
    }
    if (!isRouteMiss(res)) this.pathFound = true
    const context = { api: this.name, jobId }
    const answer = readJson(res, what, context)
    checkNumericEcho(res.text, jobId, what)
    forgetBody(res)
    const raw = this.unwrap(answer, what, jobId)
    // Some documents show the v1 body (readyPercentage, no state) for this
    // call: it is read as v1 reads it.
    if (isLegacyBody(raw)) return readLegacyJob(jobId, raw, what)
    const data = validate(Job, raw, what, 'data')
    checkEchoedJobId(jobId, data.jobId, what, true)
    return toImportJob(jobId, data, this.scales, this.lastFiles)
  }

  /** Where the job lives on Zilliz Cloud: a cluster, or project and region. */
  private target(): Record<string, string> {
    return zillizTarget(this.config)
  }

  async listJobs(
    query: ListQuery,
    options: CallOptions
  ): Promise<JobListing[]> {
    const what = `${this.name} /list`
    const found: JobListing[] = []
    // Zilliz Cloud pages its list; Milvus ignores paging and sends everything.
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body: Record<string, unknown> = {
        pageSize: PAGE_SIZE,
        currentPage: page
      }
      if (query.collectionName) body.collectionName = query.collectionName
      Object.assign(body, this.target())
      if (this.config.dbName) body.dbName = this.config.dbName
      const res = await this.post('list', body, options)
      const data = validate(
        ListPage,
        this.unwrap(readJson(res, what, { api: this.name }), what),
        what,
        'data'
      )
      if (!takePage(found, data, page, PAGE_SIZE)) break
    }
    return found
  }
}

/**
 * A 404 whose body carries no API code: the server has no such route (gin's
 * "404 page not found"), as opposed to an API error sent with HTTP 404.
 */
export function isRouteMiss(res: HttpResponse): boolean {
  if (res.status !== 404) return false
  const body = tryJson(res.text) as { code?: unknown } | undefined
  // A gateway may say so in JSON too: {"code":404,"message":"Not Found"}.
  return (
    !(body && typeof body === 'object' && 'code' in body) || body.code === 404
  )
}

/** Maps a v2 describe body to the normalised job. */
export function toImportJob(
  requestedId: string,
  data: z.infer<typeof Job>,
  scales = new ScaleMemory('percent'),
  lastFiles?: FileMemory
): ImportJob {
  const { state, rawState, status } = readState(data.state)
  const details = data.details ?? []
  const allRows =
    data.totalRows !== undefined &&
    data.totalRows > 0n &&
    data.importedRows === data.totalRows
  const scale = scales.decide(requestedId, [
    { value: data.progress, completed: status === 'completed', allRows },
    ...details.map((f) => ({
      value: f.progress,
      completed: f.state === 'Completed'
    }))
  ])
  const progressOf = (f: FileProgress) =>
    toPercent(f.progress, scale, f.state === 'Completed')
  const files = lastFiles
    ? lastFiles.entries(requestedId, details, progressOf)
    : details.map((f) => ({ ...f, progress: progressOf(f) }))
  // Zilliz Cloud leaves importedRows out; a Completed job imported them all.
  // A null is the server saying it does not know: unknown, never totalRows.
  const importedRows =
    data.importedRows === null
      ? undefined
      : (data.importedRows ??
        (status === 'completed' ? data.totalRows : undefined))
  return {
    jobId: requestedId,
    state,
    ...(rawState !== state ? { rawState } : {}),
    status,
    progress: toPercent(data.progress, scale, status === 'completed') ?? 0,
    importedRows,
    totalRows: data.totalRows,
    collectionName: data.collectionName,
    reason: data.reason || data.failedReason || data.errorMessage || undefined,
    completeTime: data.completeTime || undefined,
    files
  }
}
