/**
 * A local import-job server that answers like Milvus REST v2, Zilliz Cloud v2
 * and the legacy Zilliz Cloud v1 API, following the wire formats of the API
 * reference. Jobs follow a script: they move through the states a
 * real server reports, as polls or wall time pass, and end where the script
 * says. Faults (HTTP errors, resets, hangs, broken bodies) can be queued.
 * Listens on 127.0.0.1 only.
 */
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** Milvus OSS REST v2 | Zilliz Cloud control plane v2 | Zilliz legacy v1. */
export type Flavour = 'milvus' | 'zilliz' | 'v1'

/** One file of a scripted job; a failReason makes the file fail. */
export interface FileScript {
  name: string
  rows: number
  /** Bytes; derived from rows when unset. */
  size?: number
  failReason?: string
}

/** How one job behaves over time. */
export interface JobScript {
  jobId: string
  /** Default 'demo_collection'. */
  collectionName?: string
  /** Default: one file of 10,000 rows. */
  files?: FileScript[]
  /** Wall time from the job's first describe to its end (0 = already ended). */
  durationMs?: number
  /** Alternatively: the job ends on its Nth describe (1 = the first). */
  polls?: number
  /** Default completed; { state: 'X' } ends in an unknown state X forever. */
  outcome?: 'completed' | 'failed' | 'uncommitted' | 'none' | { state: string }
  /** Job-level failure reason; derived from the failing files when unset. */
  reason?: string
  /** Epoch ms, for list order and createTime; default: insertion order. */
  createdAt?: number
}

/** A misbehaviour served instead of the next normal answer. */
export type Fault =
  | {
      kind: 'status'
      status: number
      body?: string
      contentType?: string
      retryAfter?: string
    }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'truncated' }
  | { kind: 'invalid-json' }
  | { kind: 'wrong-shape' }
  | { kind: 'code'; code: number; message: string; httpStatus?: number }

/** Everything a simulator can be told at start. */
export interface SimulatorOptions {
  /** Default 'milvus'. */
  flavour?: Flavour
  jobs?: JobScript[]
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string
  /** zilliz/v1: the one cluster ID accepted; unset accepts any. */
  clusterId?: string
  /** Milvus before 2.4.13: /describe is not routed (404), /get_progress is. */
  noDescribe?: boolean
  /** Milvus job-not-found answer: code 2100 (2.4/2.5) or 2101 (2.6+). */
  notFoundStyle?: '2.4' | '2.6'
  /** Served one per request, in order, before normal handling. */
  faults?: Fault[]
  /** Default 0 (any free port). */
  port?: number
  /** Clock for durationMs scripts and reported times; default Date.now. */
  now?: () => number
}

/** One request as the simulator received it. */
export interface RecordedRequest {
  method: string
  /** Path without the query string. */
  path: string
  /** The query string without '?', '' when none. */
  query: string
  headers: Record<string, string | string[] | undefined>
  body: string
  at: number
}

/** A running simulator. */
export interface Simulator {
  /** http://127.0.0.1:<port> */
  url: string
  port: number
  flavour: Flavour
  /** Every request except GET /__health, in arrival order. */
  requests: RecordedRequest[]
  addJob(job: JobScript): void
  pushFaults(...faults: Fault[]): void
  /** Stops listening and destroys every open socket, hanging ones too. */
  close(): Promise<void>
}

// ---------------------------------------------------------------------------
// Job model: what a job looks like at a point of its script.
// ---------------------------------------------------------------------------

/** A file's import-task state, in Milvus's task vocabulary. */
export type FileState = 'Pending' | 'InProgress' | 'Completed' | 'Failed'

/** One file of a job at a moment. */
export interface FileSnapshot {
  name: string
  fileSize: number
  totalRows: number
  importedRows: number
  /** 0-100 */
  progress: number
  state: FileState
  reason: string
  /** Epoch ms when the file completed. */
  completeTime?: number
}

/** One job at a moment, in the Milvus v2 vocabulary. */
export interface JobSnapshot {
  jobId: string
  collectionName: string
  /** Pending, Importing, Completed, Failed, Uncommitted, None or unknown. */
  state: string
  /** 0-100 */
  progress: number
  importedRows: number
  totalRows: number
  /** '' unless failed (or None). */
  reason: string
  createTime: number
  /** Epoch ms; only for Completed. */
  completeTime?: number
  /**
   * False while Pending or pre-importing: Milvus has no import tasks yet, so
   * its details list is empty.
   */
  tasksCreated: boolean
  /** True once the script has reached its end state. */
  ended: boolean
  /** Epoch ms when the job reached its end state. */
  endTime?: number
  files: FileSnapshot[]
}

// Where the phases of a job end, as fractions of its script (see the API
// reference, "State mapping": Pending 0-10, pre-import 10-40, import 40-70,
// sorting and index building 70-90, commit 99).
const PENDING_END = 0.1
const PREIMPORT_END = 0.4
const IMPORT_END = 0.7
const INDEX_END = 0.9
// A failing file gets this far through its rows before it fails.
const FAIL_POINT = 0.5
// About the bytes per row of the reference's 10,000-row parquet example.
const BYTES_PER_ROW = 3157

type Outcome =
  | { kind: 'completed' | 'failed' | 'uncommitted' | 'none' }
  | { kind: 'state'; state: string }

/** A file script with its size filled in. */
interface ScriptedFile {
  name: string
  rows: number
  size: number
  failReason?: string
}

interface Slot {
  start: number
  end: number
}

/** A job following its script; shared by the REST and gRPC simulators. */
export class ScriptedJob {
  readonly jobId: string
  readonly collectionName: string
  readonly files: ScriptedFile[]
  readonly createdAt: number
  private readonly outcome: Outcome
  private readonly slots: Slot[]
  private describes = 0
  private firstSeen?: number
  private endedAt?: number
  private readonly fileDoneAt = new Map<number, number>()

  constructor(
    readonly script: JobScript,
    createdAt: number
  ) {
    this.jobId = script.jobId
    this.collectionName = script.collectionName ?? 'demo_collection'
    this.createdAt = script.createdAt ?? createdAt
    const files = script.files ?? [{ name: 'data/1.parquet', rows: 10_000 }]
    this.files = files.map((f) => ({
      name: f.name,
      rows: f.rows,
      size: f.size ?? f.rows * BYTES_PER_ROW,
      failReason: f.failReason
    }))
    const failing = files.some((f) => f.failReason)
    const o = script.outcome ?? (failing ? 'failed' : 'completed')
    this.outcome = typeof o === 'string' ? { kind: o } : { kind: 'state', ...o }
    this.slots = this.schedule()
  }

  /** Answers one describe: counts the poll and starts the job's clock. */
  describe(now: number): JobSnapshot {
    this.describes += 1
    this.firstSeen ??= now
    return this.snapshot(now)
  }

  /** The job as a list call sees it: no poll is counted. */
  peek(now: number): JobSnapshot {
    return this.snapshot(now)
  }

  // Files import one after another, each taking a share of the import phase
  // by rows. When the job is to fail, its failing files go last and fail at
  // the very end, as Milvus fails the job as soon as a task fails.
  private schedule(): Slot[] {
    const failsJob = this.outcome.kind === 'failed'
    const weight = (i: number) => this.files[i].rows + 1
    const order = this.files.map((_, i) => i)
    const firstGroup = failsJob
      ? order.filter((i) => !this.files[i].failReason)
      : order
    const lastGroup = failsJob
      ? order.filter((i) => this.files[i].failReason)
      : []
    const total =
      firstGroup.reduce((sum, i) => sum + weight(i), 0) +
      Math.max(0, ...lastGroup.map(weight))
    const slots: Slot[] = []
    let at = 0
    for (const i of firstGroup) {
      const end = at + weight(i) / total
      slots[i] = { start: at, end }
      at = end
    }
    for (const i of lastGroup) slots[i] = { start: at, end: 1 }
    return slots
  }

  private fraction(now: number): number {
    const { polls, durationMs = 0 } = this.script
    if (polls !== undefined) {
      if (polls <= 1) return this.describes > 0 || polls <= 0 ? 1 : 0
      return this.describes === 0
        ? 0
        : Math.min(1, (this.describes - 1) / (polls - 1))
    }
    if (durationMs <= 0) return 1
    if (this.firstSeen === undefined) return 0
    return Math.min(1, (now - this.firstSeen) / durationMs)
  }

  private snapshot(now: number): JobSnapshot {
    const f = this.fraction(now)
    const ended = f >= 1
    if (ended) this.endedAt ??= now
    const failsJob = this.outcome.kind === 'failed'
    const importEnd = failsJob ? 1 : IMPORT_END
    const tasksCreated = ended || f >= PREIMPORT_END
    // How far the import phase is, 0..1.
    const g = ended
      ? 1
      : Math.min(
          1,
          Math.max(0, (f - PREIMPORT_END) / (importEnd - PREIMPORT_END))
        )
    const files = this.files.map((file, i) =>
      this.fileAt(i, tasksCreated ? g : 0, ended, failsJob, now)
    )
    const importedRows = files.reduce((s, x) => s + x.importedRows, 0)
    const totalRows = files.reduce((s, x) => s + x.totalRows, 0)
    const base = {
      jobId: this.jobId,
      collectionName: this.collectionName,
      createTime: this.createdAt,
      tasksCreated,
      ended,
      files
    }
    if (ended) {
      return {
        ...base,
        endTime: this.endedAt,
        ...this.endState(importedRows, totalRows)
      }
    }
    let progress: number
    if (f < PREIMPORT_END) progress = Math.floor(100 * f)
    else if (f < importEnd)
      progress =
        40 + (totalRows ? Math.floor((30 * importedRows) / totalRows) : 0)
    else if (f < INDEX_END) progress = Math.floor(100 * f)
    else progress = 99
    return {
      ...base,
      state: f < PENDING_END ? 'Pending' : 'Importing',
      progress,
      importedRows: tasksCreated ? importedRows : 0,
      totalRows: tasksCreated ? totalRows : 0,
      reason: ''
    }
  }

  private endState(
    importedRows: number,
    totalRows: number
  ): Pick<
    JobSnapshot,
    | 'state'
    | 'progress'
    | 'importedRows'
    | 'totalRows'
    | 'reason'
    | 'completeTime'
  > {
    const rows = { importedRows, totalRows, reason: '' }
    switch (this.outcome.kind) {
      case 'completed':
        return {
          ...rows,
          state: 'Completed',
          progress: 100,
          completeTime: this.endedAt
        }
      case 'uncommitted':
        return { ...rows, state: 'Uncommitted', progress: 99 }
      case 'failed':
        // Milvus zeroes progress and rows of a failed job.
        return {
          state: 'Failed',
          progress: 0,
          importedRows: 0,
          totalRows: 0,
          reason: this.script.reason ?? this.failureReason()
        }
      case 'none':
        return {
          state: 'None',
          progress: 0,
          importedRows: 0,
          totalRows: 0,
          reason: this.script.reason ?? 'unknown import job state'
        }
      default:
        return {
          ...rows,
          state: this.outcome.state,
          progress: 99,
          reason: this.script.reason ?? ''
        }
    }
  }

  private failureReason(): string {
    const failing = this.files.filter((f) => f.failReason)
    if (failing.length === 0) return 'import failed'
    return failing
      .map((f) => `failed to import file "${f.name}": ${f.failReason}`)
      .join('; ')
  }

  private fileAt(
    i: number,
    g: number,
    ended: boolean,
    failsJob: boolean,
    now: number
  ): FileSnapshot {
    const file = this.files[i]
    const { start, end } = this.slots[i]
    const local = g >= end ? 1 : g <= start ? 0 : (g - start) / (end - start)
    const base = {
      name: file.name,
      fileSize: file.size,
      totalRows: file.rows,
      reason: ''
    }
    if (!file.failReason) {
      if (local >= 1) {
        if (!this.fileDoneAt.has(i)) this.fileDoneAt.set(i, now)
        return {
          ...base,
          state: 'Completed',
          progress: 100,
          importedRows: file.rows,
          completeTime: this.fileDoneAt.get(i)
        }
      }
      const progress = Math.floor(100 * local)
      return {
        ...base,
        state: local > 0 ? 'InProgress' : 'Pending',
        progress,
        importedRows: Math.floor((progress * file.rows) / 100)
      }
    }
    const failed = ended || (local >= 1 && !failsJob)
    if (failed) {
      // A failed task's segments are dropped: it reports no progress.
      return {
        ...base,
        state: 'Failed',
        progress: 0,
        importedRows: 0,
        reason: file.failReason
      }
    }
    const progress = Math.floor(100 * FAIL_POINT * local)
    return {
      ...base,
      state: local > 0 ? 'InProgress' : 'Pending',
      progress,
      importedRows: Math.floor((progress * file.rows) / 100)
    }
  }
}

// ---------------------------------------------------------------------------
// Wire formats.
// ---------------------------------------------------------------------------

interface Reply {
  status: number
  headers: Record<string, string>
  body: string
}

const MILVUS_JSON = 'application/json; charset=utf-8'
const CLOUD_JSON = 'application/json'
const NOT_FOUND: Reply = {
  status: 404,
  headers: { 'Content-Type': 'text/plain' },
  body: '404 page not found'
}

/** Formats epoch ms like Go's time.Format(RFC3339) in UTC. */
function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

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

function milvusReply(body: unknown, status = 200): Reply {
  return {
    status,
    headers: { 'Content-Type': MILVUS_JSON },
    body: goJson(body)
  }
}

function cloudReply(body: unknown, status = 200): Reply {
  return {
    status,
    headers: { 'Content-Type': CLOUD_JSON },
    body: JSON.stringify(body)
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

// Zilliz Cloud names file states like job states.
const ZILLIZ_FILE_STATE: Record<FileState, string> = {
  Pending: 'Pending',
  InProgress: 'Importing',
  Completed: 'Completed',
  Failed: 'Failed'
}

/** The getProgress body of Zilliz Cloud v2, in the documented key order. */
export function zillizProgressData(job: JobSnapshot): Record<string, unknown> {
  const files = job.tasksCreated ? job.files : []
  return {
    jobId: job.jobId,
    collectionName: job.collectionName,
    fileName: job.files.map((f) => f.name).join(','),
    fileSize: files.reduce((s, f) => s + f.fileSize, 0),
    state: job.state,
    progress: job.progress,
    completeTime: job.completeTime ? rfc3339(job.completeTime) : '',
    reason: job.reason,
    totalRows: job.totalRows,
    details: files.map((f) => ({
      fileName: f.name,
      fileSize: f.fileSize,
      state: ZILLIZ_FILE_STATE[f.state],
      progress: f.progress,
      completeTime: f.completeTime ? rfc3339(f.completeTime) : '',
      reason: f.reason
    }))
  }
}

/** The get body of the legacy Zilliz Cloud v1 API. */
export function v1GetData(job: JobSnapshot): Record<string, unknown> {
  const failed = job.ended && job.state !== 'Completed' && job.reason !== ''
  const done = job.state === 'Completed' || failed
  const endTime = job.completeTime ?? job.endTime
  return {
    collectionName: job.collectionName,
    fileName: job.files.map((f) => f.name).join(','),
    fileSize: job.files.reduce((s, f) => s + f.fileSize, 0),
    readyPercentage: job.state === 'Completed' ? 1 : job.progress / 100,
    completeTime: done && endTime !== undefined ? rfc3339(endTime) : null,
    errorMessage: failed ? job.reason : null,
    jobId: job.jobId,
    details: job.files.map((f) => ({
      fileName: f.name,
      fileSize: f.fileSize,
      readyPercentage: f.progress / 100,
      completeTime:
        f.state === 'Completed' && f.completeTime
          ? rfc3339(f.completeTime)
          : null,
      errorMessage: f.state === 'Failed' ? f.reason : null
    }))
  }
}

// Legacy v1 list states.
function v1ListState(state: string): string {
  switch (state) {
    case 'Pending':
    case 'Importing':
    case 'Uncommitted':
    case 'Committing':
      return 'ImportRunning'
    case 'Completed':
      return 'ImportCompleted'
    case 'Failed':
    case 'None':
      return 'ImportFailed'
    default:
      return state
  }
}

// ---------------------------------------------------------------------------
// Request handling.
// ---------------------------------------------------------------------------

interface Request {
  method: string
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  body: string
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

function cloudBody(body: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(body || '{}')
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? parsed
      : undefined
  } catch {
    return undefined
  }
}

const ZILLIZ_PARAM = (name: string) =>
  cloudReply({ code: 80000, message: `Incorrect parameter: ${name}` })
const ZILLIZ_NO_JOB = {
  code: 90144,
  message:
    'No jobId record found under this cluster, please check your request parameters.'
}
const ZILLIZ_NO_CLUSTER = {
  code: 90104,
  message: 'The clusterId parameter is empty in the request parameter.'
}
const ZILLIZ_BAD_CLUSTER = {
  code: 80020,
  message:
    'Invalid clusterId or you do not have permission to access that Cluster.'
}
const V1_BAD_TOKEN = {
  code: 80002,
  message:
    'Token not found or unauthorized: The provided token does not exist in our records, or you do not have the necessary permissions to use this token. Please ensure you have the correct token.'
}

function nginxPage(status: number): string {
  const title = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

const MILVUS_IMPORT = '/v2/vectordb/jobs/import/'

class Handler {
  readonly jobs: ScriptedJob[] = []
  private added = 0
  private readonly flavour: Flavour

  constructor(
    private readonly options: SimulatorOptions,
    private readonly now: () => number
  ) {
    this.flavour = options.flavour ?? 'milvus'
    for (const job of options.jobs ?? []) this.addJob(job)
  }

  addJob(script: JobScript): void {
    // Insertion order breaks ties, so jobs added in a row still list in order.
    this.jobs.push(new ScriptedJob(script, this.now() + this.added++))
  }

  /** Answers a request; with dryRun no poll is counted (for faults). */
  handle(req: Request, dryRun = false): Reply {
    switch (this.flavour) {
      case 'milvus':
        return this.milvus(req, dryRun)
      case 'zilliz':
        return this.zilliz(req, dryRun)
      case 'v1':
        return this.v1(req, dryRun)
    }
  }

  private observe(job: ScriptedJob, dryRun: boolean): JobSnapshot {
    return dryRun ? job.peek(this.now()) : job.describe(this.now())
  }

  private bearer(req: Request): string | undefined {
    const auth = req.headers.authorization
    if (!auth) return undefined
    if (auth.startsWith('Bearer ')) return auth.slice(7).trim()
    if (auth.startsWith('Basic ')) {
      return Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8')
    }
    return undefined
  }

  // ---- Milvus REST v2 ----

  private milvus(req: Request, dryRun: boolean): Reply {
    if (req.method !== 'POST' || !req.path.startsWith(MILVUS_IMPORT)) {
      return NOT_FOUND
    }
    const action = req.path.slice(MILVUS_IMPORT.length)
    const describe =
      action === 'get_progress' ||
      (action === 'describe' && !this.options.noDescribe)
    if (!describe && action !== 'list') return NOT_FOUND
    const { apiKey } = this.options
    if (apiKey && this.bearer(req) !== apiKey) {
      return milvusReply(
        { code: 1800, message: "user hasn't authenticated" },
        401
      )
    }
    return describe ? this.milvusDescribe(req, dryRun) : this.milvusList(req)
  }

  private milvusDescribe(req: Request, dryRun: boolean): Reply {
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
    const old = this.options.notFoundStyle === '2.4'
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
    const job = this.jobs.find((j) => {
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
    const snap = this.observe(job, dryRun)
    return milvusReply({ code: 0, data: milvusDescribeData(snap, jobId) })
  }

  private milvusList(req: Request): Reply {
    const bound = milvusBind(req.body, 'OptionalCollectionNameReq', [
      'dbName',
      'collectionName'
    ])
    if (!bound.ok) return bound.reply
    const name = bound.value.collectionName as string | undefined
    const records = this.sorted('oldest')
      .filter((j) => !name || j.collectionName === name)
      .map((j) => {
        const s = j.peek(this.now())
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

  private sorted(order: 'oldest' | 'newest'): ScriptedJob[] {
    const list = [...this.jobs].sort((a, b) => a.createdAt - b.createdAt)
    return order === 'oldest' ? list : list.reverse()
  }

  // ---- Zilliz Cloud v2 ----

  private zilliz(req: Request, dryRun: boolean): Reply {
    if (req.method !== 'POST' || !req.path.startsWith(MILVUS_IMPORT)) {
      return NOT_FOUND
    }
    const action = req.path.slice(MILVUS_IMPORT.length)
    const describe = ['getProgress', 'get_progress', 'describe'].includes(
      action
    )
    if (!describe && action !== 'list') return NOT_FOUND
    const denied = this.cloudAuth(
      req,
      { code: 80001, message: 'The token is illegal' },
      {
        code: 21119,
        message: 'The apikey is illegal.'
      }
    )
    if (denied) return denied
    const body = cloudBody(req.body)
    if (!body) return ZILLIZ_PARAM('request body is not valid JSON')
    const clusterError = this.clusterCheck(
      body.clusterId,
      Boolean(body.projectId && body.regionId)
    )
    if (clusterError) return cloudReply(clusterError)
    return describe ? this.zillizDescribe(body, dryRun) : this.zillizList(body)
  }

  private cloudAuth(
    req: Request,
    missing: { code: number; message: string },
    wrong: { code: number; message: string }
  ): Reply | undefined {
    const { apiKey } = this.options
    if (!apiKey) return undefined
    const token = this.bearer(req)
    if (!token) return cloudReply(missing)
    return token === apiKey ? undefined : cloudReply(wrong)
  }

  private clusterCheck(
    clusterId: unknown,
    hasProject: boolean
  ): { code: number; message: string } | undefined {
    const expected = this.options.clusterId
    if (!expected) return undefined
    if (clusterId === undefined || clusterId === null || clusterId === '') {
      return hasProject ? undefined : ZILLIZ_NO_CLUSTER
    }
    return clusterId === expected ? undefined : ZILLIZ_BAD_CLUSTER
  }

  private findCloudJob(jobId: string): ScriptedJob | undefined {
    return this.jobs.find((j) => j.jobId === jobId)
  }

  private zillizDescribe(
    body: Record<string, unknown>,
    dryRun: boolean
  ): Reply {
    const raw = body.jobId
    if (raw === undefined || raw === null || raw === '')
      return ZILLIZ_PARAM('jobId')
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      return ZILLIZ_PARAM('jobId')
    }
    const job = this.findCloudJob(String(raw))
    if (!job) return cloudReply(ZILLIZ_NO_JOB)
    return cloudReply({
      code: 0,
      data: zillizProgressData(this.observe(job, dryRun))
    })
  }

  private page(
    pageSize: unknown,
    currentPage: unknown
  ): { size: number; current: number } | undefined {
    const size =
      pageSize === undefined || pageSize === '' ? 10 : Number(pageSize)
    const current =
      currentPage === undefined || currentPage === '' ? 1 : Number(currentPage)
    if (
      !Number.isInteger(size) ||
      size < 1 ||
      !Number.isInteger(current) ||
      current < 1
    ) {
      return undefined
    }
    return { size, current }
  }

  private zillizList(body: Record<string, unknown>): Reply {
    const paging = this.page(body.pageSize, body.currentPage)
    if (!paging) return ZILLIZ_PARAM('pageSize or currentPage')
    const name =
      typeof body.collectionName === 'string' ? body.collectionName : ''
    const all = this.sorted('newest').filter(
      (j) => !name || j.collectionName === name
    )
    const from = (paging.current - 1) * paging.size
    const records = all.slice(from, from + paging.size).map((j) => {
      const s = j.peek(this.now())
      return {
        collectionName: s.collectionName,
        jobId: s.jobId,
        state: s.state
      }
    })
    return cloudReply({
      code: 0,
      data: {
        count: all.length,
        currentPage: paging.current,
        pageSize: paging.size,
        records
      }
    })
  }

  // ---- Zilliz Cloud legacy v1 ----

  private v1(req: Request, dryRun: boolean): Reply {
    const isGet = req.path === '/v1/vector/collections/import/get'
    const isList = req.path === '/v1/vector/collections/import/list'
    if (req.method !== 'GET' || (!isGet && !isList)) return NOT_FOUND
    const denied = this.cloudAuth(req, V1_BAD_TOKEN, V1_BAD_TOKEN)
    if (denied) return denied
    const q = req.query
    const clusterError = this.clusterCheck(
      q.get('clusterId') ?? undefined,
      false
    )
    if (clusterError) return cloudReply(clusterError)
    if (isGet) {
      const jobId = q.get('jobId')
      if (!jobId) return ZILLIZ_PARAM('jobId')
      const job = this.findCloudJob(jobId)
      if (!job) return cloudReply(ZILLIZ_NO_JOB)
      return cloudReply({
        code: 200,
        data: v1GetData(this.observe(job, dryRun))
      })
    }
    const paging = this.page(
      q.get('pageSize') ?? undefined,
      q.get('currentPage') ?? undefined
    )
    if (!paging) return ZILLIZ_PARAM('pageSize or currentPage')
    const all = this.sorted('newest')
    const from = (paging.current - 1) * paging.size
    const tasks = all.slice(from, from + paging.size).map((j) => {
      const s = j.peek(this.now())
      return {
        collectionName: s.collectionName,
        jobId: s.jobId,
        state: v1ListState(s.state)
      }
    })
    return cloudReply({
      code: 200,
      data: {
        tasks,
        count: all.length,
        currentPage: paging.current,
        pageSize: paging.size
      }
    })
  }

  /** The body a well-formed success of this flavour would not have. */
  wrongShape(): Reply {
    const code = this.flavour === 'v1' ? 200 : 0
    return {
      status: 200,
      headers: {
        'Content-Type': this.flavour === 'milvus' ? MILVUS_JSON : CLOUD_JSON
      },
      body: JSON.stringify({ code, data: { state: 42 } })
    }
  }
}

// ---------------------------------------------------------------------------
// The HTTP server.
// ---------------------------------------------------------------------------

/** Starts a simulator on 127.0.0.1 and resolves once it listens. */
export async function startSimulator(
  options: SimulatorOptions = {}
): Promise<Simulator> {
  const now = options.now ?? Date.now
  const handler = new Handler(options, now)
  const faults: Fault[] = [...(options.faults ?? [])]
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()

  const server = http.createServer((incoming, res) => {
    const chunks: Buffer[] = []
    incoming.on('data', (c: Buffer) => chunks.push(c))
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1')
      const req: Request = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      if (req.path === '/__health' && req.method === 'GET') {
        send(res, {
          status: 200,
          headers: { 'Content-Type': 'text/plain' },
          body: 'ok'
        })
        return
      }
      requests.push({
        method: req.method,
        path: req.path,
        query: url.search.replace(/^\?/, ''),
        headers: { ...incoming.headers },
        body: req.body,
        at: now()
      })
      const fault = faults.shift()
      if (fault) serveFault(fault, req, res)
      else send(res, handler.handle(req))
    })
  })

  function serveFault(fault: Fault, req: Request, res: http.ServerResponse) {
    switch (fault.kind) {
      case 'status': {
        const body = fault.body ?? nginxPage(fault.status)
        const headers: Record<string, string> = {
          'Content-Type':
            fault.contentType ??
            (body.trimStart().startsWith('<') ? 'text/html' : 'text/plain')
        }
        if (fault.retryAfter !== undefined)
          headers['Retry-After'] = fault.retryAfter
        send(res, { status: fault.status, headers, body })
        return
      }
      case 'reset':
        res.socket?.resetAndDestroy()
        return
      case 'hang':
        // The socket stays open until the client gives up or close() runs.
        return
      case 'truncated': {
        const full = handler.handle(req, true)
        const body = Buffer.from(full.body, 'utf8')
        res.writeHead(200, {
          ...full.headers,
          'Content-Length': String(body.length + 64)
        })
        res.write(
          body.subarray(0, Math.max(1, Math.floor(body.length / 2))),
          () => res.socket?.destroy()
        )
        return
      }
      case 'invalid-json':
        send(res, {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
          body: 'this is not JSON'
        })
        return
      case 'wrong-shape':
        send(res, handler.wrongShape())
        return
      case 'code':
        send(res, {
          status: fault.httpStatus ?? 200,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code: fault.code, message: fault.message })
        })
        return
    }
  }

  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    flavour: options.flavour ?? 'milvus',
    requests,
    addJob: (job) => handler.addJob(job),
    pushFaults: (...more) => void faults.push(...more),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

function send(res: http.ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body, 'utf8')
  res.writeHead(reply.status, {
    ...reply.headers,
    'Content-Length': String(body.length)
  })
  res.end(body)
}
