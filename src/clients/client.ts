import type { Config } from '../inputs.js'
import type { Flavour, FlavourInputs } from './flavours/flavour.js'
import { milvusGrpc } from './flavours/milvus-grpc.js'
import { milvusRestV2 } from './flavours/milvus-rest-v2.js'
import { zillizCloudV1 } from './flavours/zilliz-cloud-v1.js'
import { zillizCloudV2 } from './flavours/zilliz-cloud-v2.js'
import type {
  CallOptions,
  CreateRequest,
  ImportJob,
  JobListing,
  ListQuery
} from './job.js'

export type {
  Flavour,
  FlavourInputs,
  MissingInput
} from './flavours/flavour.js'

/**
 * The import API of one server, whatever its generation: what the flavours
 * below build and the poller, the starter and the reporter use.
 */
export interface ImportApi {
  /** A name for logs and errors: "Zilliz Cloud v2", "Milvus REST v2"... */
  readonly name: string
  /** The host (and port) requests go to, for per-endpoint rate limits. */
  readonly endpointKey: string
  /** Reads one job's progress. Throws an ActionError on any failure. */
  getJob(jobId: string, options: CallOptions): Promise<ImportJob>
  /** Lists the jobs the server knows, newest first where it can tell. */
  listJobs(query: ListQuery, options: CallOptions): Promise<JobListing[]>
  /** Releases connections (gRPC channels); optional. */
  close?(): Promise<void>
  /** Starts an import job (REST v2 only); see start/create.ts. */
  createJob?(request: CreateRequest, options: CallOptions): Promise<string>
  /** Commits a two-phase job, or aborts it; safe to repeat. */
  commitJob?(jobId: string, options: CallOptions): Promise<void>
  abortJob?(jobId: string, options: CallOptions): Promise<void>
  /** True when the server has /commit and /abort (two-phase imports). */
  supportsTwoPhase?(options: CallOptions): Promise<boolean>
}

/**
 * Every import API the action speaks, in the order api: auto tries them: the
 * first whose detect() accepts the endpoint and inputs is chosen. Within one
 * api value, the last one is the fallback.
 */
export const FLAVOURS: readonly Flavour[] = [
  milvusGrpc,
  zillizCloudV1,
  zillizCloudV2,
  milvusRestV2
]

/** The values the api input takes, the most general API first. */
export const API_CHOICES: readonly string[] = [
  'auto',
  ...new Set([...FLAVOURS].reverse().map((f) => f.api))
]

/** Chooses the flavour for an api input value, an endpoint and the inputs. */
export function chooseFlavour(
  api: string,
  endpoint: URL,
  inputs: FlavourInputs = {}
): Flavour {
  const candidates =
    api === 'auto' ? FLAVOURS : FLAVOURS.filter((f) => f.api === api)
  if (candidates.length === 0) throw new Error(`No API is named "${api}".`)
  return (
    candidates.find((f) => f.detect(endpoint, inputs)) ??
    candidates[candidates.length - 1]
  )
}

/** Builds the client of the API the inputs chose. */
export async function createImportApi(config: Config): Promise<ImportApi> {
  return chooseFlavour(config.api, new URL(config.endpoint), config).create(
    config
  )
}
