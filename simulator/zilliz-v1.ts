/**
 * The legacy Zilliz Cloud v1 API (/v1/vector/collections/import/*): GET
 * routes, readyPercentage bodies and the ImportRunning/ImportCompleted/
 * ImportFailed list states. Error bodies are the v2 control plane's.
 */
import type { JobSnapshot } from './job-model.js'
import { NOT_FOUND, rfc3339, type Call, type Reply } from './route.js'
import { listBody, stateWord, successCode } from './shapes.js'
import {
  ZILLIZ_NO_JOB,
  cloudAuth,
  cloudReply,
  clusterCheck,
  readPage,
  zillizParamError,
  type CloudError
} from './zilliz.js'

const V1_BAD_TOKEN: CloudError = {
  code: 80002,
  message:
    'Token not found or unauthorized: The provided token does not exist in our records, or you do not have the necessary permissions to use this token. Please ensure you have the correct token.'
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

/** Answers a legacy v1 request: route, auth, cluster, then get or list. */
export function v1Answer(call: Call): Reply {
  const { req, jobs } = call
  const isGet = req.path === '/v1/vector/collections/import/get'
  const isList = req.path === '/v1/vector/collections/import/list'
  if (req.method !== 'GET' || (!isGet && !isList)) return NOT_FOUND
  const denied = cloudAuth(call, V1_BAD_TOKEN, V1_BAD_TOKEN)
  if (denied) return denied
  const q = req.query
  const clusterError = clusterCheck(
    call,
    q.get('clusterId') ?? undefined,
    false
  )
  if (clusterError) return cloudReply(clusterError)
  if (isGet) {
    const jobId = q.get('jobId')
    if (!jobId) return zillizParamError('jobId')
    const job = jobs.find(jobId)
    if (!job) return cloudReply(ZILLIZ_NO_JOB)
    return cloudReply({
      code: successCode(call.settings, 200),
      data: v1GetData(jobs.observe(job, call.dryRun))
    })
  }
  const paging = readPage(
    q.get('pageSize') ?? undefined,
    q.get('currentPage') ?? undefined
  )
  if (!paging) return zillizParamError('pageSize or currentPage')
  // v1 names list states ImportRunning...; told stateNames 'v2', it does not.
  const word = (state: string) =>
    call.settings.stateNames === 'v2'
      ? stateWord(state, call.settings)
      : v1ListState(state)
  return cloudReply({
    code: successCode(call.settings, 200),
    data: listBody(call, jobs.sorted('oldest'), V1_LIST, paging, word)
  })
}

const V1_LIST = {
  key: 'tasks',
  paged: true,
  progress: false,
  order: 'newest',
  reasons: false
} as const
