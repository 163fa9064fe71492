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
import { serveFault, type Fault } from './faults.js'
import { JobStore, type JobScript } from './job-model.js'
import { milvusAnswer } from './milvus.js'
import {
  send,
  type ApiSettings,
  type Call,
  type Flavour,
  type ParsedRequest,
  type Reply
} from './route.js'
import { zillizAnswer } from './zilliz.js'
import { v1Answer } from './zilliz-v1.js'
import { isV1Create, v1CreateAnswer } from './zilliz-v1-create.js'

// The simulator's public names, wherever they are defined.
export type { Fault } from './faults.js'
export {
  ScriptedJob,
  type FileScript,
  type FileSnapshot,
  type FileState,
  type JobScript,
  type JobSnapshot
} from './job-model.js'
export { milvusDescribeData } from './milvus.js'
export type { ApiSettings, Flavour } from './route.js'
export { zillizProgressData } from './zilliz.js'
export { v1GetData } from './zilliz-v1.js'

/** Everything a simulator can be told at start (API settings included). */
export interface SimulatorOptions extends ApiSettings {
  /** Default 'milvus'. */
  flavour?: Flavour
  jobs?: JobScript[]
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

// Each flavour answers its own routes, with its own auth and error bodies.
const ANSWER: Record<Flavour, (call: Call) => Reply> = {
  milvus: milvusAnswer,
  zilliz: zillizAnswer,
  v1: v1Answer
}

// The credential a request carries: a Bearer token as sent, or Basic
// credentials decoded to user:password.
function bearer(req: ParsedRequest): string | undefined {
  const auth = req.headers.authorization
  if (!auth) return undefined
  if (auth.startsWith('Bearer ')) return auth.slice(7).trim()
  if (auth.startsWith('Basic ')) {
    return Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8')
  }
  return undefined
}

/** Starts a simulator on 127.0.0.1 and resolves once it listens. */
export async function startSimulator(
  options: SimulatorOptions = {}
): Promise<Simulator> {
  const now = options.now ?? Date.now
  const flavour = options.flavour ?? 'milvus'
  const jobs = new JobStore(now, options.jobs)
  // With dryRun no poll is counted (for faults).
  const answer = (req: ParsedRequest, dryRun: boolean): Reply => {
    const call = { req, token: bearer(req), settings: options, jobs, dryRun }
    return flavour === 'v1' && isV1Create(call)
      ? v1CreateAnswer(call)
      : ANSWER[flavour](call)
  }
  const faults: Fault[] = [...(options.faults ?? [])]
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()

  const server = http.createServer((incoming, res) => {
    const chunks: Buffer[] = []
    incoming.on('data', (c: Buffer) => chunks.push(c))
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1')
      const req: ParsedRequest = {
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
      const at = faults.findIndex(
        (f) => !f.action || req.path.endsWith(`/${f.action}`)
      )
      const fault = at < 0 ? undefined : faults.splice(at, 1)[0]
      if (fault) serveFault(fault, res, flavour, () => answer(req, true))
      else send(res, answer(req, false))
    })
  })

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
    flavour,
    requests,
    addJob: (job) => jobs.add(job),
    pushFaults: (...more) => void faults.push(...more),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
