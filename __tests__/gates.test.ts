/**
 * The data gates (min-rows, expected-rows, allow-partial): run() in-process
 * against the simulator, and checkGates on its own.
 */
import { checkGates } from '../src/gates.js'
import { job } from './helpers/fake-import-api.js'
import { startHarness, type Harness } from './helpers/in-process.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const completedJob = (rows: number) => ({
  jobId: '7',
  files: [{ name: 'data/1.parquet', rows }]
})

describe('data gates on run()', () => {
  it('fails a Completed import short of expected-rows', async () => {
    h = await startHarness({ jobs: [completedJob(9_800)] })
    const run = await h.run({
      'job-id': '7',
      'expected-rows': '10,000'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({
      outcome: 'failed',
      state: 'Completed',
      importedRows: '9800'
    })
    expect(run.errors).toEqual([
      'error: Imported 9,800 rows, expected 10,000 (expected-rows).'
    ])
    expect(run.summary).toContain('## ❌ Milvus import failed')
  })

  it('fails below min-rows and passes at it', async () => {
    h = await startHarness({ jobs: [completedJob(500)] })
    const short = await h.run({
      'job-id': '7',
      'min-rows': '501'
    })
    expect(short.exitCode).toBe(1)
    expect(short.errors).toEqual([
      'error: Imported 500 rows, expected at least 501 (min-rows).'
    ])
    const enough = await h.run({
      'job-id': '7',
      'min-rows': '500'
    })
    expect(enough.exitCode).toBe(0)
    expect(enough.outputs.outcome).toBe('success')
  })
})

describe('checkGates', () => {
  const completed = (
    files: { fileName: string; state: string; reason?: string }[]
  ) => [
    {
      jobId: '7',
      outcome: 'success' as const,
      polls: 1,
      job: job('Completed', 100, {
        jobId: '7',
        importedRows: 10n,
        totalRows: 10n,
        files
      })
    }
  ]

  it('fails a Completed job with failed files unless allow-partial', () => {
    const jobs = completed([
      { fileName: 'a', state: 'Completed' },
      { fileName: 'b', state: 'Failed', reason: 'bad' }
    ])
    expect(checkGates({ allowPartial: false }, jobs)).toBe(
      'Import job 7 completed, but 1 of its files failed. Fix the files, or set allow-partial: true to accept a partial import.'
    )
    expect(checkGates({ allowPartial: true }, jobs)).toBeUndefined()
  })

  it('cannot check rows the server did not report, and says so', () => {
    const jobs = completed([])
    jobs[0].job.importedRows = undefined as unknown as bigint
    expect(checkGates({ allowPartial: false, minRows: 1n }, jobs)).toMatch(
      /did not report imported rows/
    )
  })

  it('counts files a Completed job says are not done as partial', () => {
    const jobs = completed([
      { fileName: 'a', state: 'Completed' },
      { fileName: 'b', state: 'Pending' },
      { fileName: 'c', state: 'Failed', reason: 'bad' }
    ])
    expect(checkGates({ allowPartial: false }, jobs)).toBe(
      'Import job 7 completed, but 1 of its files failed and 1 of its files is not Completed. Fix the files, or set allow-partial: true to accept a partial import.'
    )
    expect(checkGates({ allowPartial: true }, jobs)).toBeUndefined()
    // A file with no state word is not said to be done: partial too.
    const stateless = completed([{ fileName: 'a', state: '' }])
    expect(checkGates({ allowPartial: false }, stateless)).toBe(
      'Import job 7 completed, but 1 of its files is not Completed. Fix the files, or set allow-partial: true to accept a partial import.'
    )
    expect(checkGates({ allowPartial: true }, stateless)).toBeUndefined()
  })

  it('does not sum past a job of unknown rows', () => {
    const jobs = [...completed([]), ...completed([])]
    jobs[1] = {
      ...jobs[1],
      jobId: '8',
      job: { ...jobs[1].job, jobId: '8', importedRows: undefined }
    }
    // 10 rows are known; the second job's rows are not, so 10 proves nothing.
    expect(checkGates({ allowPartial: false, expectedRows: 10n }, jobs)).toBe(
      'The server did not report imported rows for import job 8, so min-rows/expected-rows cannot be checked. Remove them for this API.'
    )
  })

  it('passes when no gate is set', () => {
    expect(checkGates({ allowPartial: false }, completed([]))).toBeUndefined()
  })
})
