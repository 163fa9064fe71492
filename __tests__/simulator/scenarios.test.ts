/**
 * The named scenarios and the simulator CLI, over real HTTP on 127.0.0.1.
 */
import { jest } from '@jest/globals'
import { main, startFromArgs, UsageError } from '../../simulator/cli.js'
import {
  DEMO_JOB_ID,
  scenarios,
  type ScenarioOptions
} from '../../simulator/scenarios.js'
import {
  type Simulator,
  type SimulatorOptions
} from '../../simulator/server.js'
import { useSimulators } from '../helpers/simulators.js'

// Asks for a job's progress the way its flavour's clients do.
async function progress(
  sim: Simulator,
  options: SimulatorOptions,
  jobId: string,
  apiKey?: string
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = apiKey
    ? { Authorization: `Bearer ${apiKey}` }
    : {}
  const clusterId = options.clusterId ?? ''
  const res =
    options.flavour === 'v1'
      ? await fetch(
          `${sim.url}/v1/vector/collections/import/get?jobId=${jobId}&clusterId=${clusterId}`,
          { headers }
        )
      : await fetch(`${sim.url}/v2/vectordb/jobs/import/get_progress`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            jobId,
            clusterId,
            projectId: options.projectId,
            regionId: options.regionId
          })
        })
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>
  }
}

const start = useSimulators()

describe('scenarios', () => {
  it('has the documented names', () => {
    expect(Object.keys(scenarios)).toEqual(
      expect.arrayContaining([
        'demo',
        'completed',
        'progression',
        'failed',
        'uncommitted',
        'slow',
        'flaky',
        'zilliz-completed',
        'v1-completed',
        'multi'
      ])
    )
  })

  it.each(Object.keys(scenarios).filter((n) => n !== 'flaky'))(
    '%s serves each of its jobs to a client with the key',
    async (name) => {
      const options = scenarios[name]({ apiKey: 'k' })
      const sim = await start(options)
      expect(options.jobs?.length).toBeGreaterThan(0)
      for (const job of options.jobs ?? []) {
        // Success is 0, or 200 (v1, the legacy body, Milvus 2.4.0-2.4.2).
        const success =
          options.flavour === 'v1' ||
          options.legacyBody ||
          options.milvusVersion === '2.4.1'
            ? 200
            : 0
        const denied = await progress(sim, options, job.jobId)
        expect(denied.body.code).not.toBe(success)
        const answer = await progress(sim, options, job.jobId, 'k')
        expect(answer.status).toBe(200)
        expect(answer.body.code).toBe(success)
        expect(answer.body.data).toBeTruthy()
      }
    }
  )

  it('demo: one Milvus job of four files, one failing on a vector dimension', async () => {
    const options = scenarios.demo({ timeScale: 0.005 })
    expect(options.flavour).toBe('milvus')
    const [job] = options.jobs ?? []
    expect(job.jobId).toBe(DEMO_JOB_ID)
    expect(options.jobs).toHaveLength(1)
    expect(new Set(job.files?.map((f) => f.rows)).size).toBe(4)
    expect(job.files?.filter((f) => f.failReason)).toHaveLength(1)
    expect(scenarios.demo().jobs?.[0].durationMs).toBe(20_000)
    const sim = await start(options)
    const first = await progress(sim, options, DEMO_JOB_ID)
    expect((first.body.data as { state: string }).state).toBe('Pending')
    await new Promise((r) => setTimeout(r, 150))
    const last = (await progress(sim, options, DEMO_JOB_ID)).body.data as {
      state: string
      reason: string
    }
    expect(last.state).toBe('Failed')
    expect(last.reason).toBe(
      'failed to import file "embeddings/part-0003.parquet": row 1,204: field "embedding" has dim 512, expected 768'
    )
  })

  it('flaky: a 503 with Retry-After, a reset and a 502 page, then completes', async () => {
    const options = scenarios.flaky()
    const sim = await start(options)
    const describe = () =>
      fetch(`${sim.url}/v2/vectordb/jobs/import/describe`, {
        method: 'POST',
        body: JSON.stringify({ jobId: DEMO_JOB_ID })
      })
    const a = await describe()
    expect(a.status).toBe(503)
    expect(a.headers.get('retry-after')).toBe('1')
    await expect(describe()).rejects.toThrow()
    const c = await describe()
    expect(c.status).toBe(502)
    expect(await c.text()).toContain('502 Bad Gateway')
    const states = []
    for (let i = 0; i < 2; i++) {
      states.push(
        ((await (await describe()).json()) as { data: { state: string } }).data
          .state
      )
    }
    expect(states).toEqual(['Pending', 'Completed'])
  })

  it('multi: three jobs of one collection that end at different times', () => {
    const jobs = scenarios.multi().jobs ?? []
    expect(jobs).toHaveLength(3)
    expect(new Set(jobs.map((j) => j.collectionName)).size).toBe(1)
    expect(new Set(jobs.map((j) => j.durationMs)).size).toBe(3)
  })

  it.each<[string, ScenarioOptions, Partial<SimulatorOptions>]>([
    [
      'completed',
      { flavour: 'zilliz' },
      { flavour: 'zilliz', clusterId: expect.any(String) as string }
    ],
    [
      'zilliz-completed',
      { clusterId: 'in03-x' },
      { flavour: 'zilliz', clusterId: 'in03-x' }
    ],
    ['completed', { apiKey: 'k' }, { flavour: 'milvus', apiKey: 'k' }]
  ])('%s takes options %j', (name, opts, want) => {
    expect(scenarios[name](opts)).toMatchObject(want)
  })

  it('slow does not end within a minute', () => {
    expect(scenarios.slow().jobs?.[0].durationMs).toBeGreaterThan(60_000)
  })
})

describe('simulator CLI', () => {
  it('starts the named scenario with its flavour, key and cluster', async () => {
    const started = await startFromArgs([
      '--scenario',
      'completed',
      '--port',
      '0',
      '--flavour',
      'zilliz',
      '--api-key',
      'K',
      '--cluster-id',
      'in03-c'
    ])
    if (!('simulator' in started)) throw new Error('no simulator')
    start.adopt(started.simulator)
    expect(started.scenario).toBe('completed')
    const options = { flavour: 'zilliz' as const, clusterId: 'in03-c' }
    expect(
      (await progress(started.simulator, options, DEMO_JOB_ID, 'K')).body.code
    ).toBe(0)
    expect(
      (
        await progress(
          started.simulator,
          { ...options, clusterId: 'x' },
          DEMO_JOB_ID,
          'K'
        )
      ).body.code
    ).toBe(80020)
  })

  it.each([
    [['--scenario', 'nope'], 'Unknown scenario "nope". Choose one of: demo, '],
    [
      ['--port', 'http'],
      '--port must be a port number from 0 to 65535 (got "http").'
    ],
    [['--port', '70000'], '--port must be a port number'],
    [
      ['--flavour', 'grpc'],
      '--flavour must be one of milvus, zilliz, v1 (got "grpc").'
    ],
    [['--time-scale', '0'], '--time-scale must be a positive number'],
    [['--colour'], "Unknown option '--colour'"]
  ])('rejects %j', async (argv, message) => {
    const error = await startFromArgs(argv).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toContain(message)
  })

  it('prints help with every scenario', async () => {
    const started = await startFromArgs(['--help'])
    expect('help' in started && started.help).toContain('  flaky ')
  })

  it('prints one line with the URL, serves until stopped, exits 0', async () => {
    const lines: string[] = []
    const out = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((s: string | Uint8Array) => {
        lines.push(String(s))
        return true
      })
    const err = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation(() => true)
    let stop: (reason: string) => void = () => {}
    const done = main(
      ['--scenario', 'progression'],
      () => new Promise<string>((r) => (stop = r))
    )
    try {
      while (lines.length === 0) await new Promise((r) => setTimeout(r, 5))
      const match =
        /^simulator listening on (http:\/\/127\.0\.0\.1:\d+) \(scenario progression\)\n$/.exec(
          lines.join('')
        )
      expect(match).not.toBeNull()
      const health = await fetch(`${match?.[1]}/__health`)
      expect(await health.text()).toBe('ok')
      stop('test')
      expect(await done).toBe(0)
      await expect(fetch(`${match?.[1]}/__health`)).rejects.toThrow()
    } finally {
      out.mockRestore()
      err.mockRestore()
    }
  })

  it('exits 2 with one line on a usage error', async () => {
    const errors: string[] = []
    const err = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((s: string | Uint8Array) => {
        errors.push(String(s))
        return true
      })
    try {
      expect(await main(['--scenario', 'nope'])).toBe(2)
    } finally {
      err.mockRestore()
    }
    expect(errors.join('')).toMatch(
      /^simulator: Unknown scenario "nope"\..*\n$/
    )
  })
})
