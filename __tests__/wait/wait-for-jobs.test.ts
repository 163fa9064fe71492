import type { ImportApi } from '../../src/clients/client.js'
import { ApiError, TransientError } from '../../src/errors.js'
import { jobReason } from '../../src/report/messages.js'
import {
  pollDelay,
  waitForJob,
  waitForJobs
} from '../../src/wait/wait-for-jobs.js'
import { FakeClock } from '../helpers/fake-clock.js'
import { FakeImportApi, job } from '../helpers/fake-import-api.js'

const options = (clock: FakeClock, timeoutMs = 60_000) => ({
  clock,
  intervalMs: 10_000,
  deadline: clock.now() + timeoutMs,
  random: () => 1
})

describe('waitForJob', () => {
  it('polls at once, then on a ramp up to the interval, until Completed', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({
      '7': [
        job('Pending', 5),
        job('Importing', 40),
        job('Importing', 90),
        job('Completed', 100)
      ]
    })
    const result = await waitForJob(api, '7', options(clock))
    expect(result.outcome).toBe('success')
    expect(result.polls).toBe(4)
    expect(clock.sleeps).toEqual([2500, 5000, 10_000])
  })

  it('fails on Failed with the server reason', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({
      '7': [job('Importing', 40), job('Failed', 0, { reason: 'bad row 12' })]
    })
    const result = await waitForJob(api, '7', options(clock))
    expect(result.outcome).toBe('failed')
    expect(jobReason(result)).toBe('Import job 7 failed: bad row 12')
  })

  it('fails at once on Uncommitted and says a commit is needed', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({ '7': [job('Uncommitted', 99)] })
    const result = await waitForJob(api, '7', options(clock))
    expect(result.outcome).toBe('failed')
    expect(jobReason(result)).toContain('waits for a commit')
    expect(result.polls).toBe(1)
  })

  it('never counts an answer about another collection as progress', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({
      '7': [job('Completed', 100, { collectionName: 'someone_else' })]
    })
    const result = await waitForJob(api, '7', {
      ...options(clock),
      collectionName: 'mine'
    })
    expect(result.outcome).toBe('error')
    expect(jobReason(result)).toMatch(
      /belongs to collection "someone_else", not to collection-name "mine", so the answer is not trusted/
    )
    // The same answer is fine when it names the collection asked for.
    const same = new FakeImportApi({
      '7': [job('Completed', 100, { collectionName: 'mine' })]
    })
    expect(
      (
        await waitForJob(same, '7', {
          ...options(clock),
          collectionName: 'mine'
        })
      ).outcome
    ).toBe('success')
  })

  it('fails a Completed that also gives a failure reason', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({
      '7': [job('Completed', 100, { reason: 'row 3 bad' })]
    })
    const result = await waitForJob(api, '7', options(clock))
    expect(result.outcome).toBe('failed')
    expect(jobReason(result)).toBe(
      'Import job 7 reports Completed but also a failure reason, so it is not counted as a success: row 3 bad'
    )
  })

  it('treats None as failure', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({ '7': [job('None', 0)] })
    expect((await waitForJob(api, '7', options(clock))).outcome).toBe('failed')
  })

  it('keeps polling an unknown state and times out, never succeeding', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({ '7': [job('Indexing', 100)] })
    const result = await waitForJob(api, '7', options(clock, 30_000))
    expect(result.outcome).toBe('timeout')
    expect(jobReason(result)).toContain('it was Indexing at 100%')
    expect(clock.now() - 1_700_000_000_000).toBe(30_000)
  })

  it('never sleeps past the deadline', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({ '7': [job('Importing', 10)] })
    await waitForJob(api, '7', options(clock, 25_000))
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(25_000)
  })

  it('retries transient errors with capped backoff, then succeeds', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({
      '7': [
        new TransientError('503'),
        new TransientError('reset'),
        job('Completed', 100)
      ]
    })
    const retries: number[] = []
    const result = await waitForJob(api, '7', {
      ...options(clock),
      onRetry: (_id, _e, ms) => retries.push(ms)
    })
    expect(result.outcome).toBe('success')
    expect(retries).toEqual([500, 1000])
  })

  it('honours Retry-After within the deadline', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({
      '7': [new TransientError('429', 7000), job('Completed', 100)]
    })
    await waitForJob(api, '7', options(clock))
    expect(clock.sleeps).toEqual([7000])
  })

  it('gives up after 10 transient failures in a row with the last error', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({
      '7': [new TransientError('HTTP 502 from proxy')]
    })
    const result = await waitForJob(api, '7', options(clock, 3_600_000))
    expect(result.outcome).toBe('error')
    expect(jobReason(result)).toBe(
      'HTTP 502 from proxy. Gave up after 10 failed tries in a row.'
    )
    expect(api.calls).toHaveLength(10)
  })

  it('names the last failure when the time left is too short for another try', async () => {
    const clock = new FakeClock()
    const start = clock.now()
    // Each try takes 900 ms and fails: after two, less than 1 s is left.
    const answers = new FakeImportApi({
      '7': [new TransientError('Could not reach the server: ECONNREFUSED.')]
    })
    const api: ImportApi = {
      name: answers.name,
      endpointKey: answers.endpointKey,
      listJobs: (q) => answers.listJobs(q),
      getJob: async (id, o) => {
        await clock.sleep(900)
        return answers.getJob(id, o)
      }
    }
    const result = await waitForJob(api, '7', {
      ...options(clock, 3000),
      random: () => 0
    })
    expect(result.outcome).toBe('timeout')
    expect(jobReason(result)).toMatch(
      /the last poll failed: Could not reach the server: ECONNREFUSED/
    )
    expect(clock.now() - start).toBe(3000)
  })

  it('fails at once on a permanent error', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({
      '7': [new ApiError('Authentication failed.')]
    })
    const result = await waitForJob(api, '7', options(clock))
    expect(result.outcome).toBe('error')
    expect(jobReason(result)).toBe('Authentication failed.')
    expect(api.calls).toHaveLength(1)
  })

  it('reports a timeout when the deadline passes during retries', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({
      '7': [job('Importing', 50), new TransientError('ECONNREFUSED', 20_000)]
    })
    const result = await waitForJob(api, '7', options(clock, 15_000))
    expect(result.outcome).toBe('timeout')
    expect(jobReason(result)).toContain('Importing at 50%')
    expect(jobReason(result)).toContain('ECONNREFUSED')
  })

  it('stops at once when cancelled', async () => {
    const clock = new FakeClock()
    const controller = new AbortController()
    const api = new FakeImportApi({ '7': [job('Importing', 50)] })
    const result = await waitForJob(api, '7', {
      ...options(clock),
      signal: controller.signal,
      onPoll: () => controller.abort()
    })
    expect(result.outcome).toBe('cancelled')
    expect(api.calls).toHaveLength(1)
  })

  it('gives each request a time limit that ends by the deadline, and starts none that cannot finish', async () => {
    const clock = new FakeClock()
    const start = clock.now()
    const api = new FakeImportApi({ '7': [job('Importing', 50)] })
    const result = await waitForJob(api, '7', {
      ...options(clock, 12_000),
      requestTimeoutMs: 30_000
    })
    // The next poll would be due after the deadline, so the last one goes
    // out as late as it can still finish (answers here take no time: 250 ms
    // before, and 100 ms for a late timer), and the wait ends at the
    // deadline itself.
    expect(api.calls.map((c) => c.timeoutMs)).toEqual([12_000, 9500, 4500, 350])
    expect(result.outcome).toBe('timeout')
    expect(clock.now() - start).toBe(12_000)
  })

  it('gives the last poll before the deadline twice the slowest answer, up to 1 s', async () => {
    const clock = new FakeClock()
    const answers = new FakeImportApi({ '7': [job('Importing', 50)] })
    // Each answer takes 300 ms of the clock.
    const api: ImportApi = {
      name: answers.name,
      endpointKey: answers.endpointKey,
      listJobs: (q) => answers.listJobs(q),
      getJob: async (id, o) => {
        await clock.sleep(300)
        return answers.getJob(id, o)
      }
    }
    await waitForJob(api, '7', {
      ...options(clock, 12_000),
      requestTimeoutMs: 30_000
    })
    const limits = answers.calls.map((c) => c.timeoutMs)
    expect(limits.at(-1)).toBe(700)
    expect(limits.every((t) => t >= 700)).toBe(true)
  })
})

describe('waitForJobs', () => {
  it('waits for every job and stops each as soon as it ends', async () => {
    const clock = new FakeClock()
    const api = new FakeImportApi({
      a: [job('Completed', 100)],
      b: [job('Importing', 50), job('Failed', 0, { reason: 'x' })]
    })
    const results = await waitForJobs(api, ['a', 'b'], options(clock))
    expect(results.map((r) => [r.jobId, r.outcome, r.polls])).toEqual([
      ['a', 'success', 1],
      ['b', 'failed', 2]
    ])
  })
})

describe('pollDelay', () => {
  it('ramps from a quarter of the interval (at least 1s) up to it', () => {
    expect([1, 2, 3, 4].map((n) => pollDelay(n, 10_000))).toEqual([
      2500, 5000, 10_000, 10_000
    ])
    expect([1, 2].map((n) => pollDelay(n, 1000))).toEqual([1000, 1000])
  })
})
