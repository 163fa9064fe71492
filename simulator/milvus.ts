/**
 * Milvus REST v2 (/v2/vectordb/jobs/import/*): its routes, its body binding
 * and the bodies and error codes a Milvus proxy sends.
 */
import type { JobSnapshot } from './job-model.js'
import { NOT_FOUND, rfc3339, v2Action, type Call, type Reply } from './route.js'

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
  echoedJobId: string
): Record<string, unknown> {
  const details = job.tasksCreated
    ? job.files.map((f) => ({
        completeTime: f.completeTime ? rfc3339(f.completeTime) : '',
        fileName: `[${f.name}]`,
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
    createTime: rfc3339(job.createTime),
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

const GO_TYPE = (v: unknown) =>
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
function milvusBind(
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
function goField(obj: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(obj, name)) return obj[name]
  const key = Object.keys(obj).find(
    (k) => k.toLowerCase() === name.toLowerCase()
  )
  return key === undefined ? undefined : obj[key]
}

const INT64_MAX = 2n ** 63n - 1n
const INT64_MIN = -(2n ** 63n)

/** strconv.ParseInt(s, 10, 64), returning the value or Go's error text. */
function parseInt64(s: string): { value: bigint } | { error: string } {
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

/** Answers a Milvus REST v2 request: route, then auth, then the body. */
export function milvusAnswer(call: Call): Reply {
  const { req, settings } = call
  const action = v2Action(req)
  if (action === undefined) return NOT_FOUND
  const describe =
    action === 'get_progress' || (action === 'describe' && !settings.noDescribe)
  if (!describe && action !== 'list') return NOT_FOUND
  if (settings.apiKey && call.token !== settings.apiKey) {
    return milvusReply(
      { code: 1800, message: "user hasn't authenticated" },
      401
    )
  }
  return describe ? milvusDescribe(call) : milvusList(call)
}

function milvusDescribe({ req, settings, jobs, dryRun }: Call): Reply {
  const bound = milvusBind(req.body, 'JobIDReq', ['jobId'])
  if (!bound.ok) return bound.reply
  const jobId = bound.value.jobId as string | undefined
  if (!jobId) {
    return milvusReply({
      code: 1802,
      message:
        "missing required parameters, error: Key: 'JobIDReq.JobID' Error:Field validation for 'JobID' failed on the 'required' tag"
    })
  }
  const old = settings.notFoundStyle === '2.4'
  const parsed = parseInt64(jobId)
  if ('error' in parsed) {
    // 2.4/2.5 build this message with fmt.Sprint and a stray %w.
    return milvusReply(
      old
        ? {
            code: 2100,
            message: `parse job id failed, err=%w${parsed.error}: importing data failed`
          }
        : {
            code: 1100,
            message: `parse job id failed: ${parsed.error}: invalid parameter`
          }
    )
  }
  const job = jobs.all.find((j) => {
    const id = parseInt64(j.jobId)
    return 'value' in id && id.value === parsed.value
  })
  if (!job) {
    const id = parsed.value.toString()
    return milvusReply(
      old
        ? {
            code: 2100,
            message: `import job does not exist, jobID=${id}: importing data failed`
          }
        : {
            code: 2101,
            message: `import job does not exist, jobID=${id}: importing data failed on server side`
          }
    )
  }
  const snap = jobs.observe(job, dryRun)
  return milvusReply({ code: 0, data: milvusDescribeData(snap, jobId) })
}

function milvusList({ req, jobs }: Call): Reply {
  const bound = milvusBind(req.body, 'OptionalCollectionNameReq', [
    'dbName',
    'collectionName'
  ])
  if (!bound.ok) return bound.reply
  const name = bound.value.collectionName as string | undefined
  const records = jobs
    .sorted('oldest')
    .filter((j) => !name || j.collectionName === name)
    .map((j) => {
      const s = j.peek(jobs.now())
      return {
        collectionName: s.collectionName,
        jobId: s.jobId,
        progress: s.progress,
        ...(s.reason ? { reason: s.reason } : {}),
        state: s.state
      }
    })
  return milvusReply({ code: 0, data: { records } })
}
