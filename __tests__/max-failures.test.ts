/**
 * The max-failures input, end to end: the bundled action polls the
 * simulator over real HTTP while it serves a run of faults (503 pages with
 * Retry-After: 0, so the retries need no waiting), and gives up after the
 * budget, or never with 0.
 */
import { errorLines, runAction } from './helpers/action.js'
import { startHarness } from './helpers/in-process.js'
import {
  startSimulator,
  type Fault,
  type Simulator
} from '../simulator/server.js'

const JOB_ID = '463071155436633601'
const outage = (n: number): Fault[] =>
  Array.from({ length: n }, () => ({
    kind: 'status',
    status: 503,
    retryAfter: '0'
  }))

let sim: Simulator | undefined

afterEach(async () => {
  await sim?.close()
  sim = undefined
})

/** Runs the action against a simulator that first serves `faults`. */
async function wait(faults: Fault[], inputs: Record<string, string> = {}) {
  sim = await startSimulator({
    flavour: 'milvus',
    faults,
    jobs: [{ jobId: JOB_ID, polls: 1 }]
  })
  const run = await runAction({
    endpoint: sim.url,
    'job-id': JOB_ID,
    'poll-interval': '1s',
    timeout: '60s',
    ...inputs
  })
  return { run, requests: sim.requests.length }
}

describe('max-failures', () => {
  it('gives up after 10 failures in a row by default', async () => {
    const { run, requests } = await wait(outage(12))

    expect(run.exitCode).toBe(1)
    expect(requests).toBe(10)
    expect(run.outputs.outcome).toBe('error')
    expect(errorLines(run).join('\n')).toMatch(
      /Gave up after 10 failed tries in a row\./
    )
  })

  it.each([
    { budget: '3', faults: 2, exitCode: 0, requests: 3 },
    { budget: '3', faults: 3, exitCode: 1, requests: 3 },
    { budget: '1', faults: 1, exitCode: 1, requests: 1 }
  ])(
    'with max-failures $budget and $faults faults: exit $exitCode after $requests requests',
    async ({ budget, faults, exitCode, requests }) => {
      const result = await wait(outage(faults), { 'max-failures': budget })

      expect(result.run.exitCode).toBe(exitCode)
      expect(result.requests).toBe(requests)
      expect(result.run.outputs.outcome).toBe(exitCode ? 'error' : 'success')
    }
  )

  it('with 0 keeps retrying until the import answers', async () => {
    const { run, requests } = await wait(
      [{ kind: 'reset' }, { kind: 'status', status: 502 }, ...outage(28)],
      { 'max-failures': '0' }
    )

    expect(run.exitCode).toBe(0)
    expect(requests).toBe(31)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      state: 'Completed'
    })
  })

  it('rejects a value that is not a whole number, before any request', async () => {
    const { run, requests } = await wait([], { 'max-failures': 'ten' })

    expect(run.exitCode).toBe(1)
    expect(requests).toBe(0)
    expect(errorLines(run)).toEqual([
      '::error::Input "max-failures" must be a whole number such as 10, or 0 to retry until the timeout (got "ten").'
    ])
  })
})

describe('max-failures in-process, on a virtual clock', () => {
  // A 503 outage with Retry-After: 5 that outlasts the step: only the
  // budget or the deadline can end the wait.
  const longOutage = (): Fault[] =>
    Array.from({ length: 200 }, () => ({
      kind: 'status',
      status: 503,
      retryAfter: '5'
    }))

  it.each([
    { budget: '10', outcome: 'error', requests: 10 },
    { budget: '0', outcome: 'timeout', requests: 24 }
  ])(
    'with max-failures $budget an endless outage ends in $outcome',
    async ({ budget, outcome, requests }) => {
      const harness = await startHarness({
        faults: longOutage(),
        jobs: [{ jobId: JOB_ID, polls: 1 }]
      })
      try {
        const run = await harness.run({
          'job-id': JOB_ID,
          'max-failures': budget,
          'poll-interval': '10s',
          timeout: '2m'
        })

        expect(run.outputs.outcome).toBe(outcome)
        expect(run.exitCode).toBe(1)
        // One request every 5 s: 10 for the budget; 2 min / 5 s = 24 with 0.
        expect(harness.sim.requests).toHaveLength(requests)
      } finally {
        await harness.close()
      }
    }
  )
})
