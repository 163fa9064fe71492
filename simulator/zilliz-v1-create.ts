/**
 * The legacy Zilliz Cloud v1 call that starts an import,
 * `POST /v1/vector/collections/import` with
 * `{objectUrl, accessKey, secretKey, clusterId, collectionName}`, as
 * pymilvus 2.4's bulk_import sends it. It answers `{"code":200,"data":
 * {"jobId":"job-..."}}` and adds the job, already completed, so the client's
 * next get or list finds it.
 */
import {
  cloudAuth,
  cloudReply,
  clusterCheck,
  zillizParamError
} from './zilliz.js'
import type { Call, Reply } from './route.js'

const V1_CREATE = '/v1/vector/collections/import'

const V1_BAD_TOKEN = {
  code: 80002,
  message:
    'Token not found or unauthorized: The provided token does not exist in our records, or you do not have the necessary permissions to use this token. Please ensure you have the correct token.'
}

/** True when the request is a v1 create. */
export function isV1Create(call: Call): boolean {
  return call.req.method === 'POST' && call.req.path === V1_CREATE
}

function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** Answers a v1 create: auth, body, cluster, then the new job's ID. */
export function v1CreateAnswer(call: Call): Reply {
  const denied = cloudAuth(call, V1_BAD_TOKEN, V1_BAD_TOKEN)
  if (denied) return denied
  const body = jsonObject(call.req.body)
  if (!body) return zillizParamError('request body is not valid JSON')
  const clusterError = clusterCheck(call, body.clusterId, false)
  if (clusterError) return cloudReply(clusterError)
  for (const field of ['collectionName', 'objectUrl']) {
    if (typeof body[field] !== 'string' || !body[field]) {
      return zillizParamError(field)
    }
  }
  const jobId = `job-${(call.jobs.all.length + 1).toString(16).padStart(21, '0')}`
  // A faulted request is answered as a dry run: it starts nothing.
  if (!call.dryRun) {
    call.jobs.add({
      jobId,
      collectionName: String(body.collectionName),
      files: [{ name: String(body.objectUrl), rows: 1000 }]
    })
  }
  return cloudReply({ code: 200, data: { jobId } })
}
