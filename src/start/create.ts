/**
 * Starts the import the inputs describe. Create is not idempotent: it is
 * retried only when the request provably never reached the server, and a
 * lost answer is resolved with the list API, never with a second create.
 */
import type { Clock } from '../clock.js'
import type { ImportApi } from '../clients/client.js'
import { LostAnswerError } from '../clients/import-control.js'
import { ActionError, CancelledError, InputError } from '../errors.js'
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  withRetry,
  type RetryPolicy
} from '../retry.js'
import type { Config } from '../inputs.js'
import type { Runner } from '../runner/runner.js'
import { MAX_CONSECUTIVE_FAILURES } from '../wait/wait-for-jobs.js'
import type { StartConfig } from './inputs.js'

/** Time, deadline and cancel signal of the step. */
export interface StepContext {
  clock: Clock
  deadline: number
  signal?: AbortSignal
}

// A lost answer is looked up for at most this long.
const LOOKUP_MS = 60_000

/** The retry policy of one call of the step (create, list, commit, abort). */
export function callPolicy(
  config: Pick<Config, 'pollIntervalMs'>,
  step: StepContext
): RetryPolicy {
  return {
    clock: step.clock,
    signal: step.signal,
    deadline: step.deadline,
    maxDelayMs: config.pollIntervalMs,
    maxFailures: MAX_CONSECUTIVE_FAILURES,
    requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS
  }
}

/** The IDs of a collection's jobs, or undefined when the list fails. */
async function listedIds(
  api: ImportApi,
  collectionName: string,
  policy: RetryPolicy
): Promise<Set<string> | undefined> {
  try {
    const listed = await withRetry(
      (timeoutMs) =>
        api.listJobs({ collectionName }, { timeoutMs, signal: policy.signal }),
      policy
    )
    return new Set(
      listed
        .filter((j) => j.collectionName === collectionName)
        .map((j) => j.jobId)
    )
  } catch {
    return undefined
  }
}

/** Refuses a gated import where the server would make the data visible. */
async function requireTwoPhase(
  api: ImportApi,
  policy: RetryPolicy
): Promise<void> {
  const supported =
    api.supportsTwoPhase &&
    (await withRetry(
      (timeoutMs) =>
        api.supportsTwoPhase!({ timeoutMs, signal: policy.signal }),
      policy
    ))
  if (!supported) {
    throw new ActionError(
      `${api.name} cannot hold an import back until it is committed (POST /v2/vectordb/jobs/import/commit answered HTTP 404; two-phase imports need Milvus 3.0 or later), so commit: gated created nothing. Upgrade the server, or use commit: auto with min-rows/expected-rows to check the data after it becomes visible.`
    )
  }
}

/** Checks that the server can take what the inputs want to import. */
function checkTarget(api: ImportApi, config: Config, start: StartConfig) {
  if (!api.createJob)
    throw new InputError(
      [],
      `${api.name} cannot start imports: files and object-url need the v2 REST API (api: v2) of Milvus 2.4+ or Zilliz Cloud.`
    )
  const cloud = Boolean(config.clusterId)
  if (cloud && start.create?.files)
    throw new InputError(
      ['files'],
      'names keys in the bucket of a self-hosted Milvus; Zilliz Cloud imports from object storage: use object-url (with access-key and secret-key).'
    )
  if (!cloud && start.create?.objectUrls)
    throw new InputError(
      ['object-url'],
      'is for Zilliz Cloud (with cluster-id); a self-hosted Milvus imports from its own bucket: use files.'
    )
}

/**
 * Creates the import job of the inputs and returns its ID, or undefined when
 * the step waits for existing jobs. The jobId output is set at once, so an
 * `if: always()` step sees it whatever happens next.
 */
export async function startImport(
  runner: Runner,
  api: ImportApi,
  config: Config,
  start: StartConfig,
  step: StepContext
): Promise<string[] | undefined> {
  if (start.gated && !api.commitJob)
    throw new InputError(
      [],
      `${api.name} cannot commit or abort imports: commit: gated needs the v2 REST API (api: v2) of Milvus 3.0 or later.`
    )
  const request = start.create
  if (!request) return undefined
  checkTarget(api, config, start)
  const policy = callPolicy(config, step)
  if (start.gated) await requireTwoPhase(api, policy)
  // Taken before create, to tell our job from older ones if the answer is
  // lost.
  const before = await listedIds(api, request.collectionName, policy)
  const groups = (request.files ?? request.objectUrls ?? []).length
  runner.info(
    `Starting an import of ${groups} file${groups === 1 ? '' : 's'} into "${request.collectionName}" on ${api.name}${start.gated ? ', gated: its data stays invisible until it passes the gates' : ''}.`
  )
  let jobId: string
  try {
    jobId = await withRetry(
      (timeoutMs) =>
        api.createJob!(request, { timeoutMs, signal: step.signal }),
      policy
    )
  } catch (error) {
    if (!(error instanceof LostAnswerError || error instanceof CancelledError))
      throw error
    const found = await findCreated(api, request.collectionName, before, step)
    if (found) {
      runner.warning(
        `${error.message} Found the job it created with the list API: ${found}.`
      )
      jobId = found
    } else {
      const line = `${error instanceof CancelledError ? 'The step was cancelled while creating the import job.' : error.message} An import job may have been created: list the jobs of collection "${request.collectionName}" (POST /v2/vectordb/jobs/import/list) before running the step again, and pass the new job's ID as job-id to wait for it.`
      if (error instanceof CancelledError) runner.warning(line)
      throw error instanceof CancelledError ? error : new ActionError(line)
    }
  }
  runner.info(`Created import job ${jobId}.`)
  runner.setOutput('jobId', jobId)
  return [jobId]
}

/** The one job that appeared since `before`, if exactly one did. */
async function findCreated(
  api: ImportApi,
  collectionName: string,
  before: Set<string> | undefined,
  step: StepContext
): Promise<string | undefined> {
  if (!before || step.signal?.aborted) return undefined
  const after = await listedIds(
    api,
    collectionName,
    callPolicy(
      { pollIntervalMs: 5_000 },
      { ...step, deadline: step.clock.now() + LOOKUP_MS }
    )
  )
  const added = [...(after ?? [])].filter((id) => !before.has(id))
  return added.length === 1 ? added[0] : undefined
}
