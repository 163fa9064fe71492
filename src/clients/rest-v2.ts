import { z } from 'zod'
import { MalformedResponseError, TransientError } from '../errors.js'
import { send, type HttpResponse } from '../http/transport.js'
import { codeError, readJson, tryJson, validate } from '../http/parse.js'
import { USER_AGENT } from '../version.js'
import type {
  CallOptions,
  FileProgress,
  ImportApi,
  ImportJob,
  JobListing,
  ListQuery
} from './job.js'
import { v2JobStatus } from './states.js'
import {
  clampProgress,
  count,
  Envelope,
  displayFileName,
  jobIdField,
  optionalString
} from './wire.js'

/** Settings of the v2 REST client (Zilliz Cloud control plane and Milvus). */
export interface RestV2Config {
  endpoint: string
  apiKey?: string
  clusterId?: string
  dbName?: string
}

// Both shapes in one schema: Zilliz Cloud has a job-level fileName and may lack
// importedRows; Milvus sorts keys and leaves reason out when empty. A file
// entry is mapped as it is validated, and unknown keys are dropped: a job of
// 10,000 files is copied once per poll, not three times.
const Detail = z
  .object({
    fileName: optionalString,
    fileSize: count.optional(),
    state: optionalString,
    progress: count.optional(),
    importedRows: count.optional(),
    totalRows: count.optional(),
    reason: optionalString,
    completeTime: optionalString
  })
  .transform((d): FileProgress => ({
    fileName: displayFileName(d.fileName ?? ''),
    state: d.state ?? '',
    progress: d.progress,
    importedRows: d.importedRows,
    totalRows: d.totalRows,
    fileSize: d.fileSize,
    reason: d.reason || undefined,
    completeTime: d.completeTime || undefined
  }))

const Job = z.looseObject({
  jobId: jobIdField.optional(),
  collectionName: optionalString,
  fileName: optionalString,
  state: z.string(),
  progress: count.optional(),
  importedRows: count.optional(),
  totalRows: count.optional(),
  reason: optionalString,
  completeTime: optionalString,
  details: z.array(Detail).nullish()
})

const ListData = z.looseObject({
  records: z
    .array(
      z.looseObject({
        jobId: jobIdField,
        collectionName: optionalString,
        state: z.string(),
        progress: count.optional(),
        reason: optionalString,
        createTime: optionalString
      })
    )
    .nullish(),
  count: count.optional(),
  pageSize: count.optional(),
  currentPage: count.optional()
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

  constructor(private readonly config: RestV2Config) {
    const url = new URL(config.endpoint)
    this.endpointKey = url.host
    this.name = config.clusterId ? 'Zilliz Cloud v2' : 'Milvus REST v2'
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

  /** Reads the data of a v2 envelope, or throws the error it carries. */
  private unwrap(body: unknown, what: string, jobId?: string): unknown {
    const envelope = validate(Envelope, body, what)
    if (envelope.code !== 0) {
      throw codeError(
        { code: envelope.code, message: envelope.message },
        { api: this.name, jobId }
      )
    }
    if (envelope.data === undefined || envelope.data === null) {
      throw new MalformedResponseError(
        `${what} returned code 0 without data. Check that endpoint points at a supported import API.`
      )
    }
    return envelope.data
  }

  async getJob(jobId: string, options: CallOptions): Promise<ImportJob> {
    const body: Record<string, unknown> = { jobId }
    if (this.config.clusterId) body.clusterId = this.config.clusterId
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
    const data = validate(
      Job,
      this.unwrap(readJson(res, what, context), what, jobId),
      what,
      'data'
    )
    return toImportJob(jobId, data)
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
      if (this.config.clusterId) body.clusterId = this.config.clusterId
      if (this.config.dbName) body.dbName = this.config.dbName
      const res = await this.post('list', body, options)
      const data = validate(
        ListData,
        this.unwrap(readJson(res, what, { api: this.name }), what),
        what,
        'data'
      )
      const records = data.records ?? []
      for (const r of records) {
        found.push({
          jobId: r.jobId,
          collectionName: r.collectionName,
          state: r.state,
          status: v2JobStatus(r.state),
          progress: r.progress,
          createTime: r.createTime
        })
      }
      const paged = data.count !== undefined && data.pageSize !== undefined
      if (!paged || records.length === 0) break
      if (page * (data.pageSize || PAGE_SIZE) >= (data.count ?? 0)) break
    }
    return found
  }
}

/**
 * A 404 whose body carries no API code: the server has no such route (gin's
 * "404 page not found"), as opposed to an API error sent with HTTP 404.
 */
function isRouteMiss(res: HttpResponse): boolean {
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
  data: z.infer<typeof Job>
): ImportJob {
  const status = v2JobStatus(data.state)
  const files = data.details ?? []
  // Zilliz Cloud leaves importedRows out; a Completed job imported them all.
  const importedRows =
    data.importedRows ?? (status === 'completed' ? data.totalRows : undefined)
  return {
    jobId: requestedId,
    state: data.state,
    status,
    progress: clampProgress(data.progress),
    importedRows,
    totalRows: data.totalRows,
    collectionName: data.collectionName,
    reason: data.reason || undefined,
    completeTime: data.completeTime || undefined,
    files
  }
}
