/**
 * The routes that start and finish jobs: /create on Milvus and Zilliz Cloud,
 * and /commit and /abort where the server has two-phase imports. Create
 * errors follow the create/commit/abort reference (section 1.5 for Milvus,
 * 4.3 for Zilliz Cloud); a created job follows a script like any other.
 */
import { fileTypeError, filesOf, isGrid } from './import-files.js'
import {
  bindJobId,
  findInt64,
  GO_TYPE,
  goField,
  milvusBind,
  milvusReply,
  parseInt64
} from './milvus.js'
import { atLeast } from './milvus-versions.js'
import type { ApiSettings, Call, Flavour, Reply } from './route.js'
import { decide, hasTwoPhase, unknownJob } from './two-phase.js'
import { cloudReply, ZILLIZ_NO_JOB, zillizParamError } from './zilliz.js'

export type ControlAction = 'create' | 'commit' | 'abort'

/** The control route an action names on this server, if it has one. */
export function controlAction(
  action: string,
  settings: ApiSettings,
  flavour: Flavour
): ControlAction | undefined {
  // Milvus has served /create since 2.4.0; older releases had no REST v2.
  if (action === 'create')
    return flavour === 'milvus' &&
      settings.milvusVersion &&
      !atLeast(settings.milvusVersion, '2.4.0')
      ? undefined
      : 'create'
  if (
    (action === 'commit' || action === 'abort') &&
    hasTwoPhase(settings, flavour)
  )
    return action
  return undefined
}

const MAX_FILES = 1024
const FIRST_MILVUS_ID = 463071155436700001n

/** Adds the job a create made, on the simulator's settings. */
function addCreated(
  { jobs, settings }: Call,
  jobId: string,
  collectionName: string,
  groups: string[][],
  autoCommit: boolean
): void {
  const { polls, durationMs } = settings.created ?? {}
  jobs.add({
    jobId,
    collectionName,
    files: filesOf(groups, settings),
    autoCommit,
    ...(durationMs ? { durationMs } : { polls: polls ?? 3 })
  })
}

/** Answers /create, /commit or /abort of Milvus REST v2. */
export function milvusControl(
  call: Call,
  action: ControlAction,
  successCode: number
): Reply {
  if (action === 'create') return milvusCreate(call, successCode)
  const bound = bindJobId(call.req.body)
  if ('reply' in bound) return bound.reply
  const { jobId } = bound
  const parsed = parseInt64(jobId)
  if ('error' in parsed)
    return milvusReply({
      code: 1100,
      message: `${parsed.error}: invalid parameter[expected=int64 jobId][actual=${jobId}]`
    })
  const job = findInt64(call.jobs, parsed.value)
  if (!job)
    return milvusReply(
      unknownJob(parsed.value.toString(), Boolean(call.settings.apiKey))
    )
  const error = decide(
    job,
    action,
    call.jobs.now(),
    call.settings.committingPolls
  )
  return milvusReply(error ?? { code: 0, data: {} })
}

const fail1801 = (detail: string) =>
  milvusReply({
    code: 1801,
    message: `can only accept json format request, error: ${detail}`
  })
const fail1802 = (field: string) =>
  milvusReply({
    code: 1802,
    message: `missing required parameters, error: Key: 'ImportReq.${field}' Error:Field validation for '${field}' failed on the 'required' tag`
  })
const fail2100 = (detail: string) =>
  milvusReply({ code: 2100, message: `${detail}: importing data failed` })

function milvusCreate(call: Call, successCode: number): Reply {
  const { req, settings } = call
  const bound = milvusBind(req.body, 'ImportReq', [
    'dbName',
    'collectionName',
    'partitionName'
  ])
  if (!bound.ok) return bound.reply
  const raw = JSON.parse(req.body) as Record<string, unknown>
  const files = goField(raw, 'files')
  const options = (goField(raw, 'options') ?? {}) as Record<string, unknown>
  // Decoding (1801) comes before the required-field checks (1802).
  if (files !== undefined && files !== null && !isGrid(files))
    return fail1801(
      `json: cannot unmarshal ${GO_TYPE(files)} into Go struct field ImportReq.files of type [][]string`
    )
  if (typeof options !== 'object' || Array.isArray(options))
    return fail1801(
      `json: cannot unmarshal ${GO_TYPE(options)} into Go struct field ImportReq.options of type map[string]string`
    )
  for (const v of Object.values(options))
    if (typeof v !== 'string')
      return fail1801(
        `json: cannot unmarshal ${GO_TYPE(v)} into Go value of type string`
      )
  const twoPhase = hasTwoPhase(settings, 'milvus')
  const autoCommit = options.auto_commit as string | undefined
  if (
    twoPhase &&
    autoCommit !== undefined &&
    !/^(true|false)$/i.test(autoCommit)
  )
    return fail1801(
      'options.auto_commit must be one of "true" or "false": invalid parameter'
    )
  const name = bound.value.collectionName as string | undefined
  if (!name) return fail1802('CollectionName')
  if (!isGrid(files)) return fail1802('Files')
  if (settings.collections && !settings.collections.includes(name)) {
    const db =
      (bound.value.dbName as string | undefined) ||
      String(req.headers['db-name'] ?? '') ||
      'default'
    return milvusReply({
      code: 100,
      message: `collection not found[database=${db}][collection=${name}]`
    })
  }
  const groups = files.filter((g) => g.length)
  if (groups.length === 0)
    return milvusReply({
      code: 1100,
      message: 'import request is empty: invalid parameter'
    })
  if (groups.length > MAX_FILES)
    return fail2100(
      `The max number of import files should not exceed ${MAX_FILES}, but got ${groups.length}`
    )
  const folders = /^true$/i.test(
    String(options.backup ?? options.l0_import ?? '')
  )
  const typeError = folders
    ? undefined
    : groups.map(fileTypeError).find(Boolean)
  if (typeError) return fail2100(typeError)
  const timeout = options.timeout as string | undefined
  if (timeout && !/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(timeout))
    return fail2100(
      `parse timeout failed: time: invalid duration ${JSON.stringify(timeout)}`
    )
  const numeric = call.jobs.all
    .map((j) => parseInt64(j.jobId))
    .flatMap((p) => ('value' in p ? [p.value] : []))
  const jobId = String(
    numeric.reduce((a, b) => (b >= a ? b + 1n : a), FIRST_MILVUS_ID)
  )
  // An older server ignores the key: the job commits by itself.
  addCreated(
    call,
    jobId,
    name,
    groups,
    !(twoPhase && /^false$/i.test(autoCommit ?? ''))
  )
  return milvusReply({ code: successCode, data: { jobId } })
}

/** Answers /create, /commit or /abort of Zilliz Cloud v2. */
export function zillizControl(
  call: Call,
  action: ControlAction,
  body: Record<string, unknown>
): Reply {
  if (action === 'create') return zillizCreate(call, body)
  const raw = body.jobId
  if (typeof raw !== 'string' || raw === '') return zillizParamError('jobId')
  const job = call.jobs.find(raw)
  if (!job) return cloudReply(ZILLIZ_NO_JOB)
  const error = decide(
    job,
    action,
    call.jobs.now(),
    call.settings.committingPolls
  )
  return cloudReply(error ?? { code: 0, data: {} })
}

const OBJECT_URL = /^(s3|gs|https?):\/\/[^/\s]+\/\S+$/i

function zillizCreate(call: Call, body: Record<string, unknown>): Reply {
  const { settings } = call
  const name = body.collectionName
  if (typeof name !== 'string' || !name)
    return zillizParamError('collectionName')
  const urls = isGrid(body.objectUrls)
    ? body.objectUrls.filter((g) => g.length)
    : typeof body.objectUrl === 'string' && body.objectUrl
      ? [[body.objectUrl]]
      : []
  if (urls.length === 0)
    return cloudReply({ code: 90142, message: 'No import content provided.' })
  const bad = urls.flat().find((u) => !OBJECT_URL.test(u))
  if (bad !== undefined)
    return cloudReply({
      code: 10003,
      message: `Invalid s3 ObjectUrl. [${bad}]`
    })
  const keys = settings.bucketKeys
  if (
    keys &&
    (body.accessKey !== keys.accessKey || body.secretKey !== keys.secretKey)
  )
    return cloudReply({
      code: 83001,
      message: 'Failed to getObjectMeta {Access denied}.'
    })
  if (settings.collections && !settings.collections.includes(name))
    return cloudReply({
      code: 47005,
      message: 'The specified cluster collection not exists.'
    })
  const options = body.options as Record<string, unknown> | undefined
  const gated =
    hasTwoPhase(settings, 'zilliz') &&
    /^false$/i.test(String(options?.auto_commit ?? ''))
  const n = call.jobs.all.length + 1
  const jobId = `job-${n.toString(16).padStart(21, '0')}`
  addCreated(call, jobId, name, urls, !gated)
  return cloudReply({ code: 0, data: { jobId } })
}
