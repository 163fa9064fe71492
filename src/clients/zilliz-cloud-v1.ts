import { z } from 'zod'
import { MalformedResponseError } from '../errors.js'
import { forgetBody, send } from '../http/transport.js'
import { codeError, readJson, validate } from './answer.js'
import { USER_AGENT } from '../version.js'
import type { ImportApi } from './client.js'
import type {
  CallOptions,
  FileProgress,
  ImportJob,
  JobListing,
  ListQuery
} from './job.js'
import { isSuccessCode } from './codes.js'
import { ListPage, takePage } from './list-page.js'
import { progressField, ScaleMemory, toPercent } from './progress.js'
import { readState } from './states.js'
import {
  checkEchoedJobId,
  checkNumericEcho,
  Envelope,
  jobIdField,
  maybeCount,
  optionalString
} from './wire.js'

/** Settings of the legacy v1 client. */
export interface V1Config {
  endpoint: string
  apiKey?: string
  clusterId?: string
}

// readyPercentage is documented as a 0-1 fraction. Should a server send 0-100
// instead, a body with a figure above 1 is read as percentages.
const Detail = z.looseObject({
  fileName: optionalString,
  fileSize: maybeCount,
  readyPercentage: progressField,
  completeTime: optionalString,
  errorMessage: optionalString,
  // Not v1's own fields: a body that carries them anyway must agree.
  state: optionalString,
  reason: optionalString
})

const Job = Detail.extend({
  jobId: jobIdField.optional(),
  collectionName: optionalString,
  details: z.array(Detail).nullish()
})

const PAGE_SIZE = 100
const MAX_PAGES = 50

/** The legacy Zilliz Cloud v1 API: GET /v1/vector/collections/import/... */
export class ZillizCloudV1Api implements ImportApi {
  readonly name = 'Zilliz Cloud v1'
  readonly endpointKey: string
  private readonly scales = new ScaleMemory('fraction')

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
    const body = readJson(res, what, context)
    if (jobId !== undefined) checkNumericEcho(res.text, jobId, what)
    forgetBody(res)
    const envelope = validate(Envelope, body, what)
    // v1 signals success with code 200; 0 (the v2 convention) is taken too.
    if (!isSuccessCode(envelope.code, envelope.data)) {
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
    checkEchoedJobId(jobId, data.jobId, what, true)
    return toImportJob(jobId, data, this.scales)
  }

  async listJobs(
    query: ListQuery,
    options: CallOptions
  ): Promise<JobListing[]> {
    const what = `${this.name} /import/list`
    const found: JobListing[] = []
    for (let page = 1; page <= MAX_PAGES; page++) {
      const data = validate(
        ListPage,
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
      if (!takePage(found, data, page, PAGE_SIZE)) break
    }
    // The v1 list has no collection filter of its own.
    return found.filter(
      (j) => !query.collectionName || j.collectionName === query.collectionName
    )
  }
}

type V1Progress = z.infer<typeof Detail>

/**
 * v1 has no state word. Failed on an errorMessage (or a failing state or
 * reason the body carries anyway); Completed only when both
 * signs of the end agree: completeTime is set and readyPercentage is full
 * (1 as documented, or 100). A job that shows one without the other is
 * still running, never a success.
 */
function v1State(
  p: V1Progress,
  needFull = true
): { state: string; status: ImportJob['status'] } {
  const said = p.state ? readState(p.state).status : undefined
  if (failureOf(p) || said === 'failed')
    return { state: 'Failed', status: 'failed' }
  const full = p.readyPercentage === 1 || p.readyPercentage === 100
  const agrees = said === undefined || said === 'completed'
  if (p.completeTime && (full || !needFull) && agrees)
    return { state: 'Completed', status: 'completed' }
  return { state: 'Importing', status: 'running' }
}

/** The failure a v1 body gives: its errorMessage, or a reason it carries. */
const failureOf = (p: V1Progress) => p.errorMessage || p.reason || undefined

/** Maps a v1 get body to the normalised job. */
export function toImportJob(
  jobId: string,
  data: z.infer<typeof Job>,
  scales = new ScaleMemory('fraction')
): ImportJob {
  const { state, status } = v1State(data)
  // A file's completeTime is its end; its figure may be left out.
  const details = (data.details ?? []).map((d) => ({
    d,
    ...v1State(d, false)
  }))
  const scale = scales.decide(jobId, [
    { value: data.readyPercentage, completed: status === 'completed' },
    ...details.map(({ d, status }) => ({
      value: d.readyPercentage,
      completed: status === 'completed'
    }))
  ])
  const files: FileProgress[] = details.map(({ d, state, status }) => ({
    fileName: d.fileName ?? '',
    fileSize: d.fileSize,
    progress: toPercent(d.readyPercentage, scale, status === 'completed') ?? 0,
    state,
    reason: failureOf(d),
    completeTime: d.completeTime
  }))
  return {
    jobId,
    state,
    status,
    progress:
      toPercent(data.readyPercentage, scale, status === 'completed') ?? 0,
    collectionName: data.collectionName,
    reason: failureOf(data),
    completeTime: data.completeTime,
    files
  }
}

/**
 * True for a v1-shaped progress body (readyPercentage or errorMessage, and
 * no state key at all), as some documents show for the v2 call too. A
 * state of null is a v2 body without its state: unreadable.
 */
export function isLegacyBody(data: unknown): boolean {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false
  const d = data as Record<string, unknown>
  return !('state' in d) && ('readyPercentage' in d || 'errorMessage' in d)
}

/** Reads a v1-shaped progress body, whichever API sent it. */
export function readLegacyJob(
  jobId: string,
  data: unknown,
  what: string,
  scales?: ScaleMemory
): ImportJob {
  const job = validate(Job, data, what, 'data')
  // As for v1 itself: an answer that names no job is about no job.
  checkEchoedJobId(jobId, job.jobId, what, true)
  return toImportJob(jobId, job, scales)
}
