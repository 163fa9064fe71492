/**
 * Milvus REST v2 (/v2/vectordb/jobs/import/*): its routes, its body binding
 * and the bodies and error codes a Milvus proxy sends.
 */
import type { JobSnapshot, JobStore, ScriptedJob } from './job-model.js'
import {
  badJobIdError,
  milvusBehaviour,
  noJobError,
  type MilvusBehaviour
} from './milvus-versions.js'
import { controlAction, milvusControl } from './control.js'
import { NOT_FOUND, rfc3339, v2Action, type Call, type Reply } from './route.js'
import { listBody, reshapeDescribe } from './shapes.js'
import { readPage } from './zilliz.js'
import { v1GetData } from './zilliz-v1.js'

const MILVUS_JSON = 'application/json; charset=utf-8'

// gin's c.JSON encodes Go maps: keys sorted, and <, >, & escaped as \u00XX.
function goJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])])
    )
  }
  return value
}
/** A reply as gin sends it from a Milvus proxy. */
export function milvusReply(body: unknown, status = 200): Reply {
  return {
    status,
    headers: { 'Content-Type': MILVUS_JSON },
    body: goJson(body)
  }
}

/** The describe body of Milvus REST v2 (2.6+: with createTime). */
export function milvusDescribeData(
  job: JobSnapshot,
  echoedJobId: string,
  release: Pick<MilvusBehaviour, 'createTime' | 'protoFileName'> = {
    createTime: true,
    protoFileName: false
  }
): Record<string, unknown> {
  const details = job.tasksCreated
    ? job.files.map((f, i) => ({
        completeTime: f.completeTime ? rfc3339(f.completeTime) : '',
        // 2.4.0-2.4.4 printed the task's ImportFile proto as text.
        fileName: release.protoFileName
          ? `id:${BigInt(job.jobId.replace(/\D/g, '') || '0') + BigInt(i + 1)} paths:${JSON.stringify(f.name)} `
          : `[${f.name}]`,
        fileSize: f.fileSize,
        importedRows: f.importedRows,
        progress: f.progress,
        ...(f.reason ? { reason: f.reason } : {}),
        state: f.state,
        totalRows: f.totalRows
      }))
    : []
  return {
    collectionName: job.collectionName,
    completeTime: job.completeTime ? rfc3339(job.completeTime) : '',
    ...(release.createTime ? { createTime: rfc3339(job.createTime) } : {}),
    details,
    fileSize: details.reduce((s, d) => s + d.fileSize, 0),
    importedRows: job.importedRows,
    jobId: echoedJobId,
    progress: job.progress,
    ...(job.reason ? { reason: job.reason } : {}),
    state: job.state,
    totalRows: job.totalRows
  }
}

// A bound request body, or the error reply gin would send instead.
type Bound =
  { ok: true; value: Record<string, unknown> } | { ok: false; reply: Reply }

export const GO_TYPE = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'object'
        ? 'object'
        : typeof v === 'boolean'
          ? 'bool'
          : typeof v

// Binds a body as gin's ShouldBindBodyWith(JSON) does for a struct of string
// fields, with the same error codes and Go-style messages.
export function milvusBind(
  body: string,
  goStruct: string,
  stringFields: string[]
): Bound {
  const fail = (message: string): Bound => ({
    ok: false,
    reply: milvusReply({ code: 1801, message })
  })
  if (body.trim() === '') {
    return fail(
      'can only accept json format request, the request body should be nil, however {} is valid'
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    const c = body.trim()[0]
    const detail = /[[{"\-0-9tfn]/.test(c)
      ? 'unexpected end of JSON input'
      : `invalid character '${c}' looking for beginning of value`
    return fail(`can only accept json format request, error: ${detail}`)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail(
      `can only accept json format request, error: json: cannot unmarshal ${GO_TYPE(parsed)} into Go value of type httpserver.${goStruct}`
    )
  }
  const value: Record<string, unknown> = {}
  for (const field of stringFields) {
    const v = goField(parsed as Record<string, unknown>, field)
    if (v === undefined || v === null) continue
    if (typeof v !== 'string') {
      return fail(
        `can only accept json format request, error: json: cannot unmarshal ${GO_TYPE(v)} into Go struct field ${goStruct}.${field} of type string`
      )
    }
    value[field] = v
  }
  return { ok: true, value }
}

// Go's encoding/json matches field names case-insensitively (exact first).
export function goField(obj: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(obj, name)) return obj[name]
  const key = Object.keys(obj).find(
    (k) => k.toLowerCase() === name.toLowerCase()
  )
  return key === undefined ? undefined : obj[key]
}

const INT64_MAX = 2n ** 63n - 1n
const INT64_MIN = -(2n ** 63n)

/** strconv.ParseInt(s, 10, 64), returning the value or Go's error text. */
export function parseInt64(s: string): { value: bigint } | { error: string } {
  if (!/^[+-]?\d+$/.test(s)) {
    return {
      error: `strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`
    }
  }
  const value = BigInt(s)
  if (value > INT64_MAX || value < INT64_MIN) {
    return {
      error: `strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`
    }
  }
  return { value }
}

/** Binds a JobIDReq body: the job ID, or the reply gin sends instead. */
export function bindJobId(body: string): { jobId: string } | { reply: Reply } {
  const bound = milvusBind(body, 'JobIDReq', ['jobId'])
  if (!bound.ok) return { reply: bound.reply }
  const jobId = bound.value.jobId as string | undefined
  if (jobId) return { jobId }
  return {
    reply: milvusReply({
      code: 1802,
      message:
        "missing required parameters, error: Key: 'JobIDReq.JobID' Error:Field validation for 'JobID' failed on the 'required' tag"
    })
  }
}

/** The job whose ID is this int64, as Milvus matches IDs. */
export function findInt64(
  jobs: JobStore,
  value: bigint
): ScriptedJob | undefined {
  return jobs.all.find((j) => {
    const id = parseInt64(j.jobId)
    return 'value' in id && id.value === value
  })
}

/** Answers a Milvus REST v2 request: route, then auth, then the body. */
export function milvusAnswer(call: Call): Reply {
  const { req, settings } = call
  const action = v2Action(req)
  if (action === undefined) return NOT_FOUND
  const release = milvusBehaviour(settings)
  const describe =
    action === 'get_progress' || (action === 'describe' && release.describe)
  const control = controlAction(action, settings, 'milvus')
  if (!describe && action !== 'list' && !control) return NOT_FOUND
  if (settings.apiKey && call.token !== settings.apiKey) {
    return milvusReply(
      { code: 1800, message: "user hasn't authenticated" },
      401
    )
  }
  if (control) return milvusControl(call, control, release.successCode)
  return describe ? milvusDescribe(call, release) : milvusList(call, release)
}

function milvusDescribe(
  { req, settings, jobs, dryRun }: Call,
  release: MilvusBehaviour
): Reply {
  const bound = bindJobId(req.body)
  if ('reply' in bound) return bound.reply
  const { jobId } = bound
  const parsed = parseInt64(jobId)
  if ('error' in parsed)
    return milvusReply(badJobIdError(release, parsed.error))
  const job = findInt64(jobs, parsed.value)
  if (!job) return milvusReply(noJobError(release, parsed.value.toString()))
  const snap = jobs.observe(job, dryRun)
  // Some documents show the legacy v1 body (code 200) for this call.
  if (settings.legacyBody)
    return milvusReply({ code: 200, data: v1GetData(snap) })
  return milvusReply({
    code: release.successCode,
    data: reshapeDescribe(milvusDescribeData(snap, jobId, release), settings)
  })
}

function milvusList(call: Call, release: MilvusBehaviour): Reply {
  const { req, jobs } = call
  const bound = milvusBind(req.body, 'OptionalCollectionNameReq', [
    'dbName',
    'collectionName'
  ])
  if (!bound.ok) return bound.reply
  const name = bound.value.collectionName as string | undefined
  const all = jobs
    .sorted('oldest')
    .filter((j) => !name || j.collectionName === name)
  // Milvus ignores paging and sends every job, oldest first; told to page
  // (listPaged), it reads pageSize and currentPage as Zilliz Cloud does.
  const asked = JSON.parse(req.body) as Record<string, unknown>
  const paging = readPage(
    goField(asked, 'pageSize'),
    goField(asked, 'currentPage')
  ) ?? { size: 10, current: 1 }
  const data = listBody(call, all, MILVUS_LIST, paging)
  return milvusReply({ code: release.successCode, data })
}

const MILVUS_LIST = {
  key: 'records',
  paged: false,
  progress: true,
  order: 'oldest',
  reasons: true
} as const
