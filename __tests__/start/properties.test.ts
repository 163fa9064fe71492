/**
 * Property: whatever the server answers (any state, any row count, errors on
 * describe, commit and abort), a job is committed only when the snapshot
 * read just before the commit was Uncommitted and passed every gate. A job
 * that failed its gates is never committed.
 */
import fc from 'fast-check'
import type { ImportApi } from '../../src/clients/client.js'
import type { FileProgress, ImportJob } from '../../src/clients/job.js'
import { v2JobStatus } from '../../src/clients/states.js'
import { ApiError, TransientError } from '../../src/errors.js'
import { parseInputs, type Config } from '../../src/inputs.js'
import { gateAndCommit } from '../../src/start/gated-commit.js'
import { waitForJobs } from '../../src/wait/wait-for-jobs.js'
import { FakeClock } from '../helpers/fake-clock.js'
import { MemoryRunner } from '../helpers/memory-runner.js'

type Answer = 'ok' | 'transient' | 'refused'

/** A server whose every answer comes from the generated script. */
class ScriptedServer implements ImportApi {
  readonly name = 'Scripted server'
  readonly endpointKey = 'scripted'
  /** The snapshot last read for each job when each commit was sent. */
  readonly commits: (ImportJob | undefined)[] = []
  readonly aborts: string[] = []
  private last = new Map<string, ImportJob>()
  private polls = 0
  private decisions = 0
  constructor(
    private readonly steps: (ImportJob | 'transient' | 'refused')[],
    private readonly answers: Answer[]
  ) {}
  async getJob(jobId: string): Promise<ImportJob> {
    const step = this.steps[Math.min(this.polls++, this.steps.length - 1)]
    if (step === 'transient') throw new TransientError('HTTP 503.')
    if (step === 'refused') throw new ApiError('code 2101: no such job.')
    const job = { ...step, jobId }
    this.last.set(jobId, job)
    return job
  }
  async listJobs() {
    return []
  }
  private answer(): void {
    const a = this.answers[this.decisions++ % this.answers.length]
    if (a === 'transient') throw new TransientError('reset.')
    if (a === 'refused') throw new ApiError('code 2100: wrong state.')
  }
  async commitJob(jobId: string): Promise<void> {
    this.commits.push(this.last.get(jobId))
    this.answer()
  }
  async abortJob(jobId: string): Promise<void> {
    this.aborts.push(jobId)
    this.answer()
  }
}

const STATES = [
  'Pending',
  'Importing',
  'Uncommitted',
  'Committing',
  'Completed',
  'Failed',
  'None',
  'Reindexing'
]

const file: fc.Arbitrary<FileProgress> = fc.record({
  fileName: fc.constantFrom('a.parquet', 'b.parquet'),
  state: fc.constantFrom('Completed', 'Failed', 'InProgress'),
  reason: fc.option(fc.constant('bad vector'), { nil: undefined })
})

const snapshot: fc.Arbitrary<ImportJob> = fc
  .record({
    state: fc.constantFrom(...STATES),
    progress: fc.integer({ min: 0, max: 100 }),
    importedRows: fc.option(fc.bigInt({ min: 0n, max: 2n ** 64n }), {
      nil: undefined
    }),
    files: fc.array(file, { maxLength: 3 })
  })
  .map((s) => ({ ...s, jobId: '1', status: v2JobStatus(s.state) }))

const gates = fc.record({
  expected: fc.option(fc.constantFrom('9800', '10000', '9007199254740993')),
  min: fc.option(fc.constantFrom('1', '10000')),
  partial: fc.boolean()
})

/** The gates, written out again: the oracle the flow must agree with. */
function passes(job: ImportJob, config: Config): boolean {
  if (job.state !== 'Uncommitted') return false
  const failedFile = job.files.some(
    (f) => /fail/i.test(f.state) || Boolean(f.reason)
  )
  if (failedFile && !config.allowPartial) return false
  const rows = job.importedRows
  if (config.expectedRows !== undefined && rows !== config.expectedRows)
    return false
  if (
    config.minRows !== undefined &&
    (rows === undefined || rows < config.minRows)
  )
    return false
  return true
}

describe('commit: gated, whatever the server answers', () => {
  it('commits only a job whose Uncommitted snapshot passed every gate', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { weight: 8, arbitrary: snapshot },
            { weight: 1, arbitrary: fc.constant('transient' as const) },
            { weight: 1, arbitrary: fc.constant('refused' as const) }
          ),
          { minLength: 1, maxLength: 8 }
        ),
        fc.array(fc.constantFrom<Answer>('ok', 'transient', 'refused'), {
          minLength: 1,
          maxLength: 4
        }),
        gates,
        fc.boolean(),
        async (steps, answers, g, cancel) => {
          const config = parseInputs({
            'job-id': '1',
            endpoint: 'http://127.0.0.1:9',
            timeout: '2m',
            'poll-interval': '1s',
            'expected-rows': g.expected ?? undefined,
            'min-rows': g.min ?? undefined,
            'allow-partial': String(g.partial)
          })
          const api = new ScriptedServer(steps, answers)
          const clock = new FakeClock()
          const controller = new AbortController()
          if (cancel) controller.abort()
          const step = {
            clock,
            deadline: clock.now() + config.timeoutMs,
            signal: controller.signal
          }
          const jobs = await waitForJobs(api, ['1'], {
            clock,
            intervalMs: config.pollIntervalMs,
            deadline: step.deadline,
            signal: step.signal
          })
          const runner = new MemoryRunner()
          await gateAndCommit(jobs, {
            ...step,
            runner,
            api,
            config,
            start: { gated: true }
          })
          for (const seen of api.commits) {
            expect(cancel).toBe(false)
            expect(seen && passes(seen, config)).toBe(true)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
