/**
 * The bundled action (dist/index.js), run as the GitHub runner runs it,
 * against the import simulator over real HTTP on 127.0.0.1.
 */
import { tmpdir } from 'node:os'
import { startSimulator, type Simulator } from '../simulator/server.js'
import { errorLines, runAction } from './helpers/action.js'

const JOB = '463071155436633601'
const KEY = 'sk-live-5ecret-api-key-0042'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

const inputs = (extra: Record<string, string> = {}) => ({
  'job-id': JOB,
  endpoint: sim!.url,
  'api-key': KEY,
  'poll-interval': '1s',
  timeout: '30s',
  ...extra
})

describe('the bundled action on Milvus REST v2', () => {
  it('passes on a Completed job and sets every output', async () => {
    sim = await startSimulator({
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
    const run = await runAction(inputs({ 'db-name': 'analytics' }))
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      state: 'Completed',
      progress: '100',
      importedRows: '20000',
      totalRows: '20000',
      jobId: JOB,
      collectionName: 'articles',
      reason: ''
    })
    expect(run.outputs.completeTime).not.toBe('')
    expect(Number(run.outputs.elapsedSeconds)).toBeGreaterThanOrEqual(0)
    expect(JSON.parse(run.outputs.details)).toEqual([
      expect.objectContaining({
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
    expect(run.summary).toContain('## ✅ Milvus import completed')
    expect(run.summary).toContain(
      '| **Rows (imported / total)** | 20,000 / 20,000 |'
    )
    expect(run.summary).toContain(
      '| data/1.parquet | Completed | 100% | 12,000 / 12,000 |'
    )
    expect(run.stdout).toContain('Import completed: 20,000 rows')
    expect(run.stdout).toContain(`::add-mask::${KEY}`)

    const req = sim.requests[0]
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
    expect(run.everything.replace(`::add-mask::${KEY}`, '')).not.toContain(KEY)
  })

  it('follows a full progression and logs each change once', async () => {
    sim = await startSimulator({
      apiKey: KEY,
      jobs: [{ jobId: JOB, polls: 4 }]
    })
    const run = await runAction(inputs())
    expect(run.exitCode).toBe(0)
    const lines = run.stdout.split('\n').filter((l) => l.startsWith(JOB))
    expect(lines[0]).toMatch(new RegExp(`^${JOB} Pending \\d+%`))
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^${JOB} Completed 100% · 10,000/10,000 rows · 1 of 1 files done$`
      )
    )
    expect(lines.some((l) => /Importing/.test(l))).toBe(true)
    expect(sim.requests).toHaveLength(4)
  })

  it('fails on a Failed import with the reason as an error annotation', async () => {
    sim = await startSimulator({
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
    const run = await runAction(inputs())
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failed')
    expect(run.outputs.state).toBe('Failed')
    expect(run.outputs.reason).toContain('dim 512, expected 768')
    const errors = errorLines(run)
    expect(errors.at(-1)).toMatch(
      new RegExp(`^::error::Import job ${JOB} failed: .*dim 512, expected 768`)
    )
    expect(run.stdout.includes('::warning title=data/2.parquet::')).toBe(true)
    expect(run.summary).toContain('## ❌ Milvus import failed')
    expect(run.summary).toContain('❌ Failed')
    expect(run.stdout).not.toMatch(/\n\s+at /)
  })

  it('times out, sets outcome=timeout and fails by default', async () => {
    sim = await startSimulator({
      jobs: [{ jobId: JOB, durationMs: 3_600_000 }]
    })
    const run = await runAction(inputs({ timeout: '3s', 'api-key': '' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('timeout')
    expect(errorLines(run).at(-1)).toMatch(
      /^::error::Timed out after 3s waiting for .*raise timeout/
    )
    expect(run.summary).toContain('⏱️ Milvus import timed out')
    expect(run.durationMs).toBeLessThan(6000)
  })

  it('passes with a warning on timeout when fail-on-timeout is false', async () => {
    sim = await startSimulator({
      jobs: [{ jobId: JOB, durationMs: 3_600_000 }]
    })
    const run = await runAction(
      inputs({ timeout: '2s', 'fail-on-timeout': 'false', 'api-key': '' })
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('timeout')
    expect(run.stdout).toMatch(
      /::warning::Timed out after 2s.*fail-on-timeout is false/
    )
  })

  it('fails at once with a fix on HTTP 401', async () => {
    sim = await startSimulator({
      apiKey: 'the-right-key',
      jobs: [{ jobId: JOB }]
    })
    const run = await runAction(inputs())
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('error')
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        /^::error::Authentication failed\. Milvus REST v2 answered code 1800 \(HTTP 401\): user hasn't authenticated\. Check the secret passed to api-key/
      )
    ])
    expect(sim.requests).toHaveLength(1)
    expect(run.everything.replace(`::add-mask::${KEY}`, '')).not.toContain(KEY)
  })

  it.each(['2.4', '2.6'] as const)(
    'fails at once on an unknown job (Milvus %s)',
    async (style) => {
      sim = await startSimulator({ notFoundStyle: style, jobs: [] })
      const run = await runAction(inputs({ 'api-key': '' }))
      expect(run.exitCode).toBe(1)
      expect(run.outputs.outcome).toBe('error')
      expect(errorLines(run)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^::error::Import job ${JOB} was not found\\. .*code ${style === '2.4' ? 2100 : 2101}.*Check job-id`
          )
        )
      ])
      expect(sim.requests).toHaveLength(1)
    }
  )

  it('fails at once on Uncommitted and says it needs a commit', async () => {
    sim = await startSimulator({
      jobs: [{ jobId: JOB, outcome: 'uncommitted' }]
    })
    const run = await runAction(inputs({ 'api-key': '' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({
      outcome: 'failed',
      state: 'Uncommitted'
    })
    expect(errorLines(run).at(-1)).toMatch(
      /is Uncommitted: .*waits for a commit/
    )
    expect(sim.requests).toHaveLength(1)
  })

  it('falls back to /get_progress on Milvus without /describe, and remembers it', async () => {
    sim = await startSimulator({
      noDescribe: true,
      jobs: [{ jobId: JOB, polls: 2 }]
    })
    const run = await runAction(inputs({ 'api-key': '' }))
    expect(run.exitCode).toBe(0)
    expect(sim.requests.map((r) => r.path.split('/').pop())).toEqual([
      'describe',
      'get_progress',
      'get_progress'
    ])
  })

  it('recovers from transient faults and then succeeds', async () => {
    sim = await startSimulator({
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
    const run = await runAction(inputs({ 'api-key': '' }))
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(run.stdout).toMatch(/answered HTTP 503\. Retrying in 1s\./)
    expect(run.stdout).toMatch(/Retrying in/)
    expect(sim.requests).toHaveLength(4)
  })

  it('rejects a bad input with one line and no request', async () => {
    sim = await startSimulator({ jobs: [] })
    const run = await runAction(inputs({ 'poll-interval': 'fast' }))
    expect(run.exitCode).toBe(1)
    expect(errorLines(run)).toEqual([
      '::error::Input "poll-interval" must be a duration such as 10s or 1m (at least 1s) (got "fast").'
    ])
    expect(run.outputs).toMatchObject({
      outcome: 'error',
      state: '',
      importedRows: '',
      jobs: '[]',
      reason: expect.stringContaining('Input "poll-interval"')
    })
    expect(run.summary).toContain('## ❌ Could not check the Milvus import')
    expect(run.summary).toContain('Input "poll-interval" must be a duration')
    expect(sim.requests).toHaveLength(0)
    expect(run.stderr).toBe('')
  })
})

describe('without GITHUB_STEP_SUMMARY', () => {
  it('warns and still passes a Completed import', async () => {
    sim = await startSimulator({ jobs: [{ jobId: JOB }] })
    const run = await runAction(inputs({ 'api-key': '' }), {
      env: { GITHUB_STEP_SUMMARY: undefined }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(run.stdout).toContain(
      '::warning::GITHUB_STEP_SUMMARY is not set, so no job summary was written.'
    )
  })
})

describe('an unexpected failure', () => {
  it('ends in one error line, never a stack trace or a pass', async () => {
    sim = await startSimulator({ jobs: [{ jobId: JOB }] })
    // GITHUB_OUTPUT pointing at a directory makes every output write throw.
    const run = await runAction(inputs({ 'api-key': '' }), {
      env: { GITHUB_OUTPUT: tmpdir() }
    })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringMatching(/^::error::Unexpected error: EISDIR/)
    ])
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('the bundled action on Zilliz Cloud v2', () => {
  it('sends clusterId and reads the Zilliz shape (no importedRows)', async () => {
    sim = await startSimulator({
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
    const run = await runAction(
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
    expect(JSON.parse(sim.requests[0].body)).toEqual({
      jobId: 'job-0123456789abcdef',
      clusterId: 'in03-7a1b2c3d4e5f6a7'
    })
    expect(run.summary).toContain('medium_articles_2020_dpr.json')
  })

  it('fails at once on a wrong cluster ID', async () => {
    sim = await startSimulator({
      flavour: 'zilliz',
      clusterId: 'in03-right',
      jobs: [{ jobId: 'job-1' }]
    })
    const run = await runAction(
      inputs({ 'job-id': 'job-1', 'cluster-id': 'in03-wrong', 'api-key': '' })
    )
    expect(run.exitCode).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        /^::error::The cluster was rejected\. .*code 80020.*Check cluster-id/
      )
    ])
  })
})
