import { createGrpcApi } from '../../src/clients/milvus-grpc.js'
import type { ImportApi } from '../../src/clients/client.js'
import {
  ApiError,
  CancelledError,
  InputError,
  JobNotFoundError,
  MalformedResponseError,
  TransientError
} from '../../src/errors.js'
import {
  startGrpcSimulator,
  type GrpcSimulator,
  type GrpcSimulatorOptions
} from '../../simulator/grpc-server.js'

const CALL = { timeoutMs: 2000 }
const BIG_ID = '463071155436633601' // above 2^53: a JS number would round it

let sim: GrpcSimulator | undefined
let api: ImportApi | undefined

async function setup(
  opts: GrpcSimulatorOptions,
  config: { token?: string; dbName?: string } = {}
): Promise<ImportApi> {
  sim = await startGrpcSimulator(opts)
  api = await createGrpcApi({ address: sim.address, ...config })
  return api
}

/** Resolves to what the promise rejected with (fails if it resolved). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a rejection')
}

afterEach(async () => {
  await api?.close?.()
  await sim?.close()
  api = undefined
  sim = undefined
})

describe('getJob', () => {
  it('reads a completed job', async () => {
    const client = await setup({
      tasks: [{ task: '448707763884413158', rows: 10000 }]
    })
    const job = await client.getJob('448707763884413158', CALL)
    expect(job).toEqual({
      jobId: '448707763884413158',
      state: 'Completed',
      rawState: 'ImportCompleted',
      status: 'completed',
      progress: 100,
      importedRows: 10000n,
      collectionName: undefined,
      reason: undefined,
      files: []
    })
    // One RPC per poll: no Connect handshake, no telemetry.
    expect(sim?.calls.map((c) => [c.method, c.task])).toEqual([
      ['GetImportState', '448707763884413158']
    ])
    expect(client.name).toBe('Milvus gRPC')
    expect(client.endpointKey).toMatch(/^127\.0\.0\.1:\d+$/)
  })

  it('surfaces the reason of a failed job', async () => {
    const client = await setup({
      tasks: [
        {
          task: '42',
          outcome: 'failed',
          failedReason: 'the field "vector" is missing in file a.json'
        }
      ]
    })
    const job = await client.getJob('42', CALL)
    expect(job).toMatchObject({
      state: 'Failed',
      rawState: 'ImportFailed',
      status: 'failed',
      progress: 0,
      importedRows: 0n,
      reason: 'the field "vector" is missing in file a.json'
    })
  })

  it('follows a job from pending through started to completed', async () => {
    const client = await setup({
      tasks: [{ task: '7', polls: 3, rows: 900 }]
    })
    const seen = []
    for (let i = 0; i < 3; i++) {
      const job = await client.getJob('7', CALL)
      seen.push([job.rawState, job.status, job.progress, job.importedRows])
    }
    expect(seen).toEqual([
      ['ImportPending', 'running', 0, 0n],
      ['ImportStarted', 'running', 33, 297n],
      ['ImportCompleted', 'completed', 100, 900n]
    ])
  })

  it('keeps an int64 task ID above 2^53 exact on the wire', async () => {
    const client = await setup({
      legacy: true,
      tasks: [
        {
          task: BIG_ID,
          rows: 5,
          collectionName: 'books',
          files: ['a/1.parquet', 'a/2.parquet']
        }
      ]
    })
    const job = await client.getJob(BIG_ID, CALL)
    expect(sim?.calls[0].task).toBe(BIG_ID)
    expect(job.jobId).toBe(BIG_ID)
    // Servers before 2.4 also name the collection and the files.
    expect(job.collectionName).toBe('books')
    expect(job.files).toEqual([
      { fileName: 'a/1.parquet', state: 'Completed', progress: 100 },
      { fileName: 'a/2.parquet', state: 'Completed', progress: 100 }
    ])
  })

  it('reports a state it does not know as unknown, never as success', async () => {
    const client = await setup({
      tasks: [{ task: '9', outcome: { state: 100 } }]
    })
    const job = await client.getJob('9', CALL)
    expect(job).toMatchObject({ state: '100', status: 'unknown' })
  })

  it('maps Persisted (pre-2.4) to a running state', async () => {
    const client = await setup({
      legacy: true,
      tasks: [{ task: '9', outcome: { state: 'ImportPersisted' } }]
    })
    const job = await client.getJob('9', CALL)
    expect(job).toMatchObject({ state: 'Importing', status: 'running' })
  })

  it('turns an unknown task into JobNotFoundError', async () => {
    const client = await setup({ tasks: [] })
    const error = await rejection(client.getJob('123', CALL))
    expect(error).toBeInstanceOf(JobNotFoundError)
    expect(error.message).toContain('Import job 123 was not found.')
    expect(error.message).toContain(
      'Milvus gRPC answered code 2100: import job does not exist, jobID=123'
    )
    expect((error as JobNotFoundError).code).toBe(2100)
  })

  it('classifies a non-zero status code before reading the state', async () => {
    const client = await setup({
      tasks: [{ task: '5' }],
      statusError: { code: 1800, reason: "user hasn't authenticated" }
    })
    const error = await rejection(client.getJob('5', CALL))
    expect(error).toBeInstanceOf(ApiError)
    expect(error).not.toBeInstanceOf(TransientError)
    expect(error.message).toMatch(/^Authentication failed\. /)
    expect(error.message).toContain("code 1800: user hasn't authenticated")
  })

  it('reads the error_code of servers that send no code', async () => {
    // Before Milvus 2.3, common.Status had only error_code and reason.
    const client = await setup({
      tasks: [{ task: '5' }],
      statusError: { code: 0, reason: 'rootcoord is not healthy' }
    })
    const error = await rejection(client.getJob('5', CALL))
    expect(error).toBeInstanceOf(TransientError)
    expect(error.message).toContain(
      'Milvus gRPC answered error_code UnexpectedError: rootcoord is not healthy.'
    )
    // It names the code the server sent, never one it did not.
    expect(error.message).not.toContain('65535')
  })

  it('names the field of a reply it cannot read', async () => {
    const client = await setup({
      tasks: [{ task: '5', infos: { progress_percent: 'half' } }]
    })
    const error = await rejection(client.getJob('5', CALL))
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect(error.message).toBe(
      'Milvus gRPC GetImportState returned an unexpected reply (infos.progress_percent: "half" is not a number).'
    )
  })

  it('treats "service not ready" as transient', async () => {
    const client = await setup({
      tasks: [{ task: '5' }],
      statusError: { code: 2, reason: 'service unavailable' }
    })
    const error = await rejection(client.getJob('5', CALL))
    expect(error).toBeInstanceOf(TransientError)
  })

  it('sends the token as Milvus expects and passes with the right one', async () => {
    const client = await setup(
      { tasks: [{ task: '5' }], token: 'root:Milvus' },
      { token: 'root:Milvus', dbName: 'analytics' }
    )
    const job = await client.getJob('5', CALL)
    expect(job.status).toBe('completed')
    expect(sim?.calls[0].metadata).toMatchObject({
      authorization: Buffer.from('root:Milvus').toString('base64'),
      dbname: 'analytics'
    })
  })

  it('fails with a fix when the token is wrong, without printing it', async () => {
    const client = await setup(
      { tasks: [{ task: '5' }], token: 'root:Milvus' },
      { token: 'root:wrong-secret' }
    )
    const error = await rejection(client.getJob('5', CALL))
    expect(error).toBeInstanceOf(ApiError)
    expect(error.message).toBe(
      'Authentication failed. Milvus gRPC refused GetImportState (UNAUTHENTICATED: auth check failure, please check username and password are correct). Check the secret passed to api-key: a Milvus token "user:password" or an API key.'
    )
    expect(error.message).not.toContain('wrong-secret')
  })

  it('fails when the server wants a token and none is set', async () => {
    const client = await setup({ tasks: [{ task: '5' }], token: 'key' })
    const error = await rejection(client.getJob('5', CALL))
    expect(error).toBeInstanceOf(ApiError)
    expect(error.message).toContain('missing authorization in header')
  })

  it('rejects a job ID that is not a task number, before calling', async () => {
    const client = await setup({ tasks: [] })
    const error = await rejection(client.getJob('job-01abc', CALL))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain('Job ID "job-01abc" is not a Milvus')
    expect(sim?.calls).toEqual([])
  })

  it('turns a slow answer into a TransientError', async () => {
    const client = await setup({ tasks: [{ task: '5' }], delayMs: 1000 })
    const error = await rejection(client.getJob('5', { timeoutMs: 100 }))
    expect(error).toBeInstanceOf(TransientError)
    expect(error.message).toBe(
      'Milvus gRPC GetImportState got no answer within 100 ms.'
    )
  })

  it('stops waiting when the step is cancelled', async () => {
    const client = await setup({ tasks: [{ task: '5' }], delayMs: 1000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    const error = await rejection(
      client.getJob('5', { timeoutMs: 5000, signal: controller.signal })
    )
    expect(error).toBeInstanceOf(CancelledError)
  })

  it('sends nothing once the step is already cancelled', async () => {
    const client = await setup({ tasks: [{ task: '5' }] })
    const controller = new AbortController()
    controller.abort()
    const error = await rejection(
      client.getJob('5', { timeoutMs: 1000, signal: controller.signal })
    )
    expect(error).toBeInstanceOf(CancelledError)
    expect(sim?.calls).toEqual([])
  })
})

describe('listJobs', () => {
  it('lists a collection newest first, with exact int64 IDs', async () => {
    const client = await setup({
      legacy: true,
      tasks: [
        { task: '9007199254740993', collectionName: 'books' },
        { task: BIG_ID, collectionName: 'books', polls: 5 },
        { task: '463071155436633599', collectionName: 'books' },
        { task: '463071155436633700', collectionName: 'films' }
      ]
    })
    const jobs = await client.listJobs({ collectionName: 'books' }, CALL)
    expect(jobs).toEqual([
      {
        jobId: BIG_ID,
        collectionName: 'books',
        state: 'Pending',
        status: 'running',
        progress: 0
      },
      {
        jobId: '463071155436633599',
        collectionName: 'books',
        state: 'Completed',
        status: 'completed',
        progress: 100
      },
      {
        jobId: '9007199254740993',
        collectionName: 'books',
        state: 'Completed',
        status: 'completed',
        progress: 100
      }
    ])
    expect(sim?.calls.map((c) => c.method)).toEqual(['ListImportTasks'])
  })

  it('explains that Milvus 2.4+ lists jobs without IDs', async () => {
    const client = await setup({
      tasks: [{ task: BIG_ID, collectionName: 'books' }]
    })
    const error = await rejection(
      client.listJobs({ collectionName: 'books' }, CALL)
    )
    expect(error).toBeInstanceOf(ApiError)
    expect(error.message).toContain('without their IDs')
    expect(error.message).toContain('Set job-id, or use api: v2')
  })

  it('returns an empty list when the collection has no jobs', async () => {
    const client = await setup({
      collections: ['books'],
      tasks: [{ task: '1', collectionName: 'films' }]
    })
    expect(await client.listJobs({ collectionName: 'books' }, CALL)).toEqual([])
  })

  it('reports a collection Milvus does not know', async () => {
    const client = await setup({
      legacy: true,
      tasks: [{ task: '1', collectionName: 'films' }]
    })
    const error = await rejection(
      client.listJobs({ collectionName: 'books' }, CALL)
    )
    expect(error.message).toContain(
      'answered code 100: collection not found[database=default][collection=books]'
    )
  })

  it('needs a collection name', async () => {
    const client = await setup({ tasks: [] })
    const error = await rejection(client.listJobs({}, CALL))
    expect(error).toBeInstanceOf(InputError)
    expect(sim?.calls).toEqual([])
  })
})

describe('connection', () => {
  it('turns a refused port into a TransientError', async () => {
    const closed = await startGrpcSimulator({ tasks: [] })
    await closed.close()
    api = await createGrpcApi({ address: closed.address })
    const error = await rejection(api.getJob('5', CALL))
    expect(error).toBeInstanceOf(TransientError)
    expect(error.message).toMatch(
      /^Cannot reach Milvus gRPC for GetImportState \(UNAVAILABLE: .*ECONNREFUSED/
    )
  })

  it('turns TLS against a plain server into a TransientError', async () => {
    sim = await startGrpcSimulator({ tasks: [{ task: '5' }] })
    api = await createGrpcApi({
      address: sim.address.replace('grpc://', 'grpcs://')
    })
    const error = await rejection(api.getJob('5', CALL))
    expect(error).toBeInstanceOf(TransientError)
    expect(error.message).toContain(
      'Cannot reach Milvus gRPC for GetImportState (UNAVAILABLE'
    )
  })

  it.each([['ftp://127.0.0.1:19530'], ['127.0.0.1:19530'], ['grpc://']])(
    'rejects the endpoint %s',
    async (address) => {
      const error = await rejection(createGrpcApi({ address }))
      expect(error).toBeInstanceOf(InputError)
      expect(error.message).toContain('must look like grpc://host:19530')
    }
  )

  it('takes http(s):// as the same port in plain text or TLS (Milvus shares it)', async () => {
    const plain = await createGrpcApi({ address: 'http://milvus:19530' })
    const tls = await createGrpcApi({ address: 'https://in03-abc.cloud' })
    expect([plain.endpointKey, tls.endpointKey]).toEqual([
      'milvus:19530',
      'in03-abc.cloud:443'
    ])
  })

  it('uses the default port of each scheme', async () => {
    const plain = await createGrpcApi({ address: 'grpc://milvus.internal' })
    const tls = await createGrpcApi({ address: 'grpcs://in03-abc.cloud:443' })
    expect([plain.endpointKey, tls.endpointKey]).toEqual([
      'milvus.internal:19530',
      'in03-abc.cloud:443'
    ])
    await plain.close?.()
    await tls.close?.()
  })
})
