/**
 * What every flavour's routes share: the request they read, the reply they
 * give, and the settings and jobs they answer from.
 */
import type http from 'node:http'
import type { JobStore } from './job-model.js'

/** Milvus OSS REST v2 | Zilliz Cloud control plane v2 | Zilliz legacy v1. */
export type Flavour = 'milvus' | 'zilliz' | 'v1'

/** The simulator options that shape the API's answers. */
export interface ApiSettings {
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string
  /** zilliz/v1: the one cluster ID accepted; unset accepts any. */
  clusterId?: string
  /** zilliz: the serverless project and region accepted instead. */
  projectId?: string
  regionId?: string
  /** Milvus before 2.4.13: /describe is not routed (404), /get_progress is. */
  noDescribe?: boolean
  /** Milvus job-not-found answer: code 2100 (2.4/2.5) or 2101 (2.6+). */
  notFoundStyle?: '2.4' | '2.6'
  /**
   * Milvus: the release to answer like, such as '2.4.1', '2.5.27', '2.6.16'
   * or '3.0.0' (see milvus-versions.ts). Unset: the newest behaviour.
   */
  milvusVersion?: string
  /**
   * /commit, /abort and options.auto_commit (two-phase imports). Default:
   * on for Milvus 3.0+ (and an unset milvusVersion), off for Zilliz Cloud.
   * false is an older server: /commit is HTTP 404, auto_commit is ignored.
   */
  twoPhase?: boolean
  /** create: the collections that exist; unset accepts any name. */
  collections?: string[]
  /**
   * create: the objects in the bucket, by key (Milvus) or URL (Zilliz), with
   * their rows; a job with a file not listed fails. Unset: any, 10,000 rows.
   */
  objects?: Record<string, { rows: number; failReason?: string }>
  /** create (Zilliz): the bucket's keys; unset accepts any or none. */
  bucketKeys?: { accessKey: string; secretKey: string }
  /** Describes a committed job stays Committing before Completed (1). */
  committingPolls?: number
  /** create: how created jobs run; default they end on the 3rd describe. */
  created?: { polls?: number; durationMs?: number }
  /** Progress on the 0-1 scale of the pymilvus documents (default 0-100). */
  progressScale?: 'percent' | 'fraction'
  /** v2 progress calls answer with the legacy v1 body (readyPercentage). */
  legacyBody?: boolean
  /** States named ImportPending/ImportRunning/ImportCompleted/ImportFailed. */
  stateNames?: 'v2' | 'import'
  /** Unknown counts and reasons sent as null (importedRows: null, ...). */
  nulls?: boolean
  /** The success code: 0, or 200 as the published examples show it. */
  successCode?: 0 | 200
  /** The key a list's jobs sit under (default: the flavour's own). */
  listKey?: 'records' | 'tasks'
  /** Lists paged with count/currentPage/pageSize (default: the flavour's). */
  listPaged?: boolean
  /** List records with progress (default: the flavour's). */
  listProgress?: boolean
}

/** A request as the routes read it, body in full. */
export interface ParsedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  body: string
}

/** One request handed to a flavour's routes, with what they answer from. */
export interface Call {
  req: ParsedRequest
  /** The Bearer token, or the decoded Basic credentials, if any. */
  token: string | undefined
  settings: ApiSettings
  jobs: JobStore
  /** True when a fault answers instead: no poll is counted. */
  dryRun: boolean
}

/** An answer to send: status, headers and body text. */
export interface Reply {
  status: number
  headers: Record<string, string>
  body: string
}

/** What an unrouted path gets (Go's net/http default). */
export const NOT_FOUND: Reply = {
  status: 404,
  headers: { 'Content-Type': 'text/plain' },
  body: '404 page not found'
}

const V2_IMPORT = '/v2/vectordb/jobs/import/'

/** The action of a v2 import-jobs POST (Milvus and Zilliz Cloud alike). */
export function v2Action(req: ParsedRequest): string | undefined {
  if (req.method !== 'POST' || !req.path.startsWith(V2_IMPORT)) return undefined
  return req.path.slice(V2_IMPORT.length)
}

/** Formats epoch ms like Go's time.Format(RFC3339) in UTC. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Writes a reply with its exact Content-Length and ends the response. */
export function send(res: http.ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body, 'utf8')
  res.writeHead(reply.status, {
    ...reply.headers,
    'Content-Length': String(body.length)
  })
  res.end(body)
}
