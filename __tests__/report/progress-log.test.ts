import { ProgressLog, progressLine } from '../../src/report/progress-log.js'
import { FakeClock } from '../helpers/fake-clock.js'
import { job } from '../helpers/fake-import-api.js'
import { MemoryRunner } from '../helpers/memory-runner.js'

describe('ProgressLog', () => {
  it('streams one job live in its group, once per change, with a heartbeat', () => {
    const runner = new MemoryRunner()
    const clock = new FakeClock()
    const log = new ProgressLog(runner, clock, clock.now(), ['7'])
    log.poll(job('Importing', 40, { jobId: '7' }))
    log.poll(job('Importing', 40, { jobId: '7' }))
    clock.advance(61_000)
    log.poll(job('Importing', 40, { jobId: '7' }))
    log.poll(job('Completed', 100, { jobId: '7' }))
    log.finish()
    expect(runner.lines).toEqual([
      'group: Import job 7',
      '7 Importing 40%',
      '7 Importing 40% (unchanged; waited 1m 1s)',
      '7 Completed 100%',
      'endgroup'
    ])
  })

  it('prints each of several jobs as its own group when it ends', () => {
    const runner = new MemoryRunner()
    const clock = new FakeClock()
    const log = new ProgressLog(runner, clock, clock.now(), ['a', 'b'])
    log.poll(job('Importing', 10, { jobId: 'a' }))
    log.poll(job('Importing', 20, { jobId: 'b' }))
    log.retry('b', 'HTTP 503. Retrying in 1s.')
    log.poll(job('Completed', 100, { jobId: 'b' }))
    log.end({ jobId: 'b', outcome: 'success', polls: 2 })
    clock.advance(60_000)
    log.poll(job('Importing', 30, { jobId: 'a' }))
    log.poll(job('Failed', 0, { jobId: 'a' }))
    log.end({ jobId: 'a', outcome: 'failed', polls: 3 })
    log.finish()
    expect(runner.lines).toEqual([
      'group: Import job b: success',
      'b Importing 20%',
      'b: HTTP 503. Retrying in 1s.',
      'b Completed 100%',
      'endgroup',
      '1 of 2 import jobs ended (1 success).',
      'Waiting for 1 of 2 import jobs (lowest progress 30%; waited 1m).',
      'group: Import job a: failed',
      'a Importing 10%',
      'a Importing 30%',
      'a Failed 0%',
      'endgroup',
      '2 of 2 import jobs ended (1 success, 1 failed).'
    ])
  })

  it('warns once about a state it does not know', () => {
    const runner = new MemoryRunner()
    const clock = new FakeClock()
    const log = new ProgressLog(runner, clock, clock.now(), ['7'])
    log.poll(job('Reindexing', 50, { jobId: '7' }))
    log.poll(job('Reindexing', 60, { jobId: '7' }))
    expect(runner.lines.filter((l) => l.startsWith('warning'))).toHaveLength(1)
  })
})

describe('progressLine', () => {
  it('shows rows and files when the server reports them', () => {
    const line = progressLine(
      job('Importing', 55, {
        jobId: '463071155436633601',
        importedRows: 12_800n,
        totalRows: 20_000n,
        files: [
          { fileName: 'a', state: 'Completed' },
          { fileName: 'b', state: 'InProgress' }
        ]
      })
    )
    expect(line).toBe(
      '463071155436633601 Importing 55% · 12,800/20,000 rows · 1 of 2 files done'
    )
  })
})
