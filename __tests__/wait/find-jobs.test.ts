import { chooseJobs, newestFirst } from '../../src/wait/find-jobs.js'
import type { JobListing } from '../../src/clients/job.js'
import { readState } from '../../src/clients/states.js'

// A listed job as the clients read it: the state through the one table.
const listing = (
  jobId: string,
  state = 'Importing',
  collectionName: string | undefined = 'c'
): JobListing => ({
  jobId,
  collectionName,
  ...readState(state)
})

describe('newestFirst', () => {
  it('orders int64 Milvus IDs by value, beyond 2^53', () => {
    const ids = newestFirst([
      listing('463071155436633601'),
      listing('463071155436633699'),
      listing('9')
    ]).map((j) => j.jobId)
    expect(ids).toEqual(['463071155436633699', '463071155436633601', '9'])
  })
  it('orders by createTime when every record has one', () => {
    const ids = newestFirst([
      { ...listing('job-a'), createTime: '2026-01-05T10:00:00Z' },
      { ...listing('job-b'), createTime: '2026-01-05T11:00:00Z' }
    ]).map((j) => j.jobId)
    expect(ids).toEqual(['job-b', 'job-a'])
  })
  it('keeps the server order for opaque IDs', () => {
    const ids = newestFirst([listing('job-b'), listing('job-a')]).map(
      (j) => j.jobId
    )
    expect(ids).toEqual(['job-b', 'job-a'])
  })
})

describe('chooseJobs', () => {
  const jobs = [
    listing('10', 'Completed'),
    listing('20', 'Importing'),
    listing('30', 'Pending'),
    listing('40', 'Importing', 'other')
  ]
  it('latest picks the newest job of the collection', () => {
    expect(chooseJobs(jobs, 'c', 'latest').jobIds).toEqual(['30'])
  })
  it('all picks every unfinished job of the collection', () => {
    expect(chooseJobs(jobs, 'c', 'all').jobIds).toEqual(['30', '20'])
  })
  it('all falls back to the newest job when none is unfinished', () => {
    const found = chooseJobs(
      [listing('10', 'Failed'), listing('5', 'Completed')],
      'c',
      'all'
    )
    expect(found.jobIds).toEqual(['10'])
    expect(found.note).toContain('No unfinished import jobs')
  })
  it.each([
    'ImportFailed',
    'ImportCompleted',
    'ImportFailedAndCleaned',
    'None'
  ])('all never waits for a job that ended (%s)', (ended) => {
    const found = chooseJobs(
      [listing('10', ended), listing('20', 'ImportRunning')],
      'c',
      'all'
    )
    expect(found.jobIds).toEqual(['20'])
  })
  it('takes a record without a collection name from a filtered list', () => {
    expect(
      chooseJobs([listing('7', 'Importing', undefined)], 'c', 'latest').jobIds
    ).toEqual(['7'])
  })
  it('fails clearly when the collection has no jobs', () => {
    expect(() => chooseJobs(jobs, 'missing', 'latest')).toThrow(
      'No import jobs were found for collection "missing".'
    )
  })
})
