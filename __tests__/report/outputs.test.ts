import { setOutputs } from '../../src/report/outputs.js'
import { MemoryRunner } from '../helpers/memory-runner.js'
import { files, jobResult, runResult } from '../helpers/results.js'
import type { RunResult } from '../../src/report/result.js'

/** The outputs a runner is given for this result. */
function outputsOf(result: RunResult): Record<string, string> {
  const runner = new MemoryRunner()
  setOutputs(runner, result)
  return runner.outputs
}

const NAMES = [
  'outcome',
  'state',
  'progress',
  'importedRows',
  'totalRows',
  'jobId',
  'collectionName',
  'reason',
  'completeTime',
  'elapsedSeconds',
  'details',
  'jobs'
]

describe('setOutputs', () => {
  it('sets every output of action.yml, even with no job read', () => {
    const outputs = outputsOf(
      runResult([], { outcome: 'error', reason: 'Input "timeout" is bad.' })
    )
    expect(Object.keys(outputs).sort()).toEqual([...NAMES].sort())
    expect(outputs).toMatchObject({
      outcome: 'error',
      state: '',
      importedRows: '',
      totalRows: '',
      jobId: '',
      completeTime: '',
      details: '[]',
      jobs: '[]',
      reason: 'Input "timeout" is bad.',
      elapsedSeconds: '42'
    })
  })

  it('sums rows exactly over jobs, past 2^53', () => {
    const big = files(1)
    big[0].importedRows = 9_007_199_254_740_993n
    big[0].totalRows = 9_007_199_254_740_993n
    const outputs = outputsOf(
      runResult([jobResult('1', big), jobResult('2', files(2))])
    )
    expect(outputs.importedRows).toBe('9007199254741193')
    expect(BigInt(outputs.importedRows)).toBe(9_007_199_254_740_993n + 200n)
    expect(outputs.jobs).toContain('"importedRows":9007199254740993')
  })

  it('reports the worst job, the lowest progress and every ID', () => {
    const outputs = outputsOf(
      runResult(
        [
          jobResult('1', files(1)),
          {
            jobId: '2',
            outcome: 'timeout',
            polls: 3,
            ending: { kind: 'timeout' },
            job: {
              ...jobResult('2', files(1)).job!,
              state: 'Importing',
              progress: 40,
              completeTime: undefined
            }
          }
        ],
        { outcome: 'timeout' }
      )
    )
    expect(outputs).toMatchObject({
      state: 'Importing',
      progress: '40',
      jobId: '1,2',
      collectionName: 'articles',
      // Empty unless every job completed.
      completeTime: ''
    })
    expect(JSON.parse(outputs.jobs)).toEqual([
      expect.objectContaining({ jobId: '1', outcome: 'success', files: 1 }),
      expect.objectContaining({
        jobId: '2',
        outcome: 'timeout',
        state: 'Importing',
        reason: 'Timed out; it was Importing at 40%.'
      })
    ])
  })

  it('gives the last completeTime of several completed jobs', () => {
    const a = jobResult('1', files(1))
    const b = jobResult('2', files(1))
    a.job!.completeTime = '2026-12-01T10:05:00Z'
    b.job!.completeTime = '2026-12-01T09:00:00Z'
    expect(outputsOf(runResult([a, b])).completeTime).toBe(
      '2026-12-01T10:05:00Z'
    )
  })

  it('leaves row outputs empty, not 0, when the API reports no counts', () => {
    const v1 = jobResult('1', [{ fileName: 'folder/1/', state: 'Completed' }])
    v1.job!.importedRows = undefined
    v1.job!.totalRows = undefined
    const outputs = outputsOf(runResult([v1]))
    expect(outputs.importedRows).toBe('')
    expect(outputs.totalRows).toBe('')
    expect(JSON.parse(outputs.jobs)[0]).toMatchObject({
      importedRows: null,
      totalRows: null
    })
  })

  it('lists failed files first in details, and cuts the list to stay small', () => {
    const many = files(3000, (i) => i % 1000 === 999)
    for (const f of many) f.fileName = `${'p/'.repeat(40)}${f.fileName}`
    const outputs = outputsOf(
      runResult([jobResult('7', many, { outcome: 'failed' })], {
        outcome: 'failed'
      })
    )
    const details = JSON.parse(outputs.details) as {
      fileName: string
      state: string
    }[]
    expect(Buffer.byteLength(outputs.details)).toBeLessThanOrEqual(256 * 1024)
    expect(details.length).toBeLessThan(3000)
    expect(details.slice(0, 3).map((d) => d.state)).toEqual([
      'Failed',
      'Failed',
      'Failed'
    ])
    expect(details[3].state).toBe('Completed')
    expect(details[0]).toMatchObject({ jobId: '7' })
  })
})
