/**
 * run() in-process on Milvus REST v2 and Zilliz Cloud v2: a memory runner,
 * the simulator over real HTTP on 127.0.0.1, and a virtual clock the two
 * share, so timeouts and retries take no wall time.
 */
import { startHarness, type Harness } from './helpers/in-process.js'

const JOB = '463071155436633601'
const KEY = 'sk-live-5ecret-api-key-0042'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const inputs = (extra: Record<string, string> = {}) => ({
  'job-id': JOB,
  'api-key': KEY,
  'poll-interval': '1s',
  timeout: '30s',
  ...extra
})

describe('run() on Milvus REST v2', () => {
  it('passes on a Completed job and sets every output', async () => {
    h = await startHarness({
      apiKey: KEY,
      jobs: [
        {
          jobId: JOB,
          collectionName: 'articles',
          files: [
            { name: 'data/1.parquet', rows: 12_000 },
            { name: 'data/2.parquet', rows: 8_000 }
          ]
        }
      ]
    })
    const run = await h.run(inputs({ 'db-name': 'analytics' }))
    expect(run.exitCode).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      state: 'Completed',
      progress: '100',
      importedRows: '20000',
      totalRows: '20000',
      jobId: JOB,
      collectionName: 'articles',
      reason: '',
      elapsedSeconds: '0'
    })
    expect(run.outputs.completeTime).not.toBe('')
    expect(JSON.parse(run.outputs.details)).toEqual([
      expect.objectContaining({
        jobId: JOB,
        fileName: 'data/1.parquet',
        state: 'Completed',
        importedRows: 12_000
      }),
      expect.objectContaining({
        fileName: 'data/2.parquet',
        state: 'Completed',
        importedRows: 8_000
      })
    ])
    expect(JSON.parse(run.outputs.jobs)).toEqual([
      expect.objectContaining({
        jobId: JOB,
        outcome: 'success',
        importedRows: 20_000,
        files: 2,
        failedFiles: 0
      })
    ])
    expect(run.summary).toContain('## ✅ Milvus import completed')
    expect(run.summary).toContain(
      '| **Rows (imported / total)** | 20,000 / 20,000 |'
    )
    expect(run.summary).toContain(
      '| data/1.parquet | Completed | 100% | 12,000 / 12,000 |'
    )
    expect(run.lines).toContain(
      `Waiting for import job ${JOB} on Milvus REST v2 (${new URL(h.sim.url).host}), every 1s, for up to 30s.`
    )
    expect(run.lines.at(-1)).toBe('Import completed: 20,000 rows in 0ms.')
    expect(run.secrets).toContain(KEY)

    const req = h.sim.requests[0]
    expect(req.method).toBe('POST')
    expect(req.path).toBe('/v2/vectordb/jobs/import/describe')
    expect(JSON.parse(req.body)).toEqual({ jobId: JOB })
    expect(req.headers).toMatchObject({
      authorization: `Bearer ${KEY}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'db-name': 'analytics'
    })
    expect(req.headers['user-agent']).toMatch(
      /^wait-for-milvus-import\/\d+\.\d+\.\d+/
    )
    expect(run.everything).not.toContain(KEY)
  })

  it('follows a full progression, on the poll ramp, and logs each change once', async () => {
    h = await startHarness({ apiKey: KEY, jobs: [{ jobId: JOB, polls: 4 }] })
    const run = await h.run(inputs({ 'poll-interval': '10s' }))
    expect(run.exitCode).toBe(0)
    const lines = run.lines.filter((l) => l.startsWith(JOB))
    expect(lines[0]).toMatch(new RegExp(`^${JOB} Pending \\d+%`))
    expect(lines.some((l) => /Importing/.test(l))).toBe(true)
    expect(lines.at(-1)).toBe(
      `${JOB} Completed 100% · 10,000/10,000 rows · 1 of 1 files done`
    )
    expect(new Set(lines).size).toBe(lines.length)
    expect(h.sim.requests).toHaveLength(4)
    // Quick at first, then the interval: 2.5 s, 5 s, 10 s.
    expect(h.clock.sleeps).toEqual([2500, 5000, 10_000])
    expect(run.outputs.elapsedSeconds).toBe('18')
    expect(run.lines).toContain(`group: Import job ${JOB}`)
  })

  it('fails on a Failed import with the reason and a file annotation', async () => {
    h = await startHarness({
      apiKey: KEY,
      jobs: [
        {
          jobId: JOB,
          polls: 2,
          files: [
            { name: 'data/1.parquet', rows: 10_000 },
            {
              name: 'data/2.parquet',
              rows: 10_000,
              failReason: 'dim 512, expected 768'
            }
          ]
        }
      ]
    })
    const run = await h.run(inputs())
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'failed', state: 'Failed' })
    expect(run.outputs.reason).toContain('dim 512, expected 768')
    expect(run.result?.reason).toBe(run.outputs.reason)
    expect(run.errors).toEqual([
      expect.stringMatching(
        new RegExp(`^error: Import job ${JOB} failed: .*dim 512, expected 768`)
      )
    ])
    expect(run.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^warning\\(data/2.parquet\\): Import job ${JOB}: file data/2.parquet Failed: dim 512, expected 768$`
        )
      )
    ])
    expect(run.summary).toContain('## ❌ Milvus import failed')
    expect(run.summary).toContain('❌ Failed')
  })

  it('times out at the deadline, sets outcome=timeout and fails by default', async () => {
    h = await startHarness({ jobs: [{ jobId: JOB, durationMs: 3_600_000 }] })
    const run = await h.run(inputs({ timeout: '3s', 'api-key': '' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('timeout')
    expect(run.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^error: Timed out after 3s waiting for ${JOB}: it was (Pending|Importing) at \\d+%\\. .*raise timeout`
        )
      )
    ])
    expect(run.summary).toContain('⏱️ Milvus import timed out')
    // The last sleep is cut to the deadline, never past it.
    expect(run.elapsedMs).toBe(3000)
    expect(Math.max(...h.sim.requests.map((r) => r.at))).toBeLessThanOrEqual(
      h.sim.requests[0].at + 3000
    )
    expect(run.secrets).toEqual([])
  })

  it('passes with a warning on timeout when fail-on-timeout is false', async () => {
    h = await startHarness({ jobs: [{ jobId: JOB, durationMs: 3_600_000 }] })
    const run = await h.run(
      inputs({ timeout: '2s', 'fail-on-timeout': 'false', 'api-key': '' })
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('timeout')
    expect(run.lines.at(-1)).toMatch(
      /^warning: Timed out after 2s.*\(fail-on-timeout is false, so the step passes\.\)$/
    )
  })

  it('fails at once with a fix on HTTP 401, and the key stays out', async () => {
    h = await startHarness({ apiKey: 'the-right-key', jobs: [{ jobId: JOB }] })
    const run = await h.run(inputs())
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('error')
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^error: Authentication failed\. Milvus REST v2 answered code 1800 \(HTTP 401\): user hasn't authenticated\. Check the secret passed to api-key/
      )
    ])
    expect(h.sim.requests).toHaveLength(1)
    expect(run.everything).not.toContain(KEY)
  })

  it('masks the password of a user:password token, and the whole token', async () => {
    h = await startHarness({ apiKey: 'root:Milvus-pw', jobs: [{ jobId: JOB }] })
    const run = await h.run(inputs({ 'api-key': 'root:Milvus-pw' }))
    expect(run.exitCode).toBe(0)
    expect(run.secrets).toEqual(
      expect.arrayContaining(['root:Milvus-pw', 'Milvus-pw'])
    )
    expect(run.everything).not.toContain('Milvus-pw')
  })

  it('warns once when a key would cross the network over plain http', async () => {
    h = await startHarness({ jobs: [{ jobId: JOB }] })
    // 0.0.0.0 reaches the loopback listener but is not a loopback name.
    const host = `0.0.0.0:${new URL(h.sim.url).port}`
    const run = await h.run(inputs({ endpoint: `http://${host}` }))
    expect(run.exitCode).toBe(0)
    expect(run.warnings).toEqual([
      `warning: api-key is sent over plain http to ${host}; anyone on the network path can read it. Use https:// (or grpcs://) if the server supports it.`
    ])
    const quiet = await h.run(inputs())
    expect(quiet.warnings).toEqual([])
  })

  it.each(['2.4', '2.6'] as const)(
    'fails at once on an unknown job (Milvus %s)',
    async (style) => {
      h = await startHarness({ notFoundStyle: style, jobs: [] })
      const run = await h.run(inputs({ 'api-key': '' }))
      expect(run.exitCode).toBe(1)
      expect(run.outputs.outcome).toBe('error')
      expect(run.errors).toEqual([
        expect.stringMatching(
          new RegExp(
            `^error: Import job ${JOB} was not found\\. .*code ${style === '2.4' ? 2100 : 2101}.*Check job-id`
          )
        )
      ])
      expect(h.sim.requests).toHaveLength(1)
    }
  )

  it('fails at once on Uncommitted and says it needs a commit', async () => {
    h = await startHarness({ jobs: [{ jobId: JOB, outcome: 'uncommitted' }] })
    const run = await h.run(inputs({ 'api-key': '' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({
      outcome: 'failed',
      state: 'Uncommitted'
    })
    expect(run.errors.at(-1)).toMatch(/is Uncommitted: .*waits for a commit/)
    expect(h.sim.requests).toHaveLength(1)
  })

  it('falls back to /get_progress on Milvus without /describe, and remembers it', async () => {
    h = await startHarness({
      noDescribe: true,
      jobs: [{ jobId: JOB, polls: 2 }]
    })
    const run = await h.run(inputs({ 'api-key': '' }))
    expect(run.exitCode).toBe(0)
    expect(h.sim.requests.map((r) => r.path.split('/').pop())).toEqual([
      'describe',
      'get_progress',
      'get_progress'
    ])
  })

  it('recovers from transient faults, waiting as Retry-After asks', async () => {
    h = await startHarness({
      faults: [
        { kind: 'status', status: 503, retryAfter: '1' },
        { kind: 'reset' },
        {
          kind: 'status',
          status: 502,
          body: '<html><body>502 Bad Gateway</body></html>',
          contentType: 'text/html'
        }
      ],
      jobs: [{ jobId: JOB, polls: 1 }]
    })
    const run = await h.run(inputs({ 'api-key': '' }))
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    const retries = run.lines.filter((l) => /Retrying in/.test(l))
    expect(retries).toHaveLength(3)
    expect(retries[0]).toMatch(/answered HTTP 503\. Retrying in 1s\./)
    expect(retries[1]).toMatch(/ECONNRESET/)
    expect(retries[2]).toMatch(/answered HTTP 502/)
    expect(retries[2]).not.toContain('<html>')
    expect(h.clock.sleeps[0]).toBe(1000)
    expect(h.sim.requests).toHaveLength(4)
    expect(h.sim.requests[1].at - h.sim.requests[0].at).toBe(1000)
  })

  it('rejects a bad input with one line, every output and no request', async () => {
    h = await startHarness({ jobs: [] })
    const run = await h.run(inputs({ 'poll-interval': 'fast' }))
    expect(run.exitCode).toBe(1)
    expect(run.result).toBeUndefined()
    expect(run.errors).toEqual([
      'error: Input "poll-interval" must be a duration such as 10s or 1m (at least 1s) (got "fast").'
    ])
    expect(run.outputs).toMatchObject({
      outcome: 'error',
      state: '',
      importedRows: '',
      jobs: '[]',
      details: '[]',
      reason: expect.stringContaining('Input "poll-interval"')
    })
    expect(run.summary).toContain('## ❌ Could not check the Milvus import')
    expect(run.summary).toContain('Input "poll-interval" must be a duration')
    expect(h.sim.requests).toHaveLength(0)
    expect(run.secrets).toContain(KEY)
  })

  it('writes no summary for a bad input when summary is false', async () => {
    h = await startHarness({ jobs: [] })
    const run = await h.run(inputs({ timeout: 'soon', summary: 'false' }))
    expect(run.exitCode).toBe(1)
    expect(run.summary).toBe('')
    expect(run.outputs.outcome).toBe('error')
  })

  it('writes no summary when summary is false', async () => {
    h = await startHarness({ jobs: [{ jobId: JOB }] })
    const run = await h.run(inputs({ summary: 'false', 'api-key': '' }))
    expect(run.exitCode).toBe(0)
    expect(run.summary).toBe('')
    expect(run.outputs.outcome).toBe('success')
  })
})

describe('run() with a runner that breaks', () => {
  it('warns when the summary cannot be written and still passes', async () => {
    h = await startHarness({ jobs: [{ jobId: JOB }] })
    const { MemoryRunner } = await import('./helpers/memory-runner.js')
    const { run } = await import('../src/main.js')
    const runner = new MemoryRunner({ 'job-id': JOB, endpoint: h.sim.url })
    runner.writeSummary = () => {
      throw new Error('ENOSPC: no space left on device')
    }
    const result = await run({ runner, clock: h.clock })
    expect(result?.outcome).toBe('success')
    expect(runner.failed).toBeUndefined()
    expect(runner.lines).toContain(
      'warning: Could not write the job summary: ENOSPC: no space left on device'
    )
  })

  it('ends in one error line and no result when the outputs cannot be set', async () => {
    h = await startHarness({ jobs: [{ jobId: JOB }] })
    const { MemoryRunner } = await import('./helpers/memory-runner.js')
    const { run } = await import('../src/main.js')
    const runner = new MemoryRunner({
      'job-id': JOB,
      endpoint: h.sim.url,
      'api-key': KEY
    })
    runner.setOutput = () => {
      throw new Error(`EISDIR: illegal operation on a directory, ${KEY}`)
    }
    const result = await run({ runner, clock: h.clock })
    expect(result).toBeUndefined()
    expect(runner.failed).toBe(
      'Unexpected error: EISDIR: illegal operation on a directory, ***'
    )
    // The stack goes to the debug log only.
    const shown = runner.lines.filter((l) => !l.startsWith('debug: '))
    expect(shown.join('\n')).not.toMatch(/\n\s+at /)
    expect(runner.lines.some((l) => /^debug: Error: EISDIR/.test(l))).toBe(true)
  })

  it('hands the result to onResult before the verdict, and warns if it throws', async () => {
    h = await startHarness({ jobs: [{ jobId: JOB }] })
    const seen: string[] = []
    const run = await h.run(inputs({ 'api-key': '' }), {
      onResult: async (result, config) => {
        seen.push(`${result.outcome} ${config.jobIds.join(',')}`)
        throw new Error('the text summary could not be printed')
      }
    })
    expect(seen).toEqual([`success ${JOB}`])
    expect(run.exitCode).toBe(0)
    expect(run.warnings).toEqual([
      'warning: the text summary could not be printed'
    ])
  })
})

describe('run() on Zilliz Cloud v2', () => {
  it('sends clusterId and reads the Zilliz shape', async () => {
    h = await startHarness({
      flavour: 'zilliz',
      apiKey: KEY,
      clusterId: 'in03-7a1b2c3d4e5f6a7',
      jobs: [
        {
          jobId: 'job-0123456789abcdef',
          polls: 2,
          files: [{ name: 'medium_articles_2020_dpr.json', rows: 100_000 }]
        }
      ]
    })
    const run = await h.run(
      inputs({
        'job-id': 'job-0123456789abcdef',
        'cluster-id': 'in03-7a1b2c3d4e5f6a7'
      })
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      state: 'Completed',
      totalRows: '100000',
      importedRows: '100000'
    })
    expect(JSON.parse(h.sim.requests[0].body)).toEqual({
      jobId: 'job-0123456789abcdef',
      clusterId: 'in03-7a1b2c3d4e5f6a7'
    })
    expect(run.summary).toContain('medium_articles_2020_dpr.json')
  })

  it('fails at once on a wrong cluster ID', async () => {
    h = await startHarness({
      flavour: 'zilliz',
      clusterId: 'in03-right',
      jobs: [{ jobId: 'job-1' }]
    })
    const run = await h.run(
      inputs({ 'job-id': 'job-1', 'cluster-id': 'in03-wrong', 'api-key': '' })
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^error: The cluster was rejected\. .*code 80020.*Check cluster-id/
      )
    ])
  })
})
