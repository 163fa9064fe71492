/**
 * Every import API end to end, in-process: run() against the simulator's
 * legacy v1 flavour, the list calls (no job ID), several jobs at once, and
 * the gRPC simulator, over real sockets on 127.0.0.1 with a virtual clock.
 */
import {
  startGrpcSimulator,
  type GrpcSimulator
} from '../simulator/grpc-server.js'
import {
  runInProcess,
  startHarness,
  type Harness
} from './helpers/in-process.js'

const KEY = 'sk-apis-0d1e2f3a4b5c'
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('legacy Zilliz Cloud v1', () => {
  it('waits for a v1 job and reports readyPercentage as 0-100', async () => {
    h = await startHarness({
      flavour: 'v1',
      apiKey: KEY,
      clusterId: 'in03-abc',
      jobs: [
        {
          jobId: 'job-01fa0e5d42cjxudhpuehyp',
          collectionName: 'medium_articles',
          polls: 2
        }
      ]
    })
    const run = await h.run({
      api: 'v1',
      'job-id': 'job-01fa0e5d42cjxudhpuehyp',
      'cluster-id': 'in03-abc',
      'api-key': KEY,
      'poll-interval': '1s'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      state: 'Completed',
      progress: '100',
      collectionName: 'medium_articles',
      // v1 reports no row counts: empty, not a made-up 0.
      importedRows: '',
      totalRows: ''
    })
    expect(run.lines.join('\n')).toMatch(/^Import completed in \d/m)
    const req = h.sim.requests[0]
    expect(req.method).toBe('GET')
    expect(req.path).toBe('/v1/vector/collections/import/get')
    expect(new URLSearchParams(req.query).get('jobId')).toBe(
      'job-01fa0e5d42cjxudhpuehyp'
    )
    expect(new URLSearchParams(req.query).get('clusterId')).toBe('in03-abc')
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(req.query).not.toContain(KEY)
  })

  it('fails with errorMessage as the reason', async () => {
    h = await startHarness({
      flavour: 'v1',
      jobs: [
        {
          jobId: 'job-1',
          files: [
            { name: 'folder/1/', rows: 10, failReason: 'schema mismatch' }
          ]
        }
      ]
    })
    const run = await h.run({
      api: 'v1',
      'job-id': 'job-1',
      'poll-interval': '1s'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors.at(-1)).toMatch(
      /^error: Import job job-1 failed: .*schema mismatch/
    )
  })

  it('fails at once on a v1 token error (code 80002)', async () => {
    h = await startHarness({
      flavour: 'v1',
      apiKey: 'right',
      jobs: [{ jobId: 'job-1' }]
    })
    const run = await h.run({
      api: 'v1',
      'job-id': 'job-1',
      'api-key': KEY
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^error: Authentication failed\. Zilliz Cloud v1 answered code 80002/
      )
    ])
  })
})

describe('no job ID: the list API', () => {
  const jobs = [
    { jobId: '463071155436633601', collectionName: 'articles', createdAt: 1 },
    {
      jobId: '463071155436633877',
      collectionName: 'articles',
      createdAt: 2,
      polls: 2
    },
    {
      jobId: '463071155436634001',
      collectionName: 'other',
      createdAt: 3,
      durationMs: 3_600_000
    }
  ]

  it('latest: waits for the newest job of the collection', async () => {
    h = await startHarness({ jobs })
    const run = await h.run({
      'collection-name': 'articles',
      'poll-interval': '1s'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.jobId).toBe('463071155436633877')
    expect(run.lines.join('\n')).toContain(
      'Newest import job of "articles": 463071155436633877'
    )
    const list = h.sim.requests[0]
    expect(list.path).toBe('/v2/vectordb/jobs/import/list')
    expect(JSON.parse(list.body)).toMatchObject({ collectionName: 'articles' })
  })

  it('all: waits for every job that had not finished', async () => {
    h = await startHarness({
      jobs: [
        { jobId: '100', collectionName: 'articles', createdAt: 1 },
        { jobId: '200', collectionName: 'articles', createdAt: 2, polls: 2 },
        { jobId: '300', collectionName: 'articles', createdAt: 3, polls: 3 }
      ]
    })
    // Poll each job once so the list shows which are still running.
    const run = await h.run({
      'collection-name': 'articles',
      'wait-for': 'all',
      'poll-interval': '1s'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.jobId.split(',').sort()).toEqual(['200', '300'])
    expect(JSON.parse(run.outputs.jobs)).toHaveLength(2)
  })

  it('fails clearly when the collection has no jobs', async () => {
    h = await startHarness({ jobs })
    const run = await h.run({
      'collection-name': 'nothing_here'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('error')
    expect(run.errors).toEqual([
      'error: No import jobs were found for collection "nothing_here". Check collection-name (and db-name or cluster-id), or pass job-id.'
    ])
  })

  it('pages through the Zilliz Cloud list', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({
      jobId: `job-${String(i).padStart(4, '0')}`,
      collectionName: i === 149 ? 'target' : 'noise',
      createdAt: i
    }))
    h = await startHarness({ flavour: 'zilliz', jobs: many })
    const run = await h.run({
      'collection-name': 'target',
      'cluster-id': 'in03-x'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.jobId).toBe('job-0149')
  })

  it('finds v1 jobs in the "tasks" list', async () => {
    h = await startHarness({
      flavour: 'v1',
      jobs: [{ jobId: 'job-aaa', collectionName: 'medium_articles', polls: 2 }]
    })
    const run = await h.run({
      api: 'v1',
      'collection-name': 'medium_articles',
      'poll-interval': '1s'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.jobId).toBe('job-aaa')
    expect(h.sim.requests[0].path).toBe('/v1/vector/collections/import/list')
  })
})

describe('several jobs in one step', () => {
  it('sums rows, lists IDs and reports the worst outcome', async () => {
    h = await startHarness({
      jobs: [
        { jobId: '1001', polls: 1, files: [{ name: 'a.parquet', rows: 1000 }] },
        { jobId: '1002', polls: 2, files: [{ name: 'b.parquet', rows: 2000 }] },
        {
          jobId: '1003',
          polls: 2,
          files: [{ name: 'c.parquet', rows: 3000, failReason: 'bad vector' }]
        }
      ]
    })
    const run = await h.run({
      'job-id': '1001\n1002, 1003',
      'poll-interval': '1s'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failed')
    expect(run.outputs.state).toBe('Failed')
    expect(run.outputs.jobId).toBe('1001,1002,1003')
    expect(run.outputs.importedRows).toBe('3000')
    const jobs = JSON.parse(run.outputs.jobs)
    expect(
      jobs.map((j: { jobId: string; outcome: string }) => [j.jobId, j.outcome])
    ).toEqual([
      ['1001', 'success'],
      ['1002', 'success'],
      ['1003', 'failed']
    ])
    expect(run.errors.at(-1)).toMatch(
      /^error: 1 of 3 import jobs failed: Import job 1003 failed: .*bad vector/
    )
    expect(run.summary).toContain(
      '| Job | Result | State | Progress | Rows | Reason |'
    )
    expect(run.summary).toContain('### Job 1003 · ❌ failed')
    // Each job stops as soon as it ends.
    expect(
      h.sim.requests.filter((r) => r.body.includes('"1001"'))
    ).toHaveLength(1)
  })

  it('polls once more just before the deadline, and sees a job that ended in time', async () => {
    // Polls at 0, 2.5 and 7.5 s; the next would be due at 12.5 s, after the
    // 12 s timeout, so the last goes out just before it, at 11+ s.
    h = await startHarness({ jobs: [{ jobId: '4242', durationMs: 10_500 }] })
    const run = await h.run({
      'job-id': '4242',
      'poll-interval': '5s',
      timeout: '12s'
    })
    expect(run.outputs.outcome).toBe('success')
    const at = h.sim.requests.map((r) => r.at - h!.sim.requests[0].at)
    expect(at.at(-1)).toBeGreaterThanOrEqual(11_000)
    expect(at.at(-1)).toBeLessThan(12_000)
  })

  it('times out at the deadline itself, not at the last poll', async () => {
    h = await startHarness({ jobs: [{ jobId: '4243', durationMs: 3_600_000 }] })
    const run = await h.run({
      'job-id': '4243',
      'poll-interval': '1s',
      timeout: '3s'
    })
    expect(run.outputs.outcome).toBe('timeout')
    expect(run.elapsedMs).toBe(3000)
    expect(run.outputs.elapsedSeconds).toBe('3')
  })

  it('ends by the deadline even when the rate limit cannot reach every job', async () => {
    const warnings: Error[] = []
    const onWarning = (w: Error) => warnings.push(w)
    process.on('warning', onWarning)
    const ids = Array.from({ length: 60 }, (_, i) => String(5000 + i))
    h = await startHarness({
      jobs: ids.map((jobId) => ({ jobId, durationMs: 3_600_000 }))
    })
    const run = await h.run({
      'job-id': ids.join(','),
      'poll-interval': '1s',
      timeout: '2s'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('timeout')
    expect(JSON.parse(run.outputs.jobs)).toHaveLength(60)
    // The reason names a few jobs and counts the rest.
    expect(run.outputs.reason).toMatch(
      /^Timed out after 2s waiting for 5000: .*; and 55 more \(see the jobs output\)\./
    )
    // On the virtual clock: the run ends at the deadline, and no request
    // reaches the server after it.
    expect(run.elapsedMs).toBe(2000)
    const first = h.sim.requests[0].at
    expect(Math.max(...h.sim.requests.map((r) => r.at))).toBeLessThanOrEqual(
      first + 2000
    )
    // The rate limit (18 a second) reached some jobs, not all of them.
    const polled = new Set(h.sim.requests.map((r) => JSON.parse(r.body).jobId))
    expect(polled.size).toBeGreaterThan(5)
    expect(polled.size).toBeLessThan(60)
    // Every job ended as a timeout, not as an error.
    const jobs = JSON.parse(run.outputs.jobs) as { outcome: string }[]
    expect(new Set(jobs.map((j) => j.outcome))).toEqual(new Set(['timeout']))
    // 60 sleeps on one abort signal raise no MaxListenersExceeded warning.
    process.off('warning', onWarning)
    expect(warnings).toEqual([])
  })

  it('passes when every job completes', async () => {
    h = await startHarness({
      jobs: [
        { jobId: '1', polls: 1 },
        { jobId: '2', polls: 2 }
      ]
    })
    const run = await h.run({
      'job-id': '1,2',
      'poll-interval': '1s'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      importedRows: '20000',
      totalRows: '20000'
    })
  })
})

describe('Milvus gRPC bulk insert', () => {
  let grpc: GrpcSimulator | undefined
  afterEach(async () => {
    await grpc?.close()
    grpc = undefined
  })

  it('started → completed over gRPC, int64 task ID kept exact', async () => {
    grpc = await startGrpcSimulator({
      token: 'root:s3cret-pw',
      tasks: [
        {
          task: '463071155436633601',
          polls: 3,
          rows: 25_000,
          collectionName: 'articles'
        }
      ]
    })
    const run = await runInProcess({
      endpoint: grpc.address,
      'job-id': '463071155436633601',
      'api-key': 'root:s3cret-pw',
      'poll-interval': '1s'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      state: 'Completed',
      importedRows: '25000',
      jobId: '463071155436633601'
    })
    expect(run.lines.join('\n')).toContain('on Milvus gRPC')
    const polls = grpc.calls.filter((c) => c.method === 'GetImportState')
    expect(polls).toHaveLength(3)
    expect(polls[0].task).toBe('463071155436633601')
    expect(run.secrets).toEqual(
      expect.arrayContaining(['root:s3cret-pw', 's3cret-pw'])
    )
    expect(run.everything).not.toMatch(/s3cret-pw/)
  })

  it('fails with failed_reason on ImportFailed', async () => {
    grpc = await startGrpcSimulator({
      tasks: [
        {
          task: '77',
          outcome: 'failed',
          failedReason: 'duplicate primary key 12'
        }
      ]
    })
    const run = await runInProcess({ endpoint: grpc.address, 'job-id': '77' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors.at(-1)).toMatch(
      /^error: Import job 77 failed: duplicate primary key 12/
    )
  })

  it('reads a non-zero status before the state', async () => {
    grpc = await startGrpcSimulator({
      tasks: [{ task: '77' }],
      statusError: { code: 1800, reason: "user hasn't authenticated" }
    })
    const run = await runInProcess({ endpoint: grpc.address, 'job-id': '77' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('error')
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^error: Authentication failed\. Milvus gRPC answered code 1800/
      )
    ])
  })
})
