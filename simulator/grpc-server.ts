/**
 * A local Milvus gRPC server for tests and demos. It serves the legacy import
 * RPCs (GetImportState, ListImportTasks) from the Milvus Node SDK's own proto
 * definitions, so the bytes on the wire are the ones a real Milvus sends.
 *
 * Behaviour follows Milvus 2.4+ (internal/proxy/impl.go
 * convertToV1GetImportResponse): infos hold only failed_reason and
 * progress_percent, id is 0, and ListImportTasks reports no task IDs. With
 * `legacy: true` it answers like a pre-2.4 server instead (task IDs in the
 * list, collection and files in infos).
 */
import * as grpc from '@grpc/grpc-js'
import { milvusPackage } from '../src/clients/milvus-proto.js'

/** One scripted import task. */
export interface GrpcTaskScript {
  task: string
  collectionName?: string
  /** The Nth GetImportState call returns the terminal state (default 1). */
  polls?: number
  outcome?: 'completed' | 'failed' | { state: string | number }
  rows?: number
  failedReason?: string
  files?: string[]
  /** Extra or replaced infos entries on every reply for this task. */
  infos?: Record<string, string>
}

/** How the simulator behaves. */
export interface GrpcSimulatorOptions {
  tasks: GrpcTaskScript[]
  /** When set, calls must carry authorization = base64(token). */
  token?: string
  /**
   * Every import reply carries this failed status (error_code
   * UnexpectedError). Code 0 models a server before 2.3, which set only
   * error_code.
   */
  statusError?: { code: number; reason: string }
  /** Answer like Milvus before 2.4 (rootcoord import manager). */
  legacy?: boolean
  /** Delay before each import reply, in ms. */
  delayMs?: number
  /** Collections that exist but have no import tasks. */
  collections?: string[]
}

/** One call the simulator received. */
export interface GrpcCall {
  method: string
  task?: string
  metadata: Record<string, string>
}

/** A running simulator. */
export interface GrpcSimulator {
  /** grpc://127.0.0.1:port */
  address: string
  calls: GrpcCall[]
  close(): Promise<void>
}

type Unary = (
  call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>,
  callback: grpc.sendUnaryData<unknown>
) => void

interface ServiceCtor {
  service: grpc.ServiceDefinition
}

const SUCCESS = {
  code: 0,
  error_code: 'Success',
  reason: '',
  retriable: false,
  detail: '',
  extra_info: {}
}

/** A failed common.Status as merr.Status builds it. */
function errorStatus(code: number, reason: string) {
  return {
    code,
    error_code: 'UnexpectedError',
    reason,
    retriable: false,
    detail: reason,
    extra_info: {}
  }
}

let services: { milvus: ServiceCtor; telemetry: ServiceCtor } | undefined

/** Loads the SDK's proto JSON once; it is large (600 kB). */
function loadServices(): { milvus: ServiceCtor; telemetry: ServiceCtor } {
  if (services) return services
  const pkg = milvusPackage()
  services = {
    milvus: pkg.MilvusService,
    telemetry: pkg.ClientTelemetryService
  }
  return services
}

function metadataRecord(metadata: grpc.Metadata): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(metadata.getMap())) {
    if (typeof value === 'string') out[key] = value
  }
  return out
}

/** The state a task shows after `n` GetImportState calls. */
function snapshot(script: GrpcTaskScript, n: number, legacy: boolean) {
  const polls = Math.max(1, script.polls ?? 1)
  const rows = script.rows ?? 0
  let state: string | number
  let progress: number
  let rowCount: number
  let reason = ''
  if (n >= polls) {
    const outcome = script.outcome ?? 'completed'
    if (outcome === 'completed') {
      state = 'ImportCompleted'
      progress = 100
      rowCount = rows
    } else if (outcome === 'failed') {
      state = 'ImportFailed'
      progress = 0
      rowCount = 0
      reason = script.failedReason ?? 'import failed'
    } else {
      state = outcome.state
      const failed = /fail/i.test(String(state))
      progress = failed ? 0 : 100
      rowCount = failed ? 0 : rows
      reason = failed ? (script.failedReason ?? '') : ''
    }
  } else if (n <= 1) {
    state = 'ImportPending'
    progress = 0
    rowCount = 0
  } else {
    state = 'ImportStarted'
    progress = Math.min(99, Math.max(1, Math.floor((100 * (n - 1)) / polls)))
    rowCount = Math.floor((rows * progress) / 100)
  }
  let infos = [
    { key: 'failed_reason', value: reason },
    { key: 'progress_percent', value: String(progress) }
  ]
  if (legacy) {
    if (script.collectionName)
      infos.push({ key: 'collection', value: script.collectionName })
    infos.push({ key: 'partition', value: '_default' })
    if (script.files?.length)
      infos.push({ key: 'files', value: script.files.join(',') })
  }
  const overrides = script.infos ?? {}
  infos = infos.filter((kv) => !(kv.key in overrides))
  for (const [key, value] of Object.entries(overrides))
    infos.push({ key, value })
  return {
    status: SUCCESS,
    state,
    row_count: String(rowCount),
    id_list: [],
    infos,
    // Milvus 2.4+ sets id and collection_id to 0 on this API.
    id: legacy ? script.task : '0',
    collection_id: legacy ? '448707763884413000' : '0',
    segment_ids: [],
    create_ts: '1767607200'
  }
}

/** Starts the simulator on 127.0.0.1 with a free port. */
export async function startGrpcSimulator(
  opts: GrpcSimulatorOptions
): Promise<GrpcSimulator> {
  const { milvus, telemetry } = loadServices()
  const calls: GrpcCall[] = []
  const timers = new Set<NodeJS.Timeout>()
  const polled = new Map<string, number>()
  const legacy = opts.legacy ?? false
  const expectedAuth =
    opts.token !== undefined
      ? Buffer.from(opts.token, 'utf-8').toString('base64')
      : undefined

  // Real Milvus rejects a bad or missing token in its auth interceptor with a
  // gRPC UNAUTHENTICATED status (internal/proxy/authentication_interceptor.go).
  function authError(metadata: grpc.Metadata): grpc.ServiceError | null {
    if (expectedAuth === undefined) return null
    const sent = metadata.get('authorization')[0]
    if (sent === expectedAuth) return null
    const details =
      sent === undefined
        ? 'missing authorization in header'
        : Buffer.from(String(sent), 'base64').toString('utf-8').includes(':')
          ? 'auth check failure, please check username and password are correct'
          : 'auth check failure, please check api key is correct'
    return Object.assign(new Error(details), {
      code: grpc.status.UNAUTHENTICATED,
      details,
      metadata: new grpc.Metadata()
    })
  }

  function handler(
    method: string,
    reply: (request: Record<string, unknown>) => unknown,
    delayed = false
  ): Unary {
    return (call, callback) => {
      const task =
        call.request.task !== undefined ? String(call.request.task) : undefined
      calls.push({ method, task, metadata: metadataRecord(call.metadata) })
      const denied = authError(call.metadata)
      if (denied) return callback(denied)
      const send = () => {
        try {
          callback(null, reply(call.request))
        } catch (error) {
          callback(error as grpc.ServiceError)
        }
      }
      if (!delayed || !opts.delayMs) return send()
      const timer = setTimeout(() => {
        timers.delete(timer)
        send()
      }, opts.delayMs)
      timers.add(timer)
    }
  }

  const byId = new Map(opts.tasks.map((t) => [t.task, t]))

  const milvusImpl: grpc.UntypedServiceImplementation = {
    Connect: handler('Connect', () => ({
      status: SUCCESS,
      server_info: { build_tags: 'simulator', reserved: {} },
      identifier: '1'
    })),
    GetVersion: handler('GetVersion', () => ({
      status: SUCCESS,
      version: 'v2.5.27'
    })),
    CheckHealth: handler('CheckHealth', () => ({
      status: SUCCESS,
      isHealthy: true,
      reasons: [],
      quota_states: []
    })),
    GetImportState: handler(
      'GetImportState',
      (request) => {
        if (opts.statusError) {
          return {
            status: errorStatus(opts.statusError.code, opts.statusError.reason)
          }
        }
        const id = String(request.task)
        const script = byId.get(id)
        if (!script) {
          // Before 2.4 the import manager reads the task from etcd and
          // answers ErrIoKeyNotFound (1000), as embedded Milvus 2.3.5 does.
          // 2.4/2.5: datacoord GetImportProgress wraps ErrImportFailed
          // (2100); late 2.6 and master use 2101 with "on server side".
          return {
            status: legacy
              ? errorStatus(
                  1000,
                  `key not found[key=by-dev/meta/importtask/${id}]`
                )
              : errorStatus(
                  2100,
                  `import job does not exist, jobID=${id}: importing data failed`
                )
          }
        }
        const n = (polled.get(id) ?? 0) + 1
        polled.set(id, n)
        return snapshot(script, n, legacy)
      },
      true
    ),
    ListImportTasks: handler(
      'ListImportTasks',
      (request) => {
        if (opts.statusError) {
          return {
            status: errorStatus(opts.statusError.code, opts.statusError.reason)
          }
        }
        const name = String(request.collection_name ?? '')
        const matching = opts.tasks.filter(
          (t) => !name || t.collectionName === name
        )
        if (
          name &&
          matching.length === 0 &&
          !opts.collections?.includes(name)
        ) {
          return {
            status: errorStatus(
              100,
              `collection not found[database=${String(request.db_name || 'default')}][collection=${name}]`
            )
          }
        }
        // A list shows each task as its next GetImportState would.
        let tasks = matching.map((t) =>
          snapshot(t, (polled.get(t.task) ?? 0) + 1, legacy)
        )
        // Pre-2.4 servers honour limit (the newest N); 2.4+ ignore it.
        const limit = Number(request.limit ?? 0)
        if (legacy && limit > 0) {
          tasks = [...tasks]
            .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1))
            .slice(0, limit)
        }
        return { status: SUCCESS, tasks }
      },
      true
    )
  }

  const server = new grpc.Server()
  server.addService(milvus.service, milvusImpl)
  server.addService(telemetry.service, {
    ClientHeartbeat: handler('ClientHeartbeat', () => ({
      status: SUCCESS,
      server_timestamp: String(Date.now()),
      commands: []
    }))
  })
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      '127.0.0.1:0',
      grpc.ServerCredentials.createInsecure(),
      (error, bound) => (error ? reject(error) : resolve(bound))
    )
  )
  return {
    address: `grpc://127.0.0.1:${port}`,
    calls,
    close: async () => {
      // forceShutdown also ends calls still waiting on delayMs.
      for (const timer of timers) clearTimeout(timer)
      server.forceShutdown()
    }
  }
}
