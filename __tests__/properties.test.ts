/**
 * Properties that must hold for any input, checked with fast-check: the
 * verdict never calls anything but Completed a success, the v2 body parser
 * turns any answer into a job or one ActionError, the summary stays small,
 * tag-free and well-formed, and log text cannot run workflow commands.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import type { ImportApi } from '../src/clients/client.js'
import type {
  CallOptions,
  FileProgress,
  ImportJob,
  JobStatus
} from '../src/clients/job.js'
import { RestV2Api, toImportJob } from '../src/clients/rest-v2.js'
import { v2JobStatus } from '../src/clients/states.js'
import {
  ActionError,
  ApiError,
  CancelledError,
  JobNotFoundError,
  MalformedResponseError,
  TransientError
} from '../src/errors.js'
import { closeConnections } from '../src/http/transport.js'
import { jobReason } from '../src/report/messages.js'
import type { RunResult } from '../src/report/result.js'
import { renderSummary, SUMMARY_BUDGET_BYTES } from '../src/report/summary.js'
import { MAX_TEXT, safeLogText } from '../src/text/escape.js'
import { verdict, worstOutcome, type Outcome } from '../src/wait/verdict.js'
import { waitForJob, type JobResult } from '../src/wait/wait-for-jobs.js'
import { FakeClock } from './helpers/fake-clock.js'
import { FakeImportApi } from './helpers/fake-import-api.js'
import { pipes, tables } from './helpers/markdown.js'

const CUT_MARK = '… (cut)'

/** A wire count as the row count the client would keep (0 or more, whole). */
const rowsOf = (v: number | string | undefined): bigint | undefined =>
  v === undefined ? undefined : BigInt(Math.max(0, Math.trunc(Number(v))))

// ---------------------------------------------------------------------------
// Arbitraries.
// ---------------------------------------------------------------------------

const DOCUMENTED = [
  'Pending',
  'Importing',
  'Committing',
  'Completed',
  'Failed',
  'None',
  'Uncommitted'
]
// Words a server or a careless client might send for "done".
const LOOKALIKES = [
  'completed',
  'COMPLETED',
  'Completed ',
  ' Completed',
  'ImportCompleted',
  'Complete',
  'Success',
  'Done',
  'Reindexing',
  ''
]

/** Any state string: documented, look-alike, unknown or empty. */
const stateArb = fc.oneof(
  fc.constantFrom(...DOCUMENTED),
  fc.constantFrom(...LOOKALIKES),
  fc.string({ maxLength: 20 })
)

const statusArb = fc.constantFrom<JobStatus>(
  'running',
  'completed',
  'failed',
  'uncommitted',
  'unknown'
)

/** Text with the characters that break logs and markdown, often. */
const nastyText = (maxLength = 200) =>
  fc.oneof(
    fc.string({
      unit: fc.constantFrom(
        '<',
        '>',
        '&',
        '|',
        '`',
        '\\',
        '\n',
        '\r',
        ':',
        '#',
        '[',
        ']',
        ' ',
        'a',
        'é',
        '😀',
        '\u2028',
        '\u200b'
      ),
      maxLength
    }),
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom(
      '<script>alert(1)</script>',
      '::set-output name=x::pwned',
      '##[error]boom',
      '| a | b |',
      '&lt;b&gt;',
      '```\ncode\n```'
    )
  )

const fileArb: fc.Arbitrary<FileProgress> = fc.record(
  {
    fileName: nastyText(),
    state: fc.oneof(stateArb, fc.constantFrom('InProgress', 'Failed')),
    progress: fc.integer({ min: 0, max: 100 }),
    importedRows: fc.nat().map(BigInt),
    totalRows: fc.nat().map(BigInt),
    fileSize: fc.nat(),
    reason: nastyText(),
    completeTime: fc.string({ maxLength: 30 })
  },
  { requiredKeys: ['fileName', 'state'] }
)

/** A snapshot as any client might return it, fields missing or odd. */
const jobArb: fc.Arbitrary<ImportJob> = fc
  .record(
    {
      state: stateArb,
      // Usually what the v2 table says; sometimes a client's own mapping.
      status: fc.option(statusArb, { nil: undefined }),
      progress: fc.oneof(
        fc.constant(100),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: -5, max: 500 })
      ),
      importedRows: fc.option(fc.nat().map(BigInt), { nil: undefined }),
      totalRows: fc.option(fc.nat().map(BigInt), { nil: undefined }),
      reason: fc.option(nastyText(50), { nil: undefined }),
      completeTime: fc.option(fc.string({ maxLength: 25 }), {
        nil: undefined
      }),
      files: fc.array(fileArb, { maxLength: 3 })
    },
    { requiredKeys: ['state', 'progress', 'files'] }
  )
  .map(({ status, ...rest }) => ({
    jobId: '7',
    ...rest,
    status: status ?? v2JobStatus(rest.state)
  }))

/** An error a client may throw: transient, permanent, or not ours at all. */
const errorArb: fc.Arbitrary<Error> = fc.oneof(
  fc
    .option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined })
    .map((after) => new TransientError('HTTP 503.', after)),
  fc.constant(new TransientError('Could not reach the server: ECONNRESET.')),
  fc.constant(new ApiError('Authentication failed.', 1800)),
  fc.constant(new JobNotFoundError('Import job 7 was not found.', 2101)),
  fc.constant(new MalformedResponseError('a body this action cannot read')),
  fc.constant(
    new TypeError("Cannot read properties of undefined (reading 'x')")
  )
)

const stepArb = fc.oneof(
  { weight: 3, arbitrary: jobArb },
  { weight: 1, arbitrary: errorArb }
)

/** True when a snapshot is the server's own Completed. */
// A Completed that also gives a failure reason contradicts itself.
const isCompleted = (job: ImportJob | undefined) =>
  job?.state === 'Completed' && job.status === 'completed' && !job.reason

/** Records the last snapshot getJob returned. */
class RecordingApi implements ImportApi {
  readonly name = 'Recording API'
  readonly endpointKey = 'recording'
  last?: ImportJob
  reads = 0
  constructor(private readonly inner: FakeImportApi) {}
  async getJob(jobId: string, options: CallOptions): Promise<ImportJob> {
    const job = await this.inner.getJob(jobId, options)
    this.last = job
    this.reads++
    return job
  }
  async listJobs() {
    return []
  }
}

const waitArb = fc.record({
  steps: fc.array(stepArb, { minLength: 1, maxLength: 12 }),
  intervalMs: fc.integer({ min: 1000, max: 60_000 }),
  timeoutMs: fc.integer({ min: 0, max: 600_000 }),
  seed: fc.double({ min: 0, max: 1, noNaN: true })
})

async function wait(
  steps: (ImportJob | Error)[],
  intervalMs: number,
  timeoutMs: number,
  seed: number
): Promise<{ result: JobResult; api: RecordingApi }> {
  const clock = new FakeClock()
  const api = new RecordingApi(new FakeImportApi({ '7': steps }))
  const result = await waitForJob(api, '7', {
    clock,
    intervalMs,
    deadline: clock.now() + timeoutMs,
    random: () => seed
  })
  return { result, api }
}

// ---------------------------------------------------------------------------
// The verdict.
// ---------------------------------------------------------------------------

describe('the verdict', () => {
  it('verdict() calls only a Completed job a success', () => {
    fc.assert(
      fc.property(jobArb, (job) => {
        expect(verdict(job) === 'success').toBe(isCompleted(job))
      }),
      { numRuns: 2000 }
    )
  })

  it('a job whose state is not Completed never succeeds, at any progress', () => {
    fc.assert(
      fc.property(
        stateArb.filter((s) => s !== 'Completed'),
        statusArb,
        fc.integer({ min: 0, max: 100 }),
        (state, status, progress) => {
          const job = { jobId: '7', state, status, progress, files: [] }
          expect(verdict(job)).not.toBe('success')
          expect(verdict({ ...job, progress: 100 })).not.toBe('success')
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('waitForJob succeeds only when the last snapshot read was Completed', async () => {
    await fc.assert(
      fc.asyncProperty(
        waitArb,
        async ({ steps, intervalMs, timeoutMs, seed }) => {
          const { result, api } = await wait(steps, intervalMs, timeoutMs, seed)
          expect(result.polls).toBe(api.reads)
          expect(result.job).toEqual(api.last)
          // Success exactly when the last read said Completed: never on
          // progress 100, an unknown state, an error or no read at all.
          expect(result.outcome === 'success').toBe(isCompleted(api.last))
          expect(jobReason(result) === undefined).toBe(
            result.outcome === 'success'
          )
        }
      ),
      { numRuns: 500 }
    )
  })

  it('gives a one-line reason whenever the wait does not succeed', async () => {
    await fc.assert(
      fc.asyncProperty(
        waitArb,
        async ({ steps, intervalMs, timeoutMs, seed }) => {
          const { result } = await wait(steps, intervalMs, timeoutMs, seed)
          expect(jobReason(result) ?? '').not.toMatch(/[\r\n]/)
        }
      ),
      {
        numRuns: 500,
        // A server reason over two lines, as Milvus sends for parse errors.
        examples: [
          [
            {
              steps: [
                {
                  jobId: '7',
                  state: 'Failed',
                  status: 'failed',
                  progress: 0,
                  reason: 'bad row 12\n  at column 3',
                  files: []
                }
              ],
              intervalMs: 1000,
              timeoutMs: 60_000,
              seed: 0.5
            }
          ]
        ]
      }
    )
  })

  it('several jobs pass together only when every one ended Completed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(waitArb, { minLength: 1, maxLength: 4 }),
        async (runs) => {
          const waited = await Promise.all(
            runs.map((r) => wait(r.steps, r.intervalMs, r.timeoutMs, r.seed))
          )
          const overall = worstOutcome(waited.map((w) => w.result.outcome))
          expect(overall === 'success').toBe(
            waited.every((w) => isCompleted(w.api.last))
          )
        }
      ),
      { numRuns: 200 }
    )
  })

  it('worstOutcome is never success unless every outcome is', () => {
    const outcomeArb = fc.constantFrom<Outcome>(
      'success',
      'failed',
      'timeout',
      'cancelled',
      'error'
    )
    fc.assert(
      fc.property(fc.array(outcomeArb, { maxLength: 6 }), (outcomes) => {
        const worst = worstOutcome(outcomes)
        expect(worst === 'success').toBe(
          outcomes.length > 0 && outcomes.every((o) => o === 'success')
        )
      })
    )
  })
})

// ---------------------------------------------------------------------------
// The v2 body parser.
// ---------------------------------------------------------------------------

describe('the v2 body parser', () => {
  const countArb = fc.oneof(
    fc.nat(),
    fc.integer({ min: -1000, max: 1_000_000 }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true })
  )
  const detailArb = fc.record(
    {
      fileName: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
      fileSize: countArb,
      state: fc.option(stateArb, { nil: null }),
      progress: countArb,
      importedRows: countArb,
      totalRows: countArb,
      reason: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
      completeTime: fc.option(fc.string({ maxLength: 25 }), { nil: null })
    },
    { requiredKeys: [] }
  )
  const dataArb = fc.record(
    {
      jobId: fc.oneof(fc.string({ maxLength: 20 }), fc.nat()),
      collectionName: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
      fileName: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
      state: fc.oneof(fc.constant('Completed'), stateArb),
      progress: countArb,
      importedRows: countArb,
      totalRows: countArb,
      reason: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
      completeTime: fc.option(fc.string({ maxLength: 25 }), { nil: null }),
      details: fc.option(fc.array(detailArb, { maxLength: 4 }), { nil: null })
    },
    { requiredKeys: ['state'] }
  )

  it('toImportJob: status is completed exactly when state is Completed', () => {
    fc.assert(
      fc.property(
        dataArb.map((d) => ({
          ...d,
          jobId: d.jobId === undefined ? undefined : String(d.jobId),
          collectionName: d.collectionName ?? undefined,
          fileName: d.fileName ?? undefined,
          progress: d.progress === undefined ? undefined : Number(d.progress),
          importedRows: rowsOf(d.importedRows),
          totalRows: rowsOf(d.totalRows),
          reason: d.reason ?? undefined,
          errorMessage: undefined,
          failedReason: undefined,
          completeTime: d.completeTime ?? undefined,
          details: d.details?.map((x) => ({
            ...x,
            fileName: x.fileName ?? '',
            state: x.state ?? '',
            reason: x.reason ?? undefined,
            completeTime: x.completeTime ?? undefined,
            fileSize: x.fileSize === undefined ? undefined : Number(x.fileSize),
            progress: x.progress === undefined ? undefined : Number(x.progress),
            importedRows: rowsOf(x.importedRows),
            totalRows: rowsOf(x.totalRows)
          }))
        })),
        (data) => {
          const job = toImportJob('42', data)
          expect(job.jobId).toBe('42')
          // The server's word is kept; only the exact word for Completed (any
          // API's: Completed, ImportCompleted) completes.
          expect(job.rawState ?? job.state).toBe(data.state)
          expect(job.status === 'completed').toBe(job.state === 'Completed')
          expect(job.status === 'completed').toBe(
            data.state === 'Completed' || data.state === 'ImportCompleted'
          )
          expect(job.progress).toBeGreaterThanOrEqual(0)
          expect(job.progress).toBeLessThanOrEqual(100)
          expect(Number.isInteger(job.progress)).toBe(true)
          expect(job.files).toHaveLength(data.details?.length ?? 0)
        }
      ),
      { numRuns: 1000 }
    )
  })

  describe('over HTTP, through the real client', () => {
    let server: http.Server
    let answer = { status: 200, body: '' }
    let endpoint = ''

    beforeAll(async () => {
      server = http.createServer((req, res) => {
        req.resume()
        req.on('end', () => {
          res.writeHead(answer.status, { 'Content-Type': 'application/json' })
          res.end(answer.body)
        })
      })
      await new Promise<void>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve())
      )
      const { port } = server.address() as AddressInfo
      endpoint = `http://127.0.0.1:${port}`
    })
    afterAll(async () => {
      closeConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    })

    const envelopeArb = fc.record(
      {
        code: fc.oneof(
          { weight: 8, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.integer() },
          { weight: 1, arbitrary: fc.constantFrom(200, 1800, 2100, 90144) },
          { weight: 1, arbitrary: fc.jsonValue() }
        ),
        message: fc.oneof(
          { weight: 4, arbitrary: fc.string({ maxLength: 60 }) },
          { weight: 1, arbitrary: fc.jsonValue() }
        ),
        data: fc.oneof(
          { weight: 4, arbitrary: dataArb },
          { weight: 1, arbitrary: fc.jsonValue() },
          {
            weight: 1,
            arbitrary: dataArb.chain((d) =>
              fc
                .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), {
                  maxKeys: 3
                })
                .map((extra) => ({ ...extra, ...d }))
            )
          }
        )
      },
      { requiredKeys: ['code'] }
    )
    const bodyArb = fc.oneof(
      { weight: 6, arbitrary: envelopeArb.map((e) => JSON.stringify(e)) },
      { weight: 1, arbitrary: fc.json() },
      { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
      {
        weight: 1,
        arbitrary: envelopeArb.map((e) => {
          const text = JSON.stringify(e)
          return text.slice(0, Math.floor(text.length / 2))
        })
      }
    )
    const statusArb = fc.oneof(
      { weight: 6, arbitrary: fc.constant(200) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(400, 401, 403, 404, 429, 500, 502, 503)
      }
    )

    /** What is wrong with one answer's result; [] when nothing is. */
    function problems(
      got: { job: ImportJob } | { error: unknown },
      body: string,
      status: number
    ): string[] {
      const found: string[] = []
      if ('error' in got) {
        const { error } = got
        if (!(error instanceof ActionError) || error instanceof CancelledError)
          found.push(`threw ${String(error)}, not an ActionError`)
        const message = error instanceof Error ? error.message : ''
        if (!message) found.push('an empty message')
        if (/[\r\n]/.test(message))
          found.push(`a multi-line message: ${message}`)
        if (message.length >= 2000) found.push('a message over 2000 characters')
        return found
      }
      const { job } = got
      if (status !== 200) found.push(`a job from an HTTP ${status} answer`)
      if (job.jobId !== '463071155436633601') found.push(`jobId ${job.jobId}`)
      if ((job.status === 'completed') !== (job.state === 'Completed'))
        found.push(`status ${job.status} for state ${job.state}`)
      if (!(job.progress >= 0 && job.progress <= 100))
        found.push(`progress ${job.progress}`)
      const sent = JSON.parse(body) as { data: { state: unknown } }
      if (job.state !== sent.data.state)
        found.push(
          `state ${job.state}, but the server sent ${String(sent.data.state)}`
        )
      return found
    }

    it('any answer gives a job that is completed only when Completed, or one ActionError', async () => {
      await fc.assert(
        fc.asyncProperty(bodyArb, statusArb, async (body, status) => {
          answer = { status, body }
          // A fresh client per answer: it remembers a 404 on /describe.
          const api = new RestV2Api({ endpoint })
          const got = await api
            .getJob('463071155436633601', { timeoutMs: 5000 })
            .then(
              (job) => ({ job }),
              (error: unknown) => ({ error })
            )
          expect(problems(got, body, status)).toEqual([])
        }),
        { numRuns: 300 }
      )
    })
  })
})

// ---------------------------------------------------------------------------
// The summary.
// ---------------------------------------------------------------------------

/** What is wrong with a rendered summary; [] when nothing is. */
function summaryProblems(markdown: string): string[] {
  const found: string[] = []
  if (!/^## \S/.test(markdown)) found.push('no heading first')
  const bytes = Buffer.byteLength(markdown)
  if (bytes > SUMMARY_BUDGET_BYTES) found.push(`${bytes} bytes, over budget`)
  // The renderer writes no HTML of its own, so any < came from the server.
  if (markdown.includes('<')) found.push('a raw <')
  if (markdown.includes('\r')) found.push('a carriage return')
  // Every line of a table has as many cell separators as its header.
  for (const table of tables(markdown)) {
    for (const line of table) {
      if (pipes(line) !== pipes(table[0]) || !line.endsWith(' |'))
        found.push(`a broken row: ${line.slice(0, 200)}`)
    }
  }
  return found
}

const outcomeArb = fc.constantFrom<Outcome>(
  'success',
  'failed',
  'timeout',
  'cancelled',
  'error'
)

const jobResultArb: fc.Arbitrary<JobResult> = fc.record(
  {
    jobId: nastyText(60),
    outcome: outcomeArb,
    job: jobArb.chain((job) =>
      fc
        .record({
          jobId: nastyText(60),
          collectionName: fc.option(nastyText(60), { nil: undefined }),
          files: fc.array(fileArb, { maxLength: 8 })
        })
        .map((extra) => ({ ...job, ...extra }))
    ),
    reason: nastyText(),
    polls: fc.nat(100)
  },
  { requiredKeys: ['jobId', 'outcome', 'polls'] }
)

const runResultArb: fc.Arbitrary<RunResult> = fc.record(
  {
    outcome: outcomeArb,
    jobs: fc.array(jobResultArb, { maxLength: 4 }),
    elapsedMs: fc.nat(10_000_000),
    reason: nastyText(),
    apiName: nastyText(30)
  },
  { requiredKeys: ['outcome', 'jobs', 'elapsedMs', 'reason'] }
)

describe('the summary', () => {
  it('stays small, tag-free and well-formed for any result', () => {
    fc.assert(
      fc.property(runResultArb, (result) => {
        expect(summaryProblems(renderSummary(result))).toEqual([])
      }),
      { numRuns: 500 }
    )
  })

  const bigArgs = [
    fc.integer({ min: 2000, max: 20_000 }),
    nastyText(3000),
    nastyText(3000),
    fc.constantFrom(1, 2, 3)
  ] as const

  it('stays under 1 MiB and well-formed with up to 20,000 long-named files', () => {
    fc.assert(
      fc.property(...bigArgs, (count, name, reason, jobCount) => {
        const markdown = renderSummary(bigResult(count, name, reason, jobCount))
        expect(summaryProblems(markdown)).toEqual([])
        expect(Buffer.byteLength(markdown)).toBeLessThan(1024 * 1024)
      }),
      {
        numRuns: 3,
        // Big inputs: report the first failure rather than shrink for minutes.
        endOnFailure: true,
        // Always one run far past the budget: 3 jobs of 20,000 files whose
        // names and reasons are 3,000 characters that all need escaping.
        examples: [[20_000, '<|'.repeat(1500), '&`'.repeat(1500), 3]]
      }
    )
  })

  it('lists or counts every file of every job when the budget runs out', () => {
    fc.assert(
      fc.property(...bigArgs, (count, name, reason, jobCount) => {
        const markdown = renderSummary(bigResult(count, name, reason, jobCount))
        // Each file is a table row or counted in "…and N more files".
        const shown = tables(markdown)
          .filter((t) => t[0].startsWith('| File |'))
          .reduce((n, t) => n + t.length - 2, 0)
        const more = [...markdown.matchAll(/…and ([\d,]+) more files/g)]
          .map((m) => Number(m[1].replace(/,/g, '')))
          .reduce((a, b) => a + b, 0)
        expect(shown + more).toBe(count * jobCount)
      }),
      {
        numRuns: 3,
        endOnFailure: true,
        examples: [[5542, '<script>alert(1)</script>', '', 3]]
      }
    )
  })
})

/** A failed run of jobCount jobs, each with count files, a third failed. */
function bigResult(
  count: number,
  name: string,
  reason: string,
  jobCount: number
): RunResult {
  const files: FileProgress[] = Array.from({ length: count }, (_, i) => ({
    fileName: `${name}${i}`,
    state: i % 3 ? 'Completed' : 'Failed',
    progress: 100,
    importedRows: BigInt(i),
    totalRows: BigInt(i),
    reason: i % 3 ? undefined : reason
  }))
  return {
    outcome: 'failed',
    elapsedMs: 1000,
    reason,
    jobs: Array.from({ length: jobCount }, (_, j) => ({
      jobId: `${name.slice(0, 50)}${j}`,
      outcome: 'failed' as const,
      polls: 1,
      job: {
        jobId: String(j),
        state: 'Failed',
        status: 'failed' as const,
        progress: 0,
        files
      }
    }))
  }
}

// ---------------------------------------------------------------------------
// Log text.
// ---------------------------------------------------------------------------

describe('safeLogText', () => {
  const logText = fc.oneof(
    fc.string({
      unit: fc.constantFrom(':', '#', '[', '\n', '\r', ' ', '\t', 'a', 'é'),
      maxLength: 2500
    }),
    fc.string({ unit: 'binary', maxLength: 2500 }),
    fc.string({ unit: fc.constantFrom(':', '#', '[', 'a'), maxLength: 12 }),
    nastyText(200)
  )
  const limitArb = fc.oneof(
    fc.constant(MAX_TEXT),
    fc.integer({ min: 1, max: 500 })
  )

  it('gives one line', () => {
    fc.assert(
      fc.property(logText, limitArb, (text, max) => {
        expect(safeLogText(text, max)).not.toMatch(/[\r\n]/)
      }),
      { numRuns: 1000 }
    )
  })

  it('never contains ##[ (a command anywhere in a line)', () => {
    fc.assert(
      fc.property(logText, limitArb, (text, max) => {
        expect(safeLogText(text, max)).not.toContain('##[')
      }),
      { numRuns: 1000 }
    )
  })

  it('never contains :: (a command at the start of a line)', () => {
    fc.assert(
      fc.property(logText, limitArb, (text, max) => {
        expect(safeLogText(text, max)).not.toContain('::')
      }),
      { numRuns: 1000 }
    )
  })

  it('is at most the limit plus the cut marker long', () => {
    fc.assert(
      fc.property(logText, limitArb, (text, max) => {
        expect(safeLogText(text, max).length).toBeLessThanOrEqual(
          max + CUT_MARK.length
        )
      }),
      { numRuns: 1000 }
    )
  })
})
