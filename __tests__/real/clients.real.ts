/**
 * The official clients as the simulator's oracle: pymilvus's bulk_writer
 * (REST v2 in pymilvus 3, Zilliz Cloud v1 in 2.4.7), pymilvus's gRPC
 * bulk-insert utilities (2.3 and 2.4) and the Node SDK's HTTP client each
 * call the simulator as they ship. The simulator must accept every request as
 * sent, the client must parse every answer, and the request log shows the
 * paths, headers and defaults each client sends.
 */
// The HttpClient module alone: the SDK root also loads its parquet bulk writer.
import { HttpClient } from '@zilliz/milvus2-sdk-node/dist/milvus/HttpClient.js'
import {
  startSimulator,
  type RecordedRequest,
  type Simulator,
  type SimulatorOptions
} from '../../simulator/server.js'
import {
  startGrpcSimulator,
  type GrpcSimulator,
  type GrpcSimulatorOptions
} from '../../simulator/grpc-server.js'
import { recordFacts, runPython, type Venv } from './python.js'

interface CallResult {
  call: string
  ok: boolean
  body?: { code: number; data?: Record<string, unknown>; message?: string }
  error?: string
}

const BOOKS = 'books'
const DONE = '463071155436633601'
const BROKEN = '463071155436633602'
const CLUSTER = 'in03-5f1c2e8d9a7b4c3'
const KEY = 'cloud-api-key'

const jobs: SimulatorOptions['jobs'] = [
  {
    jobId: DONE,
    collectionName: BOOKS,
    files: [{ name: 'a.parquet', rows: 500 }]
  },
  {
    jobId: BROKEN,
    collectionName: BOOKS,
    files: [{ name: 'b.parquet', rows: 10, failReason: 'dim 4, expected 8' }]
  }
]

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

const versions: Record<string, string> = {}

/** Runs bulk_writer calls in a venv; the url kwarg is the simulator's. */
async function bulkWriter(
  venv: Venv,
  calls: { call: string; kwargs: Record<string, unknown> }[]
): Promise<CallResult[]> {
  const out = await runPython<{ pymilvus: string; results: CallResult[] }>(
    venv,
    'bulk_writer_calls.py',
    [
      JSON.stringify(
        calls.map((c) => ({ ...c, kwargs: { url: sim!.url, ...c.kwargs } }))
      )
    ]
  )
  versions[`pymilvus (${venv})`] = out.pymilvus
  return out.results
}

const bodyOf = (r: RecordedRequest) => JSON.parse(r.body) as unknown

/** A cloud simulator (v2 or v1) that wants KEY and CLUSTER. */
const cloudSimulator = (flavour: 'zilliz' | 'v1') =>
  startSimulator({ flavour, jobs, apiKey: KEY, clusterId: CLUSTER })
const CLOUD = { api_key: KEY, cluster_id: CLUSTER }

/** get_import_progress of the completed, then the failed job, on the cloud. */
const progressCalls = () =>
  [DONE, BROKEN].map((job_id) => ({
    call: 'get_import_progress',
    kwargs: { ...CLOUD, job_id }
  }))

describe('pymilvus 3 bulk_writer (REST v2) against the Milvus simulator', () => {
  it('sends its calls as the simulator expects, and reads every answer', async () => {
    sim = await startSimulator({ flavour: 'milvus', jobs })
    const results = await bulkWriter('rest-v2', [
      { call: 'get_import_progress', kwargs: { job_id: DONE } },
      { call: 'get_import_progress', kwargs: { job_id: BROKEN } },
      { call: 'list_import_jobs', kwargs: { collection_name: BOOKS } },
      {
        call: 'bulk_import',
        kwargs: { collection_name: BOOKS, files: [['c.parquet']] }
      }
    ])
    expect(results.map((r) => [r.call, r.ok, r.error])).toEqual([
      ['get_import_progress', true, undefined],
      ['get_import_progress', true, undefined],
      ['list_import_jobs', true, undefined],
      ['bulk_import', true, undefined]
    ])
    expect(results[0].body?.data).toMatchObject({
      jobId: DONE,
      state: 'Completed'
    })
    expect(results[1].body?.data).toMatchObject({
      jobId: BROKEN,
      state: 'Failed'
    })
    expect(results[2].body?.data?.records).toHaveLength(2)
    expect(results[3].body?.data?.jobId).toMatch(/^\d+$/)

    const log = sim.requests
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v2/vectordb/jobs/import/describe',
      'POST /v2/vectordb/jobs/import/describe',
      'POST /v2/vectordb/jobs/import/list',
      'POST /v2/vectordb/jobs/import/create'
    ])
    for (const r of log) {
      // The key is sent even when empty; Node's parser drops the trailing blank.
      expect(r.headers.authorization).toBe('Bearer')
      expect(r.headers['db-name']).toBeUndefined()
      expect(r.headers['content-type']).toBe('application/json')
    }
    expect(bodyOf(log[0])).toEqual({
      jobId: DONE,
      clusterId: '',
      projectId: '',
      regionId: ''
    })
    expect(bodyOf(log[2])).toEqual({
      collectionName: BOOKS,
      dbName: '',
      clusterId: '',
      projectId: '',
      regionId: '',
      pageSize: 10,
      currentPage: 1
    })
    expect(bodyOf(log[3])).toMatchObject({
      collectionName: BOOKS,
      dbName: '',
      partitionName: '',
      files: [['c.parquet']],
      objectUrl: '',
      objectUrls: null,
      clusterId: '',
      options: {}
    })
  })

  it('sends the key as Bearer and the database as DB-Name', async () => {
    sim = await startSimulator({
      flavour: 'milvus',
      jobs,
      apiKey: 'root:Milvus'
    })
    const results = await bulkWriter('rest-v2', [
      {
        call: 'get_import_progress',
        kwargs: { job_id: DONE, api_key: 'root:Milvus', db_name: 'analytics' }
      },
      { call: 'get_import_progress', kwargs: { job_id: '1' } }
    ])
    expect(results[0].ok).toBe(true)
    expect(sim.requests[0].headers.authorization).toBe('Bearer root:Milvus')
    expect(sim.requests[0].headers['db-name']).toBe('analytics')
    // Without the key the simulator answers 401, as Milvus does.
    expect(results[1].ok).toBe(false)
    expect(results[1].error).toContain('status code: 401')
  })

  it('reads an unknown job as the API error it is', async () => {
    sim = await startSimulator({ flavour: 'milvus', jobs })
    const [result] = await bulkWriter('rest-v2', [
      { call: 'get_import_progress', kwargs: { job_id: '42' } }
    ])
    expect(result.ok).toBe(false)
    expect(result.error).toContain('code: 2101')
    expect(result.error).toContain('import job does not exist')
  })
})

describe('pymilvus 3 bulk_writer (REST v2) against the Zilliz Cloud simulator', () => {
  it('puts clusterId, projectId and regionId in the body', async () => {
    sim = await cloudSimulator('zilliz')
    const results = await bulkWriter('rest-v2', [
      ...progressCalls(),
      {
        call: 'list_import_jobs',
        kwargs: { ...CLOUD, collection_name: BOOKS }
      },
      {
        call: 'bulk_import',
        kwargs: {
          ...CLOUD,
          collection_name: BOOKS,
          object_urls: [['s3://bucket/c.parquet']],
          access_key: 'ak',
          secret_key: 'sk'
        }
      },
      {
        call: 'get_import_progress',
        kwargs: {
          api_key: KEY,
          project_id: 'proj-1',
          region_id: 'aws-us-west-2',
          job_id: DONE
        }
      }
    ])
    expect(results.map((r) => [r.ok, r.error])).toEqual(
      results.map(() => [true, undefined])
    )
    expect(results[0].body?.data).toMatchObject({
      jobId: DONE,
      state: 'Completed'
    })
    expect(results[1].body?.data).toMatchObject({ state: 'Failed' })
    expect(results[2].body?.data).toMatchObject({
      pageSize: 10,
      currentPage: 1
    })
    const log = sim.requests
    expect(log.map((r) => r.path)).toEqual([
      '/v2/vectordb/jobs/import/describe',
      '/v2/vectordb/jobs/import/describe',
      '/v2/vectordb/jobs/import/list',
      '/v2/vectordb/jobs/import/create',
      '/v2/vectordb/jobs/import/describe'
    ])
    for (const r of log) expect(r.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(bodyOf(log[0])).toEqual({
      jobId: DONE,
      clusterId: CLUSTER,
      projectId: '',
      regionId: ''
    })
    expect(bodyOf(log[4])).toEqual({
      jobId: DONE,
      clusterId: '',
      projectId: 'proj-1',
      regionId: 'aws-us-west-2'
    })
  })

  it('reads the cloud errors: wrong key, unknown job', async () => {
    sim = await cloudSimulator('zilliz')
    const results = await bulkWriter('rest-v2', [
      {
        call: 'get_import_progress',
        kwargs: { api_key: 'nope', cluster_id: CLUSTER, job_id: DONE }
      },
      {
        call: 'get_import_progress',
        kwargs: { api_key: KEY, cluster_id: CLUSTER, job_id: 'job-x' }
      }
    ])
    expect(results[0].error).toContain('code: 21119')
    expect(results[1].error).toContain('code: 90144')
  })
})

describe('pymilvus 2.4.7 bulk_writer (Zilliz Cloud v1) against the v1 simulator', () => {
  it('sends GET with jobId and clusterId in the query, and reads code 200', async () => {
    sim = await cloudSimulator('v1')
    const results = await bulkWriter('zilliz-v1', [
      ...progressCalls(),
      {
        call: 'list_import_jobs',
        kwargs: { ...CLOUD, page_size: 10, current_page: 1 }
      },
      {
        call: 'bulk_import',
        kwargs: {
          ...CLOUD,
          object_url: 's3://bucket/c.parquet',
          access_key: 'ak',
          secret_key: 'sk',
          collection_name: BOOKS
        }
      }
    ])
    expect(results.map((r) => [r.ok, r.error])).toEqual(
      results.map(() => [true, undefined])
    )
    expect(results[0].body).toMatchObject({
      code: 200,
      data: { jobId: DONE, readyPercentage: 1 }
    })
    expect(results[1].body?.data?.errorMessage).toEqual(expect.any(String))
    expect(results[2].body?.data?.tasks).toHaveLength(2)
    expect(results[3].body).toMatchObject({
      code: 200,
      data: { jobId: expect.any(String) }
    })
    const log = sim.requests
    expect(log.map((r) => `${r.method} ${r.path}?${r.query}`)).toEqual([
      `GET /v1/vector/collections/import/get?jobId=${DONE}&clusterId=${CLUSTER}`,
      `GET /v1/vector/collections/import/get?jobId=${BROKEN}&clusterId=${CLUSTER}`,
      `GET /v1/vector/collections/import/list?clusterId=${CLUSTER}&pageSize=10&currentPage=1`,
      'POST /v1/vector/collections/import?'
    ])
    for (const r of log) expect(r.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(bodyOf(log[3])).toEqual({
      objectUrl: 's3://bucket/c.parquet',
      accessKey: 'ak',
      secretKey: 'sk',
      clusterId: CLUSTER,
      collectionName: BOOKS
    })
  })

  it('reads an unknown job as an error (code is not 200)', async () => {
    sim = await cloudSimulator('v1')
    const [result] = await bulkWriter('zilliz-v1', [
      {
        call: 'get_import_progress',
        kwargs: { api_key: KEY, cluster_id: CLUSTER, job_id: 'job-x' }
      }
    ])
    expect(result.ok).toBe(false)
    expect(result.error).toContain('code: 90144')
  })
})

interface GrpcTask {
  id: string
  state: string
  rowCount: string
  failedReason: string
  progress: number
  collection: string
}

interface GrpcResult {
  call: string
  ok: boolean
  tasks?: GrpcTask[]
  error?: string
}

const grpcTasks: GrpcSimulatorOptions['tasks'] = [
  {
    task: '470851220664221767',
    collectionName: BOOKS,
    rows: 100,
    files: ['/data/good.json']
  },
  {
    task: '470851220664421780',
    collectionName: BOOKS,
    outcome: 'failed',
    failedReason:
      "array size 4 doesn't equal to vector dimension 8 of field 'vector'",
    files: ['/data/bad_dim.json']
  }
]

describe.each<[Venv, boolean]>([
  ['grpc', true],
  ['grpc', false],
  ['zilliz-v1', false]
])(
  'pymilvus (%s venv) gRPC utilities against the gRPC simulator (legacy %s)',
  (venv, legacy) => {
    let grpc: GrpcSimulator | undefined
    afterEach(async () => {
      await grpc?.close()
      grpc = undefined
    })

    it('connects, then reads get_bulk_insert_state and list_bulk_insert_tasks', async () => {
      grpc = await startGrpcSimulator({
        tasks: grpcTasks,
        legacy,
        token: 'root:Milvus'
      })
      const port = new URL(grpc.address).port
      const out = await runPython<{
        pymilvus: string
        serverVersion: string
        results: GrpcResult[]
      }>(venv, 'grpc_calls.py', [
        port,
        JSON.stringify([
          { call: 'get_bulk_insert_state', task_id: grpcTasks[0].task },
          { call: 'get_bulk_insert_state', task_id: grpcTasks[1].task },
          { call: 'list_bulk_insert_tasks', collection_name: BOOKS },
          { call: 'get_bulk_insert_state', task_id: '42' }
        ]),
        'root:Milvus'
      ])
      versions[`pymilvus gRPC (${venv})`] = out.pymilvus
      const [done, failed, list, unknown] = out.results
      expect([done.ok, failed.ok, list.ok]).toEqual([true, true, true])
      expect(done.tasks?.[0]).toMatchObject({
        state: 'Completed',
        rowCount: '100',
        progress: 100
      })
      expect(failed.tasks?.[0]).toMatchObject({
        state: 'Failed',
        failedReason: grpcTasks[1].failedReason
      })
      expect(list.tasks?.map((t) => t.state)).toEqual(['Completed', 'Failed'])
      // Before 2.4 the list has the task IDs and the collection; 2.4+ send 0, ''.
      expect(list.tasks?.map((t) => t.id)).toEqual(
        legacy ? grpcTasks.map((t) => t.task) : ['0', '0']
      )
      expect(done.tasks?.[0].collection).toBe(legacy ? BOOKS : '')
      expect(unknown.ok).toBe(false)
      // As a real 2.3 server (embedded Milvus 2.3.5) and 2.4+ answer it.
      expect(unknown.error).toContain(
        legacy
          ? 'code=1000, message=key not found[key=by-dev/meta/importtask/42]'
          : 'code=2100, message=import job does not exist, jobID=42'
      )
      // pymilvus calls Connect first, with the token as base64 user:password.
      expect(grpc.calls[0].method).toBe('Connect')
      const auth = Buffer.from('root:Milvus').toString('base64')
      for (const call of grpc.calls)
        expect(call.metadata.authorization).toBe(auth)
      expect(
        grpc.calls
          .filter((c) => c.method === 'GetImportState')
          .map((c) => c.task)
      ).toEqual([grpcTasks[0].task, grpcTasks[1].task, '42'])
    })
  }
)

describe('the Node SDK HttpClient (import calls) against the Milvus simulator', () => {
  it('sends get_progress, list and create with dbName in the body', async () => {
    sim = await startSimulator({
      flavour: 'milvus',
      jobs,
      apiKey: 'root:Milvus'
    })
    const client = new HttpClient({ endpoint: sim.url, token: 'root:Milvus' })
    const progress = await client.getImportJobProgress({ jobId: DONE })
    const list = await client.listImportJobs({ collectionName: BOOKS })
    const created = await client.createImportJobs({
      collectionName: BOOKS,
      files: [['c.parquet']]
    })
    expect(progress).toMatchObject({
      code: 0,
      data: { jobId: DONE, state: 'Completed' }
    })
    expect(list).toMatchObject({ code: 0 })
    expect(created).toMatchObject({
      code: 0,
      data: { jobId: expect.stringMatching(/^\d+$/) }
    })
    const log = sim.requests
    expect(log.map((r) => r.path)).toEqual([
      '/v2/vectordb/jobs/import/get_progress',
      '/v2/vectordb/jobs/import/list',
      '/v2/vectordb/jobs/import/create'
    ])
    expect(bodyOf(log[0])).toEqual({ jobId: DONE, dbName: 'default' })
    for (const r of log) {
      expect(r.headers.authorization).toBe('Bearer root:Milvus')
      expect(r.headers['db-name']).toBeUndefined()
    }
  })
})

afterAll(() => {
  recordFacts(
    Object.fromEntries(
      Object.entries(versions).map(([k, v]) => [`client ${k}`, v])
    )
  )
})
