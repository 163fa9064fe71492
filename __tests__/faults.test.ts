/**
 * Fault injection, in-process: run() against the simulator's misbehaving
 * modes over real HTTP on 127.0.0.1, on a virtual clock, so retries,
 * Retry-After and timeouts are checked as the times the action chose, not
 * as wall time. Every case checks what a user would see: the exit code, the
 * outcome output, one clear error line and no stack trace, the job summary,
 * and that the API key shows up nowhere. The last case runs the bundle, to
 * check how server text reaches the runner's workflow commands.
 */
import http from 'node:http'
import { realClock } from '../src/clock.js'
import type { AddressInfo } from 'node:net'
import {
  startSimulator,
  type Fault,
  type JobScript,
  type Simulator,
  type SimulatorOptions
} from '../simulator/server.js'
import { runAction } from './helpers/action.js'
import {
  runInProcess,
  startHarness,
  type Harness,
  type InProcessRun
} from './helpers/in-process.js'
import { pipes, tables } from './helpers/markdown.js'

const JOB = '463071155436633601'
const KEY = 'sk-fault-9f8e7d6c5b4a'

const HEADINGS = {
  success: '## ✅ Milvus import completed',
  failed: '## ❌ Milvus import failed',
  timeout: '## ⏱️ Milvus import timed out',
  cancelled: '## ⚠️ Waiting for the Milvus import was cancelled',
  error: '## ❌ Could not check the Milvus import'
} as const
type Outcome = keyof typeof HEADINGS

/** Runs fn against a fresh simulator on a virtual clock; always closes it. */
async function withSim<T>(
  options: SimulatorOptions,
  fn: (h: Harness) => Promise<T>
): Promise<T> {
  const h = await startHarness({ apiKey: KEY, ...options })
  try {
    return await fn(h)
  } finally {
    await h.close()
  }
}

const inputs = (extra: Record<string, string> = {}) => ({
  'job-id': JOB,
  'api-key': KEY,
  'poll-interval': '1s',
  timeout: '30s',
  ...extra
})

/** The step's own failure lines (setFailed), not annotations. */
const failureLines = (run: InProcessRun) =>
  run.lines.filter((l) => l.startsWith('error: '))

/**
 * What every run must look like, whatever went wrong: the exit code and
 * outcome, exactly one error line matching `error` (none on success), no
 * stack trace, a summary under the right heading, and the key masked.
 */
function expectClean(
  run: InProcessRun,
  expected: { exitCode: number; outcome: Outcome; error?: RegExp }
): void {
  expect(run.exitCode).toBe(expected.exitCode)
  expect(run.outputs.outcome).toBe(expected.outcome)
  const errors = failureLines(run)
  if (expected.error) {
    expect(errors).toEqual([expect.stringMatching(expected.error)])
    // One line: no line breaks inside it.
    expect(errors[0]).not.toMatch(/[\r\n]/)
    expect(run.outputs.reason).not.toBe('')
  } else {
    expect(errors).toEqual([])
  }
  expect(run.lines.filter((l) => !l.startsWith('debug: '))).not.toContainEqual(
    expect.stringMatching(/\n\s+at /)
  )
  expect(run.summary.trim()).not.toBe('')
  expect(run.summary.startsWith(`${HEADINGS[expected.outcome]}\n`)).toBe(true)
  expect(run.secrets).toContain(KEY)
  expect(run.everything).not.toContain(KEY)
  // Last, as it is cosmetic: sentences are not glued with "..".
  for (const line of errors) expect(line).not.toMatch(/(?<!\.)\.\.(?!\.)/)
}

/** Virtual milliseconds between two recorded requests of the simulator. */
const gap = (sim: Simulator, i: number) =>
  sim.requests[i].at - sim.requests[i - 1].at

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve())
  )
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

const html502: Fault = {
  kind: 'status',
  status: 502,
  body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
  contentType: 'text/html'
}

describe('transient HTTP faults, then success', () => {
  // waitMs: the retry's sleep when the server says (Retry-After); any
  // backoff otherwise.
  it.each<{ name: string; fault: Fault; log: RegExp; waitMs?: number }>([
    {
      name: 'HTTP 500',
      fault: { kind: 'status', status: 500, body: 'internal error' },
      log: /answered HTTP 500\. Retrying in /
    },
    {
      name: 'HTTP 502 with an HTML page',
      fault: html502,
      log: /answered HTTP 502\. Retrying in /
    },
    {
      name: 'HTTP 503 with Retry-After: 1',
      fault: { kind: 'status', status: 503, retryAfter: '1' },
      log: /answered HTTP 503\. Retrying in 1s\./,
      waitMs: 1000
    },
    {
      name: 'HTTP 429 with Retry-After: 1',
      fault: { kind: 'status', status: 429, retryAfter: '1' },
      log: /answered HTTP 429 \(rate limited\)\. Retrying in 1s\./,
      waitMs: 1000
    },
    {
      name: 'a connection reset',
      fault: { kind: 'reset' },
      log: /ECONNRESET.*Retrying in /
    },
    {
      name: 'a truncated body',
      fault: { kind: 'truncated' },
      log: /(closed the connection mid-answer|broke off its answer).*Retrying in /
    },
    {
      name: 'invalid JSON',
      fault: { kind: 'invalid-json' },
      log: /body that is not JSON.*Retrying in /
    }
  ])(
    '$name is retried and the job succeeds',
    async ({ fault, log, waitMs = expect.any(Number) }) =>
      withSim(
        { faults: [fault], jobs: [{ jobId: JOB, polls: 1 }] },
        async (h) => {
          const run = await h.run(inputs())
          expectClean(run, { exitCode: 0, outcome: 'success' })
          expect(run.outputs.state).toBe('Completed')
          const retries = run.lines.filter((l) => /Retrying in/.test(l))
          expect(retries).toEqual([expect.stringMatching(log)])
          // The page itself never reaches the log.
          expect(retries[0]).not.toContain('<html')
          expect(run.lines.at(-1)).toMatch(/^Import completed: 10,000 rows/)
          expect(h.sim.requests).toHaveLength(2)
          // Retry-After is honoured: the retry waits as long as asked, and
          // the time between the two requests is the time slept.
          expect(h.clock.sleeps[0]).toEqual(waitMs)
          expect(gap(h.sim, 1)).toBe(h.clock.sleeps.reduce((a, b) => a + b, 0))
        }
      )
  )
})

describe('transient faults that never pass', () => {
  it.each<{ name: string; fault: Fault; error: RegExp }>([
    {
      name: 'HTTP 500',
      fault: { kind: 'status', status: 500, body: 'internal error' },
      error: /^error: Milvus REST v2 \/describe answered HTTP 500\./
    },
    {
      name: 'HTTP 502 with an HTML page',
      fault: html502,
      error: /^error: Milvus REST v2 \/describe answered HTTP 502\./
    },
    {
      name: 'HTTP 503 with Retry-After',
      fault: { kind: 'status', status: 503, retryAfter: '0' },
      error: /^error: Milvus REST v2 \/describe answered HTTP 503\./
    },
    {
      name: 'HTTP 429 with Retry-After',
      fault: { kind: 'status', status: 429, retryAfter: '0' },
      error:
        /^error: Milvus REST v2 \/describe answered HTTP 429 \(rate limited\)\./
    }
  ])(
    '$name: gives up after 10 failures in a row with outcome error',
    async ({ fault, error }) =>
      withSim(
        {
          faults: Array.from({ length: 12 }, () => fault),
          jobs: [{ jobId: JOB, polls: 1 }]
        },
        async (h) => {
          const run = await h.run(inputs())
          expectClean(run, { exitCode: 1, outcome: 'error', error })
          expect(h.sim.requests).toHaveLength(10)
          expect(run.lines.filter((l) => /Retrying in/.test(l))).toHaveLength(9)
          // The error budget ends the run, well before the 30 s timeout.
          expect(run.elapsedMs).toBeLessThan(30_000)
          expect(run.outputs.state).toBe('')
        }
      )
  )

  it('a refused port: gives up after 10 tries and names the endpoint', async () => {
    const port = await closedPort()
    const run = await runInProcess(
      inputs({ endpoint: `http://127.0.0.1:${port}` })
    )
    expectClean(run, {
      exitCode: 1,
      outcome: 'error',
      error: new RegExp(
        `^error: Could not reach http://127\\.0\\.0\\.1:${port}/v2/vectordb/jobs/import/describe: ECONNREFUSED\\. Check endpoint`
      )
    })
    expect(
      run.lines.filter((l) => /ECONNREFUSED\. .*Retrying in /.test(l))
    ).toHaveLength(9)
    expect(run.elapsedMs).toBeLessThan(30_000)
  })

  it('a hang: the request is given up when the time left runs out', async () => {
    // The request time limit is a real timer, so this case runs on the real
    // clock: two seconds of waiting, and no assertion on how long it took.
    const sim = await startSimulator({
      apiKey: KEY,
      faults: [{ kind: 'hang' }],
      jobs: [{ jobId: JOB, polls: 1 }]
    })
    try {
      const run = await runInProcess(
        inputs({ endpoint: sim.url, timeout: '2s' }),
        { clock: realClock }
      )
      expectClean(run, {
        exitCode: 1,
        outcome: 'timeout',
        error:
          /^error: Timed out after 2s waiting for .*did not answer within 2s.*raise timeout/
      })
      expect(sim.requests).toHaveLength(1)
    } finally {
      await sim.close()
    }
  })
})

describe('bodies the action cannot read', () => {
  it('a JSON body of the wrong shape fails at once and names the field', async () =>
    withSim(
      { faults: [{ kind: 'wrong-shape' }], jobs: [{ jobId: JOB, polls: 1 }] },
      async (h) => {
        const run = await h.run(inputs())
        expectClean(run, {
          exitCode: 1,
          outcome: 'error',
          error:
            /^error: Milvus REST v2 \/describe returned a body this action cannot read \(data\.state is a number, not a string\)\. Check that endpoint and api/
        })
        expect(h.sim.requests).toHaveLength(1)
      }
    ))
})

describe('a non-zero code the retries cannot fix', () => {
  it.each<{ code: number; error: RegExp }>([
    { code: 1800, error: /^error: Authentication failed\. .*code 1800/ },
    { code: 80001, error: /^error: Authentication failed\. .*code 80001/ },
    { code: 80002, error: /^error: Authentication failed\. .*code 80002/ },
    { code: 21119, error: /^error: Authentication failed\. .*code 21119/ },
    { code: 80020, error: /^error: The cluster was rejected\. .*code 80020/ },
    { code: 90104, error: /^error: The cluster was rejected\. .*code 90104/ },
    { code: 1801, error: /^error: The request was rejected\. .*code 1801/ },
    { code: 1802, error: /^error: The request was rejected\. .*code 1802/ },
    { code: 1100, error: /^error: The request was rejected\. .*code 1100/ },
    {
      code: 90144,
      error: new RegExp(
        `^error: Import job ${JOB} was not found\\. .*code 90144`
      )
    }
  ])('code $code fails at once with outcome error', async ({ code, error }) =>
    withSim(
      {
        faults: [
          {
            kind: 'code',
            code,
            // Servers echo what they were sent; the key must stay masked.
            message: `rejected token ${KEY} for this request`
          }
        ],
        jobs: [{ jobId: JOB, polls: 1 }]
      },
      async (h) => {
        const run = await h.run(inputs())
        expectClean(run, { exitCode: 1, outcome: 'error', error })
        expect(failureLines(run)[0]).toContain('rejected token *** for')
        expect(h.sim.requests).toHaveLength(1)
      }
    )
  )
})

describe('job states', () => {
  it('an unknown state keeps polling with one warning, then times out at the deadline', async () =>
    withSim(
      { jobs: [{ jobId: JOB, polls: 1, outcome: { state: 'Reindexing' } }] },
      async (h) => {
        const run = await h.run(inputs({ timeout: '3s' }))
        expect(run.outputs.state).toBe('Reindexing')
        expect(run.warnings).toEqual([
          expect.stringMatching(
            /reports state "Reindexing", which this action does not know\. It keeps polling and will not treat it as success\./
          )
        ])
        expect(h.sim.requests.length).toBeGreaterThanOrEqual(2)
        // It polls until the deadline and not a moment past it.
        expect(run.elapsedMs).toBe(3000)
        expect(h.clock.sleeps.reduce((a, b) => a + b, 0)).toBe(3000)
        expectClean(run, {
          exitCode: 1,
          outcome: 'timeout',
          error: /^error: Timed out after 3s waiting for .*Reindexing/
        })
      }
    ))

  it.each<{ name: string; script: Partial<JobScript>; error: RegExp }>([
    {
      name: 'None',
      script: { outcome: 'none' },
      error: new RegExp(
        `^error: Import job ${JOB} ended None: unknown import job state`
      )
    },
    {
      name: 'Uncommitted',
      script: { outcome: 'uncommitted' },
      error: new RegExp(
        `^error: Import job ${JOB} is Uncommitted: .*waits for a commit`
      )
    }
  ])('$name fails at once', async ({ script, error }) =>
    withSim({ jobs: [{ jobId: JOB, polls: 1, ...script }] }, async (h) => {
      const run = await h.run(inputs())
      expectClean(run, { exitCode: 1, outcome: 'failed', error })
      expect(h.sim.requests).toHaveLength(1)
    })
  )

  it.each<{ style: '2.4' | '2.6'; code: number }>([
    { style: '2.4', code: 2100 },
    { style: '2.6', code: 2101 }
  ])(
    'a job Milvus $style does not know fails at once',
    async ({ style, code }) =>
      withSim({ notFoundStyle: style, jobs: [] }, async (h) => {
        const run = await h.run(inputs())
        expectClean(run, {
          exitCode: 1,
          outcome: 'error',
          error: new RegExp(
            `^error: Import job ${JOB} was not found\\. Milvus REST v2 answered code ${code}: import job does not exist.*Check job-id`
          )
        })
        expect(h.sim.requests).toHaveLength(1)
      })
  )
})

describe('cancellation', () => {
  it('during polling stops at once and reports the last state', async () =>
    withSim({ jobs: [{ jobId: JOB, durationMs: 3_600_000 }] }, async (h) => {
      const run = await h.run(inputs({ timeout: '60s' }), {
        abortOn: new RegExp(`^${JOB} \\w+ \\d+%`)
      })
      expectClean(run, {
        exitCode: 1,
        outcome: 'cancelled',
        error: /^error: The step was cancelled; it was \w+ at \d+%\./
      })
      const state = run.outputs.state
      expect(state).toMatch(/^(Pending|Importing)$/)
      expect(run.summary).toContain(`| **State** | ${state} |`)
      // No sleep ran out: the wait ended the moment the step was cancelled.
      expect(run.elapsedMs).toBe(0)
      expect(h.clock.pending).toBe(0)
      // The import itself goes on: nothing asked the server to stop it.
      expect(h.sim.requests.map((r) => r.path)).toEqual([
        '/v2/vectordb/jobs/import/describe'
      ])
    }))

  it('before any job was read says so', async () =>
    withSim({ jobs: [{ jobId: JOB }] }, async (h) => {
      const controller = new AbortController()
      controller.abort('SIGTERM')
      const run = await h.run(inputs(), { signal: controller.signal })
      expect(run.exitCode).toBe(1)
      expect(run.outputs.outcome).toBe('cancelled')
      expect(failureLines(run)).toEqual([
        expect.stringMatching(/^error: The step was cancelled/)
      ])
    }))
})

describe('text from the server that tries to run workflow commands', () => {
  const evil = [
    '::set-output name=x::pwned',
    '::add-mask::secret',
    '##[error]boom',
    '<script>alert(1)</script>',
    'a|b'
  ].join(' ')

  it("is shown inert in the bundle's log, summary and outputs", async () => {
    const sim = await startSimulator({
      apiKey: KEY,
      jobs: [
        {
          jobId: JOB,
          polls: 1,
          files: [
            { name: 'ok.parquet', rows: 100 },
            {
              name: `${evil}.parquet`,
              rows: 100,
              failReason: `bad row\n::set-output name=x::pwned2\n${evil}`
            }
          ]
        }
      ]
    })
    try {
      const run = await runAction({ ...inputs(), endpoint: sim.url })
      expect(run.exitCode).toBe(1)
      const lines = run.stdout.split(/\r?\n/)
      expect(lines.filter((l) => l.startsWith('::error::'))).toEqual([
        expect.stringMatching(
          new RegExp(`^::error::Import job ${JOB} failed: `)
        )
      ])
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/\n\s+at /)
      // Only the action's own mask lines (the key and its encodings);
      // nothing from the server.
      const masks = lines.filter((l) => l.startsWith('::add-mask::'))
      expect(masks[0]).toBe(`::add-mask::${KEY}`)
      expect(masks.filter((l) => /secret/.test(l))).toEqual([])
      expect(run.everything.split(`::add-mask::${KEY}`).join('')).not.toContain(
        KEY
      )
      expect(lines.filter((l) => l.startsWith('::set-output'))).toEqual([])
      expect(run.stdout).not.toContain('##[')
      // The failed file is still annotated, with the text made inert.
      expect(
        lines.filter((l) => l.startsWith('::warning title=')).length
      ).toBeGreaterThanOrEqual(1)
      expect(lines.some((l) => l.includes('pwned'))).toBe(true)

      expect(run.summary.startsWith(`${HEADINGS.failed}\n`)).toBe(true)
      expect(run.summary).not.toContain('<')
      expect(run.summary).toContain('&lt;script&gt;')
      for (const table of tables(run.summary)) {
        const cells = pipes(table[0])
        for (const line of table) expect(pipes(line)).toBe(cells)
      }
      expect(run.summary).toMatch(
        /^\| .*set-output.*\.parquet \| ❌ Failed \|/m
      )

      expect(Object.keys(run.outputs)).not.toContain('x')
      expect(run.outputs.outcome).toBe('failed')
      expect(JSON.parse(run.outputs.details)).toContainEqual(
        expect.objectContaining({
          fileName: expect.stringMatching(/set-output name=x.*a\|b\.parquet$/)
        })
      )
    } finally {
      await sim.close()
    }
  })
})
