import { ApiError } from '../../src/errors.js'
import {
  MAX_TEXT_FILE_ROWS,
  renderTextSummary
} from '../../src/report/text-summary.js'
import { files, jobResult, runResult } from '../helpers/results.js'

const fileLines = (text: string) =>
  text.split('\n').filter((l) => l.startsWith('data/'))

describe('renderTextSummary', () => {
  it('shows the overall lines, then the files in aligned columns', () => {
    const text = renderTextSummary(runResult([jobResult('7', files(2))]))
    const lines = text.split('\n')
    expect(lines).toContainEqual(expect.stringMatching(/^Result\s+success$/))
    expect(fileLines(text)).toEqual([
      'data/0.parquet  Completed  100%      100 / 100',
      'data/1.parquet  Completed  100%      100 / 100'
    ])
    expect(lines).toContain(
      'File            State      Progress  Rows       Reason'
    )
  })

  it('lists failed files first with their reasons', () => {
    const text = renderTextSummary(
      runResult(
        [
          jobResult(
            '7',
            files(3, (i) => i === 2),
            { outcome: 'failed' }
          )
        ],
        {
          outcome: 'failed',
          reason: 'Import job 7 failed: row 2: dim 512, expected 768'
        }
      )
    )
    expect(fileLines(text)[0]).toMatch(
      /^data\/2\.parquet\s+Failed\s+0%\s+0 \/ 100\s+row 2: dim 512, expected 768$/
    )
    expect(
      fileLines(text)
        .slice(1)
        .map((l) => l.split(' ')[0])
    ).toEqual(['data/0.parquet', 'data/1.parquet'])
  })

  it(`caps the file rows at ${MAX_TEXT_FILE_ROWS} across jobs and counts the rest`, () => {
    const text = renderTextSummary(
      runResult([
        jobResult('1', files(40)),
        jobResult('2', files(30)),
        jobResult('3', files(5))
      ])
    )
    expect(fileLines(text)).toHaveLength(MAX_TEXT_FILE_ROWS)
    expect(text).toContain(
      '…and 20 more files (failed files are listed first).'
    )
    expect(text).toContain('(5 files not shown; see the details output.)')
  })

  it('heads each job when there are several', () => {
    const text = renderTextSummary(
      runResult(
        [
          jobResult('1', files(1)),
          jobResult(
            '2',
            files(1, () => true),
            { outcome: 'failed' }
          )
        ],
        { outcome: 'failed' }
      )
    )
    expect(text).toMatch(/^Job 1: success, Completed, 100 rows$/m)
    expect(text).toMatch(
      /^Job 2: failed, Failed, 0 rows \(Import job 2 failed: data\/0\.parquet: row 0: dim 512, expected 768\)$/m
    )
  })

  it('says when there are no per-file results, or no answer at all', () => {
    const text = renderTextSummary(
      runResult(
        [
          jobResult('1', []),
          {
            jobId: '2',
            outcome: 'error',
            polls: 0,
            ending: { kind: 'error', error: new ApiError('HTTP 500') }
          }
        ],
        { outcome: 'error' }
      )
    )
    expect(text).toContain('(The server reported no per-file results.)')
    expect(text).toContain('(No answer was read for this job.)')
  })

  it('cuts reasons to the terminal width, and long names from the start', () => {
    const long = files(1, () => true)
    long[0].reason = 'x'.repeat(200)
    long[0].fileName = `${'deep/'.repeat(20)}part-0.parquet`
    const text = renderTextSummary(
      runResult([jobResult('7', long, { outcome: 'failed' })], {
        outcome: 'failed'
      }),
      120
    )
    const row = text.split('\n').find((l) => l.includes('part-0.parquet'))
    expect(row).toBeDefined()
    expect(row!.length).toBe(120)
    expect(row!.startsWith('…')).toBe(true)
    expect(row!.endsWith('…')).toBe(true)
  })

  it('keeps each file on one line whatever its reason holds', () => {
    const evil = files(1, () => true)
    evil[0].fileName = 'a\u001b[31m.parquet'
    evil[0].reason = 'bad\u001b]0;title\u0007\nsecond line'
    const text = renderTextSummary(
      runResult([jobResult('7', evil, { outcome: 'failed' })], {
        outcome: 'failed'
      })
    )
    // Escape codes are made inert by the terminal runner, for every line.
    expect(text.split('\n').filter((l) => l.includes('second line'))).toEqual([
      expect.stringContaining('bad')
    ])
  })
})
