/**
 * The v1 body has no state word: when it counts as Completed, and which
 * bodies are read as v1 at all.
 */
import {
  isLegacyBody,
  readLegacyJob
} from '../../src/clients/zilliz-cloud-v1.js'

const read = (body: unknown) => readLegacyJob('job-1', body, 'get')

const done = {
  jobId: 'job-1',
  collectionName: 'c',
  readyPercentage: 1,
  completeTime: '2023-10-28T06:51:49Z',
  errorMessage: null,
  details: [
    {
      fileName: 'folder/1/',
      readyPercentage: 1,
      completeTime: '2023-10-28T06:51:49Z',
      errorMessage: null
    }
  ]
}

describe('a v1 body', () => {
  it('is Completed when completeTime is set and readyPercentage is full', () => {
    expect(read({ ...done, errorMessage: undefined })).toMatchObject({
      state: 'Completed',
      status: 'completed',
      progress: 100
    })
  })

  it.each([
    ['readyPercentage short of full', { readyPercentage: 0.5 }],
    ['readyPercentage left out', { readyPercentage: undefined }],
    ['no completeTime', { completeTime: undefined }]
  ])('keeps waiting with %s', (_name, change) => {
    const job = read({
      ...done,
      errorMessage: undefined,
      ...change
    })
    expect(job.status).toBe('running')
  })

  it('is Failed on an errorMessage, whatever else it says', () => {
    expect(read({ ...done, errorMessage: 'bad row 7' })).toMatchObject({
      state: 'Failed',
      status: 'failed',
      reason: 'bad row 7'
    })
  })
})

describe('isLegacyBody', () => {
  it('takes a body with no state key and a v1 field', () => {
    expect(isLegacyBody(done)).toBe(true)
  })

  it('refuses a v2 body whose state is null: that is a v2 body without its state', () => {
    expect(isLegacyBody({ ...done, state: null })).toBe(false)
    expect(isLegacyBody({ jobId: '1', state: 'Completed' })).toBe(false)
  })
})
