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
  /** Milvus before 2.4.13: /describe is not routed (404), /get_progress is. */
  noDescribe?: boolean
  /** Milvus job-not-found answer: code 2100 (2.4/2.5) or 2101 (2.6+). */
  notFoundStyle?: '2.4' | '2.6'
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
