import { z } from 'zod'
import { MalformedResponseError } from '../errors.js'
import { send } from '../http/transport.js'
import { codeError, readJson, validate } from '../http/parse.js'
import { USER_AGENT } from '../version.js'
import type {
  CallOptions,
  FileProgress,
  ImportApi,
  ImportJob,
  JobListing,
  ListQuery
} from './job.js'
import { v1ListState } from './states.js'
import {
  clampProgress,
  count,
  Envelope,
  jobIdField,
  optionalString
} from './wire.js'

/** Settings of the legacy v1 client. */
export interface V1Config {
  endpoint: string
  apiKey?: string
  clusterId?: string
}

// readyPercentage is documented as a 0-1 fraction. Should a server send 0-100
// instead, a value above 1 is read as a percentage.
const ready = z.number().transform((v) => (v > 1 ? v : v * 100))

const Detail = z.looseObject({
  fileName: optionalString,
  fileSize: count.optional(),
  readyPercentage: ready.nullish(),
  completeTime: optionalString,
  errorMessage: optionalString
})

const Job = Detail.extend({
  jobId: jobIdField.optional(),
  collectionName: optionalString,
  details: z.array(Detail).nullish()
})

const Task = z.looseObject({
  jobId: jobIdField,
  collectionName: optionalString,
  state: z.string()
})

// The example names the list "tasks" and the schema "records": accept both.
const ListData = z.looseObject({
  tasks: z.array(Task).nullish(),
  records: z.array(Task).nullish(),
  count: count.optional(),
  pageSize: count.optional()
})

const PAGE_SIZE = 100
const MAX_PAGES = 50

/** The legacy Zilliz Cloud v1 API: GET /v1/vector/collections/import/... */
export class ZillizCloudV1Api implements ImportApi {
  readonly name = 'Zilliz Cloud v1'
  readonly endpointKey: string

  constructor(private readonly config: V1Config) {
    this.endpointKey = new URL(config.endpoint).host
  }

  private async get(
    path: string,
    params: Record<string, string | undefined>,
    what: string,
    options: CallOptions,
    jobId?: string
  ): Promise<unknown> {
    const url = new URL(
      `${this.config.endpoint}/v1/vector/collections/import/${path}`
    )
    for (const [k, v] of Object.entries(params))
      if (v) url.searchParams.set(k, v)
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': USER_AGENT
    }
    if (this.config.apiKey)
      headers.Authorization = `Bearer ${this.config.apiKey}`
    const res = await send({
      method: 'GET',
      url: url.href,
      headers,
      timeoutMs: options.timeoutMs,
      signal: options.signal
    })
    const context = { api: this.name, jobId }
    const envelope = validate(Envelope, readJson(res, what, context), what)
    // v1 signals success with code 200; 0 (the v2 convention) is taken too.
    if (envelope.code !== 200 && envelope.code !== 0) {
      throw codeError(
        { code: envelope.code, message: envelope.message },
        context
      )
    }
    if (envelope.data === undefined || envelope.data === null) {
      throw new MalformedResponseError(
        `${what} returned code 200 without data. Check that endpoint points at the v1 import API.`
      )
    }
    return envelope.data
  }

  async getJob(jobId: string, options: CallOptions): Promise<ImportJob> {
    const what = `${this.name} /import/get`
    const data = validate(
      Job,
      await this.get(
        'get',
        { jobId, clusterId: this.config.clusterId },
        what,
        options,
        jobId
      ),
      what,
      'data'
    )
    return toImportJob(jobId, data)
  }

  async listJobs(
    query: ListQuery,
    options: CallOptions
  ): Promise<JobListing[]> {
    const what = `${this.name} /import/list`
    const found: JobListing[] = []
    for (let page = 1; page <= MAX_PAGES; page++) {
      const data = validate(
        ListData,
        await this.get(
          'list',
          {
            clusterId: this.config.clusterId,
            pageSize: String(PAGE_SIZE),
            currentPage: String(page)
          },
          what,
          options
        ),
        what,
        'data'
      )
      const tasks = data.tasks ?? data.records ?? []
      for (const t of tasks) {
        if (query.collectionName && t.collectionName !== query.collectionName)
          continue
        found.push({
          jobId: t.jobId,
          collectionName: t.collectionName,
          ...v1ListState(t.state)
        })
      }
      if (tasks.length === 0 || data.count === undefined) break
      if (page * (data.pageSize || PAGE_SIZE) >= data.count) break
    }
    return found
  }
}

type V1Progress = z.infer<typeof Detail>

/** Completed when completeTime is set with no errorMessage; Failed on an errorMessage. */
function v1State(p: V1Progress): {
  state: string
  status: ImportJob['status']
} {
  if (p.errorMessage) return { state: 'Failed', status: 'failed' }
  if (p.completeTime) return { state: 'Completed', status: 'completed' }
  return { state: 'Importing', status: 'running' }
}

/** Maps a v1 get body to the normalised job. */
export function toImportJob(
  jobId: string,
  data: z.infer<typeof Job>
): ImportJob {
  const { state, status } = v1State(data)
  const files: FileProgress[] = (data.details ?? []).map((d) => ({
    fileName: d.fileName ?? '',
    fileSize: d.fileSize,
    progress: clampProgress(d.readyPercentage ?? undefined),
    ...(({ state }) => ({ state }))(v1State(d)),
    reason: d.errorMessage,
    completeTime: d.completeTime
  }))
  return {
    jobId,
    state,
    status,
    progress:
      status === 'completed'
        ? 100
        : clampProgress(data.readyPercentage ?? undefined),
    collectionName: data.collectionName,
    reason: data.errorMessage,
    completeTime: data.completeTime,
    files
  }
}
