/**
 * commit: gated over real HTTP: run() in-process against the simulator, with
 * a fake clock so polls do not wait. Every step is checked on the wire.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { run } from '../../src/main.js'
import { forgetSecrets } from '../../src/secrets.js'
import { startSimulator, type Simulator } from '../../simulator/server.js'
import { FakeClock } from '../helpers/fake-clock.js'
import { actions, bodies, runAgainst } from '../helpers/in-process.js'
import { MemoryRunner } from '../helpers/memory-runner.js'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
  forgetSecrets()
})

const TWO_FILES = {
  'collection-name': 'articles',
  files: 'data/part-1.parquet\ndata/part-2.parquet',
  commit: 'gated'
}
const bucket = (a: number, b: number) => ({
  objects: {
    'data/part-1.parquet': { rows: a },
    'data/part-2.parquet': { rows: b }
  }
})

describe('commit: gated on Milvus 3.0', () => {
  it('probes, creates with auto_commit "false", commits once the gates pass and waits for Completed', async () => {
    sim = await startSimulator(bucket(6_000, 4_000))
    const { runner, result } = await runAgainst(sim, {
      ...TWO_FILES,
      'expected-rows': '10000'
    })
    expect(runner.failed).toBeUndefined()
    expect(result?.outcome).toBe('success')
    const jobId = runner.outputs.jobId
    expect(jobId).toMatch(/^\d+$/)
    expect(runner.outputs).toMatchObject({
      committed: 'true',
      state: 'Completed',
      importedRows: '10000'
    })
    // The probe first, a list to tell a new job from old ones, one create.
    expect(actions(sim).slice(0, 3)).toEqual(['commit', 'list', 'create'])
    expect(actions(sim).filter((a) => a === 'create')).toHaveLength(1)
    expect(actions(sim)).not.toContain('abort')
    expect(bodies(sim, 'commit')).toEqual([{ jobId: 'x' }, { jobId }])
    expect(bodies(sim, 'create')).toEqual([
      {
        collectionName: 'articles',
        files: [['data/part-1.parquet'], ['data/part-2.parquet']],
        options: { auto_commit: 'false' }
      }
    ])
    // The commit went out only after the job was seen Uncommitted.
    const seen = runner.lines.join('\n')
    expect(seen.indexOf('Uncommitted')).toBeLessThan(
      seen.indexOf('The gates passed')
    )
    expect(seen).toContain(`Created import job ${jobId}.`)
  })

  it('aborts a job that came up short, waits for Failed and says the data never became visible', async () => {
    sim = await startSimulator(bucket(5_000, 4_800))
    const { runner, result } = await runAgainst(sim, {
      ...TWO_FILES,
      'expected-rows': '10000'
    })
    const jobId = runner.outputs.jobId
    expect(result?.outcome).toBe('failed')
    expect(runner.failed).toBe(
      `Aborted import job ${jobId}: imported 9,800 rows, expected 10,000 (expected-rows). The data was discarded and never became visible.`
    )
    expect(runner.outputs).toMatchObject({
      committed: 'false',
      state: 'Failed',
      outcome: 'failed',
      reason: runner.failed
    })
    expect(bodies(sim, 'abort')).toEqual([{ jobId }])
    expect(bodies(sim, 'commit')).toEqual([{ jobId: 'x' }])
    // The last describe saw the job Failed, as the abort left it.
    expect(actions(sim).at(-1)).toBe('describe')
  })

  it('aborts on min-rows too', async () => {
    sim = await startSimulator(bucket(100, 50))
    const { runner } = await runAgainst(sim, {
      ...TWO_FILES,
      'min-rows': '1000'
    })
    expect(runner.failed).toMatch(
      /^Aborted import job \d+: imported 150 rows, expected at least 1,000 \(min-rows\)\. The data was discarded/
    )
    expect(bodies(sim, 'abort')).toHaveLength(1)
  })

  it('refuses at once on a server without two-phase imports, and creates nothing', async () => {
    sim = await startSimulator({ ...bucket(1, 1), twoPhase: false })
    const { runner, result } = await runAgainst(sim, TWO_FILES)
    expect(result?.outcome).toBe('error')
    expect(runner.failed).toMatch(
      /^Milvus REST v2 cannot hold an import back until it is committed \(POST \/v2\/vectordb\/jobs\/import\/commit answered HTTP 404; two-phase imports need Milvus 3.0 or later\), so commit: gated created nothing\./
    )
    expect(actions(sim)).toEqual(['commit'])
    expect(runner.outputs.committed).toBeUndefined()
  })

  it('treats a Milvus 2.6 release as an old server', async () => {
    sim = await startSimulator({ ...bucket(1, 1), milvusVersion: '2.6.16' })
    const { runner } = await runAgainst(sim, TWO_FILES)
    expect(runner.failed).toMatch(/commit: gated created nothing/)
    expect(actions(sim)).not.toContain('create')
  })

  it('runs from the wait with job-id of an existing two-phase job', async () => {
    const jobId = '463071155436633601'
    sim = await startSimulator({
      jobs: [{ jobId, polls: 2, autoCommit: false }]
    })
    const { runner, result } = await runAgainst(sim, {
      'job-id': jobId,
      commit: 'gated',
      'expected-rows': '10000'
    })
    expect(result?.outcome).toBe('success')
    expect(runner.outputs.committed).toBe('true')
    expect(actions(sim)).not.toContain('create')
    expect(bodies(sim, 'commit')).toEqual([{ jobId }])
  })

  it('without commit: gated, an Uncommitted job fails at once saying it needs a commit', async () => {
    const jobId = '463071155436633601'
    sim = await startSimulator({
      jobs: [{ jobId, polls: 1, autoCommit: false }]
    })
    const { runner } = await runAgainst(sim, { 'job-id': jobId })
    expect(runner.failed).toMatch(/Uncommitted.*commit/)
    expect(actions(sim)).toEqual(['describe'])
    expect(runner.outputs.committed).toBeUndefined()
  })

  it('aborts a job that was still importing when the step timed out, and says so', async () => {
    sim = await startSimulator({ ...bucket(1, 1), created: { polls: 10_000 } })
    const { runner, result } = await runAgainst(sim, {
      ...TWO_FILES,
      timeout: '20s'
    })
    const jobId = runner.outputs.jobId
    expect(result?.outcome).toBe('timeout')
    expect(runner.failed).toMatch(
      new RegExp(
        `^Timed out after 20s before the import was ready to commit; ${jobId} \\(it was (Pending|Importing) at \\d+%\\): aborted it, so its data was discarded and never became visible\\.`
      )
    )
    expect(bodies(sim, 'abort')).toEqual([{ jobId }])
    expect(runner.outputs.committed).toBe('false')
  })

  it('aborts on cancel before the commit, and says so', async () => {
    sim = await startSimulator({ ...bucket(1, 1), created: { polls: 10_000 } })
    const controller = new AbortController()
    const { runner, result } = await runAgainst(sim, TWO_FILES, {
      signal: controller.signal,
      onPoll: (job) => {
        if (job.state === 'Pending') controller.abort()
      }
    })
    const jobId = runner.outputs.jobId
    expect(result?.outcome).toBe('cancelled')
    expect(runner.failed).toMatch(
      new RegExp(
        `^The step was cancelled before the import was committed; ${jobId} \\(it was Pending at 0%\\): aborted it, so its data was discarded and never became visible\\.$`
      )
    )
    expect(bodies(sim, 'abort')).toEqual([{ jobId }])
    expect(bodies(sim, 'commit')).toEqual([{ jobId: 'x' }])
  })

  it('leaves a committing job to finish on timeout, and says so', async () => {
    sim = await startSimulator({ ...bucket(1, 1), committingPolls: 100_000 })
    const { runner, result } = await runAgainst(sim, {
      ...TWO_FILES,
      timeout: '10s'
    })
    const jobId = runner.outputs.jobId
    expect(result?.outcome).toBe('timeout')
    expect(runner.failed).toBe(
      `Timed out while import job ${jobId} was Committing: the commit was accepted, so it is left to finish, and its data becomes visible when it completes.`
    )
    expect(actions(sim)).not.toContain('abort')
    expect(runner.outputs.committed).toBe('true')
  })

  it('leaves a committing job to finish on cancel, and says so', async () => {
    sim = await startSimulator({ ...bucket(1, 1), committingPolls: 100_000 })
    const controller = new AbortController()
    const server = sim
    // Cancels at the first sleep after the real commit went out.
    class CancelAfterCommit extends FakeClock {
      override async sleep(ms: number, signal?: AbortSignal) {
        if (bodies(server, 'commit').some((b) => b.jobId !== 'x'))
          controller.abort()
        return super.sleep(ms, signal)
      }
    }
    const { runner, result } = await runAgainst(sim, TWO_FILES, {
      signal: controller.signal,
      clock: new CancelAfterCommit()
    })
    const jobId = runner.outputs.jobId
    expect(result?.outcome).toBe('cancelled')
    expect(runner.failed).toBe(
      `The step was cancelled while import job ${jobId} was Committing: the commit was accepted, so it is left to finish, and its data becomes visible when it completes.`
    )
    expect(actions(sim)).not.toContain('abort')
    expect(runner.outputs.committed).toBe('true')
  })

  it('retries the probe and the commit like polls, and commits once', async () => {
    sim = await startSimulator({
      ...bucket(1, 1),
      faults: [
        { kind: 'status', status: 503, action: 'commit' },
        { kind: 'reset', action: 'commit' }
      ]
    })
    const { runner, result } = await runAgainst(sim, TWO_FILES)
    expect(result?.outcome).toBe('success')
    const jobId = runner.outputs.jobId
    expect(bodies(sim, 'commit')).toEqual([
      { jobId: 'x' },
      { jobId: 'x' },
      { jobId: 'x' },
      { jobId }
    ])
  })

  it('retries a commit that met a 503 or a reset: commit is safe to repeat', async () => {
    const jobId = '463071155436633601'
    sim = await startSimulator({
      jobs: [{ jobId, polls: 1, autoCommit: false }],
      faults: [
        { kind: 'status', status: 503, action: 'commit' },
        { kind: 'reset', action: 'commit' }
      ]
    })
    const { runner } = await runAgainst(sim, {
      'job-id': jobId,
      commit: 'gated'
    })
    expect(runner.failed).toBeUndefined()
    expect(bodies(sim, 'commit')).toEqual([{ jobId }, { jobId }, { jobId }])
    expect(runner.outputs.committed).toBe('true')
  })
})

describe('commit: gated against a server that answers otherwise', () => {
  const jobId = '463071155436633601'
  const uncommitted = {
    collectionName: 'articles',
    jobId,
    progress: 99,
    state: 'Uncommitted',
    importedRows: 10,
    totalRows: 10,
    details: []
  }
  const completed = { ...uncommitted, progress: 100, state: 'Completed' }
  let server: http.Server | undefined
  afterEach(() => new Promise((done) => server?.close(done) ?? done(0)))

  /**
   * Runs job-id with commit: gated against a server that answers each path
   * (describe, commit, abort) from `answer`, given the paths asked so far.
   */
  async function gated(
    answer: (path: string, asked: string[]) => unknown,
    inputs: Record<string, string> = {}
  ) {
    const paths: string[] = []
    server = http.createServer((req, res) => {
      const path = req.url!.replace('/v2/vectordb/jobs/import/', '')
      paths.push(path)
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(answer(path, paths)))
      })
    })
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    const runner = new MemoryRunner({
      endpoint: `http://127.0.0.1:${port}`,
      'job-id': jobId,
      commit: 'gated',
      'poll-interval': '1s',
      timeout: '5m',
      ...inputs
    })
    const result = await run({ runner, clock: new FakeClock() })
    return { runner, result, paths }
  }

  it('reads the job again after a refused abort, and says its data is visible', async () => {
    // Uncommitted until the abort, which Milvus refuses because the job was
    // committed meanwhile; Completed from then on.
    const { runner, result, paths } = await gated(
      (path, asked) =>
        path === 'abort'
          ? {
              code: 2100,
              message: `job ${jobId} is in terminal/committed state Completed, abort not allowed: importing data failed`
            }
          : {
              code: 0,
              data: asked.includes('abort') ? completed : uncommitted
            },
      { 'expected-rows': '20' }
    )
    expect(result?.outcome).toBe('failed')
    expect(paths).toEqual(['describe', 'abort', 'describe'])
    expect(runner.outputs).toMatchObject({
      committed: 'true',
      state: 'Completed'
    })
    expect(runner.failed).toMatch(
      /the abort failed \(.*terminal\/committed state Completed.*\), and it is Completed now: it was committed, so its data is visible\.$/
    )
    expect(runner.failed).not.toMatch(/never committed|stays invisible/)
  })

  it('says the data is visible when an accepted abort still ends in Completed', async () => {
    const { runner, result } = await gated(
      (path, asked) =>
        path === 'abort'
          ? { code: 0, data: {} }
          : {
              code: 0,
              data: asked.includes('abort') ? completed : uncommitted
            },
      { 'expected-rows': '20' }
    )
    expect(result?.outcome).toBe('failed')
    expect(runner.outputs.committed).toBe('true')
    expect(runner.failed).toBe(
      `The gates failed: imported 10 rows, expected 20 (expected-rows). The abort of import job ${jobId} was accepted, but it is committed now (Committing or Completed), so its data is visible although the gates failed: check the collection, and delete the imported rows if they must not be served.`
    )
  })

  it('aborts, never commits, a job that waits for a commit with a failure reason', async () => {
    const { runner, result, paths } = await gated((path, asked) =>
      path === 'abort'
        ? { code: 0, data: {} }
        : {
            code: 0,
            data: asked.includes('abort')
              ? { ...uncommitted, state: 'Failed', reason: 'aborted by user' }
              : {
                  ...uncommitted,
                  reason: 'file b.parquet failed: schema mismatch'
                }
          }
    )
    expect(paths).not.toContain('commit')
    expect(paths).toContain('abort')
    expect(result?.outcome).toBe('failed')
    expect(runner.outputs.committed).toBe('false')
    expect(runner.failed).toBe(
      `Aborted import job ${jobId}: import job ${jobId} reports a failure: file b.parquet failed: schema mismatch. The data was discarded and never became visible.`
    )
  })

  it('does not take code 200 without data for an accepted commit', async () => {
    const { runner, result, paths } = await gated((path) =>
      path === 'commit'
        ? { code: 200, message: 'partition not found' }
        : { code: 0, data: uncommitted }
    )
    expect(paths.filter((p) => p === 'commit')).toHaveLength(1)
    expect(result?.outcome).toBe('error')
    expect(runner.outputs.committed).toBe('false')
    expect(runner.failed).toMatch(
      /^Could not commit 463071155436633601: .*partition not found/
    )
    expect(runner.lines.join('\n')).not.toMatch(/Committed import job/)
  })
})
