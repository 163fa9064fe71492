import { InputError } from '../../src/errors.js'
import {
  errorLine,
  failureReason,
  fatalReason,
  jobReason
} from '../../src/report/messages.js'
import { job } from '../helpers/fake-import-api.js'

describe('failureReason', () => {
  it('falls back to the first failed file', () => {
    const j = job('Failed', 0, {
      jobId: '9',
      files: [
        { fileName: 'a.parquet', state: 'Failed', reason: 'dim mismatch' }
      ]
    })
    expect(failureReason(j)).toBe(
      'Import job 9 failed: a.parquet: dim mismatch'
    )
  })
})

describe('jobReason', () => {
  it('is undefined on success, and words every other end from data', () => {
    const done = job('Completed', 100, { jobId: '9' })
    expect(
      jobReason({ jobId: '9', outcome: 'success', job: done, polls: 1 })
    ).toBeUndefined()
    const importing = job('Importing', 40, { jobId: '9' })
    expect(
      jobReason({
        jobId: '9',
        outcome: 'timeout',
        job: importing,
        polls: 3,
        ending: { kind: 'timeout' }
      })
    ).toBe('Timed out; it was Importing at 40%.')
    expect(
      jobReason({
        jobId: '9',
        outcome: 'cancelled',
        polls: 0,
        ending: { kind: 'cancelled' }
      })
    ).toBe('The step was cancelled; no progress was read.')
  })
})

describe('errorLine', () => {
  const one = new InputError(['timeout'], 'must be a duration such as 1h.')
  const two = new InputError(
    ['files', 'object-url'],
    'cannot be used together.'
  )

  it('names inputs as a workflow does by default', () => {
    expect(errorLine(one)).toBe(
      'Input "timeout" must be a duration such as 1h.'
    )
    expect(one.message).toBe(errorLine(one))
    expect(errorLine(two)).toBe(
      'Inputs "files" and "object-url" cannot be used together.'
    )
  })

  it('names them as flags on a command line', () => {
    expect(errorLine(one, 'flags')).toBe(
      '--timeout must be a duration such as 1h.'
    )
    expect(errorLine(two, 'flags')).toBe(
      '--files and --object-url cannot be used together.'
    )
    expect(fatalReason({ kind: 'error', error: one }, 60_000, 'flags')).toBe(
      '--timeout must be a duration such as 1h.'
    )
  })

  it('keeps a sentence that names no input as it is', () => {
    const none = new InputError([], 'Job ID "x" is not a Milvus task ID.')
    expect(errorLine(none, 'flags')).toBe('Job ID "x" is not a Milvus task ID.')
  })
})

describe('failureReason over gRPC', () => {
  it('says an ImportFailed with no reason may be a job waiting for a commit', () => {
    expect(failureReason(job('ImportFailed', 99, { jobId: '5' }))).toBe(
      'Import job 5 ended ImportFailed: the server gave no reason. Over gRPC, Milvus 2.4+ also reports a job that waits for a commit (created with auto_commit=false) as ImportFailed; check its state with api: v2'
    )
    expect(
      failureReason(job('ImportFailed', 0, { jobId: '5', reason: 'bad row' }))
    ).toBe('Import job 5 ended ImportFailed: bad row')
  })
})
