import http from 'node:http'
import type { AddressInfo } from 'node:net'
import v8 from 'node:v8'
import vm from 'node:vm'
import { RestV2Api } from '../../src/clients/rest-v2.js'
import { closeConnections } from '../../src/http/transport.js'
import { forgetSecrets, rememberSecret } from '../../src/secrets.js'

const JOB = '463071155436633601'

interface Entry {
  fileName?: unknown
  state?: unknown
  progress?: unknown
  importedRows?: unknown
  totalRows?: unknown
  fileSize?: unknown
  reason?: unknown
  completeTime?: unknown
}

/** A Milvus describe body with these file entries. */
function describeBody(details: Entry[], state = 'Importing'): string {
  return JSON.stringify({
    code: 0,
    data: { jobId: JOB, state, progress: 40, details }
  })
}

function entry(i: number, over: Entry = {}): Entry {
  return {
    completeTime: '',
    fileName: `[embeddings/part-${i}.parquet]`,
    fileSize: 3_157_000,
    importedRows: 400,
    progress: 40,
    state: 'InProgress',
    totalRows: 1000,
    ...over
  }
}

/** A server that answers each describe with the next body of the list. */
async function serve(bodies: string[]) {
  let n = 0
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(bodies[Math.min(n++, bodies.length - 1)])
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    api: new RestV2Api({ endpoint: `http://127.0.0.1:${port}` }),
    close: () => new Promise<void>((r) => server.close(() => r()))
  }
}

const call = { timeoutMs: 5000 }

afterEach(() => {
  closeConnections()
  forgetSecrets()
})

describe('file entries of a describe answer', () => {
  it('reads every field: exact rows, display names, states, progress', async () => {
    const srv = await serve([
      describeBody([
        entry(0, { importedRows: 'BIG', totalRows: '1' }),
        entry(1, {
          fileName: 'id:4487 paths:"a/1.parquet" ',
          state: 'ImportCompleted',
          progress: '1',
          reason: '',
          completeTime: '2026-01-05T10:04:12Z',
          fileSize: '12'
        }),
        { fileName: null, state: null, progress: null, importedRows: null }
      ]).replace('"BIG"', '9007199254740993')
    ])
    const job = await srv.api.getJob(JOB, call)
    expect(job.files).toEqual([
      {
        fileName: 'embeddings/part-0.parquet',
        state: 'InProgress',
        progress: 40,
        importedRows: 9007199254740993n,
        totalRows: 1n,
        fileSize: 3_157_000,
        reason: undefined,
        completeTime: undefined
      },
      {
        fileName: 'a/1.parquet',
        state: 'Completed',
        progress: 100,
        importedRows: 400n,
        totalRows: 1000n,
        fileSize: 12,
        reason: undefined,
        completeTime: '2026-01-05T10:04:12Z'
      },
      {
        fileName: '',
        state: '',
        progress: undefined,
        importedRows: undefined,
        totalRows: undefined,
        fileSize: undefined,
        reason: undefined,
        completeTime: undefined
      }
    ])
    await srv.close()
  })

  it.each([
    [
      { importedRows: -1 },
      'data.details.1.importedRows: must be a whole number of rows, 0 or more'
    ],
    [
      { totalRows: '1.5' },
      'data.details.1.totalRows: must be a whole number of rows, 0 or more'
    ],
    [{ fileName: 7 }, 'data.details.1.fileName'],
    [{ progress: 'forty' }, 'data.details.1.progress'],
    [{ fileSize: true }, 'data.details.1.fileSize']
  ])('refuses an entry with %j, naming the field', async (bad, named) => {
    const srv = await serve([describeBody([entry(0), entry(1, bad)])])
    await expect(srv.api.getJob(JOB, call)).rejects.toThrow(
      `a body this action cannot read (${named}`
    )
    await srv.close()
  })

  it('passes every server string of an entry through the trust boundary', async () => {
    rememberSecret('sk-live-0042')
    const srv = await serve([
      describeBody([
        entry(0, {
          fileName: '[::stop-commands::sk-live-0042.parquet]',
          state: 'Failed',
          reason: 'denied for sk-live-0042 ##[error]x',
          completeTime: '::warning::now'
        })
      ])
    ])
    const [file] = (await srv.api.getJob(JOB, call)).files
    expect(file.fileName).not.toContain('sk-live-0042')
    expect(file.fileName).toContain('***')
    expect(file.fileName).not.toContain('::')
    expect(file.reason).not.toContain('sk-live-0042')
    expect(file.reason).not.toContain('##[')
    expect(file.completeTime).not.toContain('::')
    await srv.close()
  })

  it('shows each poll its own figures when some files change between polls', async () => {
    const first = [entry(0), entry(1), entry(2)]
    const second = [
      entry(0),
      entry(1, { importedRows: 1000, progress: 100, state: 'Completed' }),
      entry(2)
    ]
    const srv = await serve([
      describeBody(first),
      describeBody(second),
      describeBody(first)
    ])
    const a = await srv.api.getJob(JOB, call)
    const b = await srv.api.getJob(JOB, call)
    const c = await srv.api.getJob(JOB, call)
    expect(b.files.map((f) => [f.state, f.importedRows])).toEqual([
      ['InProgress', 400n],
      ['Completed', 1000n],
      ['InProgress', 400n]
    ])
    expect(c.files.map((f) => f.importedRows)).toEqual([400n, 400n, 400n])
    // An unchanged file is the entry of the answer before, not a new copy.
    expect(b.files[0]).toBe(a.files[0])
    expect(b.files[2]).toBe(a.files[2])
    expect(b.files[1]).not.toBe(a.files[1])
    expect(a.files[1].importedRows).toBe(400n)
    await srv.close()
  })

  it('keeps the entries of each job apart', async () => {
    const srv = await serve([describeBody([entry(0)])])
    const a = await srv.api.getJob(JOB, call)
    const b = await srv.api.getJob(JOB, call)
    expect(b.files).toBe(a.files)
    // Another job ID with the same answer is refused, never mixed in.
    await expect(srv.api.getJob('42', call)).rejects.toThrow(/answered for job/)
    await srv.close()
  })
})

describe('the body of an answer once read', () => {
  it('is not kept by the promises of a slow request', async () => {
    // Young collections on demand, to stand in for those V8 runs under load
    // while a request is in flight.
    v8.setFlagsFromString('--expose-gc')
    const gc = vm.runInNewContext('gc') as (o: { type: string }) => void
    const body = describeBody(Array.from({ length: 1024 }, (_, i) => entry(i)))
    let finish = () => {}
    const server = http.createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write(body.slice(0, 1000))
        finish = () => res.end(body.slice(1000))
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    const api = new RestV2Api({ endpoint: `http://127.0.0.1:${port}` })
    const largeObjects = () =>
      v8
        .getHeapSpaceStatistics()
        .find((s) => s.space_name === 'large_object_space')?.space_used_size ??
      0
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
    const polls = 8
    let before = 0
    for (let i = 0; i < polls; i++) {
      const job = api.getJob(JOB, call)
      // The request outlives two young collections, so its promises are
      // old by the time the rest of the body comes.
      await sleep(30)
      gc({ type: 'minor' })
      gc({ type: 'minor' })
      await sleep(10)
      finish()
      expect((await job).files).toHaveLength(1024)
      gc({ type: 'minor' })
      if (i === 0) before = largeObjects()
    }
    // Kept bodies would each add one to the old generation's large objects.
    expect(largeObjects() - before).toBeLessThan(2 * body.length)
    closeConnections()
    await new Promise<void>((r) => server.close(() => r()))
  })
})
