/**
 * Zilliz Cloud control plane v2 (/v2/vectordb/jobs/import/*): its routes and
 * bodies, and the parts the legacy v1 API shares with it (auth, cluster
 * check, paging, error bodies).
 */
import type { JobSnapshot, FileState } from './job-model.js'
import { controlAction, zillizControl } from './control.js'
import { NOT_FOUND, rfc3339, v2Action, type Call, type Reply } from './route.js'
import { listBody, reshapeDescribe, successCode } from './shapes.js'
import { v1GetData } from './zilliz-v1.js'

/** An error body of the Zilliz Cloud control plane: code and message. */
export interface CloudError {
  code: number
  message: string
}

/** A page of a list call: its size and 1-based number. */
export interface Paging {
  size: number
  current: number
}

/** A reply as the Zilliz Cloud control plane sends it. */
export function cloudReply(body: unknown, status = 200): Reply {
  return {
    status,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
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

export function cloudBody(body: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(body || '{}')
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? parsed
      : undefined
  } catch {
    return undefined
  }
}

/** The reply to a missing or malformed parameter. */
export const zillizParamError = (name: string): Reply =>
  cloudReply({ code: 80000, message: `Incorrect parameter: ${name}` })

/** The error body for a job ID the cluster does not know. */
export const ZILLIZ_NO_JOB: CloudError = {
  code: 90144,
  message:
    'No jobId record found under this cluster, please check your request parameters.'
}
const ZILLIZ_NO_CLUSTER: CloudError = {
  code: 90104,
  message: 'The clusterId parameter is empty in the request parameter.'
}
const ZILLIZ_BAD_CLUSTER: CloudError = {
  code: 80020,
  message:
    'Invalid clusterId or you do not have permission to access that Cluster.'
}

/** The denial for a missing or wrong API key; undefined when allowed. */
export function cloudAuth(
  { settings, token }: Call,
  missing: CloudError,
  wrong: CloudError
): Reply | undefined {
  const { apiKey } = settings
  if (!apiKey) return undefined
  if (!token) return cloudReply(missing)
  return token === apiKey ? undefined : cloudReply(wrong)
}

/** The error for a missing or foreign cluster ID; undefined when accepted. */
export function clusterCheck(
  { settings }: Call,
  clusterId: unknown,
  hasProject: boolean
): CloudError | undefined {
  const expected = settings.clusterId
  if (!expected) return undefined
  if (clusterId === undefined || clusterId === null || clusterId === '') {
    return hasProject ? undefined : ZILLIZ_NO_CLUSTER
  }
  return clusterId === expected ? undefined : ZILLIZ_BAD_CLUSTER
}

/** The error for a serverless project or region it does not serve. */
function projectCheck(
  { settings }: Call,
  body: Record<string, unknown>
): Reply | undefined {
  if (!settings.projectId || body.clusterId) return undefined
  if (body.projectId !== settings.projectId)
    return zillizParamError('projectId')
  return body.regionId === settings.regionId
    ? undefined
    : zillizParamError('regionId')
}

/** Reads pageSize and currentPage (defaults 10 and 1); undefined if invalid. */
export function readPage(
  pageSize: unknown,
  currentPage: unknown
): Paging | undefined {
  const size = pageSize === undefined || pageSize === '' ? 10 : Number(pageSize)
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

/** Answers a Zilliz Cloud v2 request: route, auth, body, cluster, then job. */
export function zillizAnswer(call: Call): Reply {
  const { req } = call
  const action = v2Action(req)
  if (action === undefined) return NOT_FOUND
  const describe = ['getProgress', 'get_progress', 'describe'].includes(action)
  const control = controlAction(action, call.settings, 'zilliz')
  if (!describe && action !== 'list' && !control) return NOT_FOUND
  const denied = cloudAuth(
    call,
    { code: 80001, message: 'The token is illegal' },
    { code: 21119, message: 'The apikey is illegal.' }
  )
  if (denied) return denied
  const body = cloudBody(req.body)
  if (!body) return zillizParamError('request body is not valid JSON')
  const clusterError = clusterCheck(
    call,
    body.clusterId,
    Boolean(body.projectId && body.regionId)
  )
  if (clusterError) return cloudReply(clusterError)
  const projectError = projectCheck(call, body)
  if (projectError) return projectError
  if (control) return zillizControl(call, control, body)
  return describe ? zillizDescribe(call, body) : zillizList(call, body)
}

function zillizDescribe(
  { jobs, dryRun, settings }: Call,
  body: Record<string, unknown>
): Reply {
  const raw = body.jobId
  if (raw === undefined || raw === null || raw === '')
    return zillizParamError('jobId')
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    return zillizParamError('jobId')
  }
  const job = jobs.find(String(raw))
  if (!job) return cloudReply(ZILLIZ_NO_JOB)
  const snap = jobs.observe(job, dryRun)
  // The zdoc_cn pymilvus page shows the legacy v1 body for this call.
  if (settings.legacyBody)
    return cloudReply({ code: 200, data: v1GetData(snap) })
  return cloudReply({
    code: successCode(settings),
    data: reshapeDescribe(zillizProgressData(snap), settings)
  })
}

function zillizList(call: Call, body: Record<string, unknown>): Reply {
  const paging = readPage(body.pageSize, body.currentPage)
  if (!paging) return zillizParamError('pageSize or currentPage')
  const name =
    typeof body.collectionName === 'string' ? body.collectionName : ''
  const all = call.jobs
    .sorted('oldest')
    .filter((j) => !name || j.collectionName === name)
  return cloudReply({
    code: successCode(call.settings),
    data: listBody(call, all, ZILLIZ_LIST, paging)
  })
}

const ZILLIZ_LIST = {
  key: 'records',
  paged: true,
  progress: false,
  order: 'newest',
  reasons: false,
  pagingFirst: true
} as const
