import {
  annotateFailedFiles,
  MAX_FILE_ANNOTATIONS
} from '../../src/report/annotations.js'
import { MemoryRunner } from '../helpers/memory-runner.js'
import { files, jobResult } from '../helpers/results.js'

describe('annotateFailedFiles', () => {
  it('warns once per failed file, titled with its name', () => {
    const runner = new MemoryRunner()
    annotateFailedFiles(runner, [
      jobResult(
        '7',
        files(3, (i) => i === 1),
        { outcome: 'failed' }
      )
    ])
    expect(runner.lines).toEqual([
      'warning(data/1.parquet): Import job 7: file data/1.parquet Failed: row 1: dim 512, expected 768'
    ])
  })

  it('says nothing when no file failed', () => {
    const runner = new MemoryRunner()
    annotateFailedFiles(runner, [
      jobResult('7', files(3)),
      { jobId: '8', outcome: 'error', polls: 0 }
    ])
    expect(runner.lines).toEqual([])
  })

  it(`stops at ${MAX_FILE_ANNOTATIONS} and counts the rest in one more warning`, () => {
    const runner = new MemoryRunner()
    annotateFailedFiles(runner, [
      jobResult(
        '1',
        files(6, () => true),
        { outcome: 'failed' }
      ),
      jobResult(
        '2',
        files(6, () => true),
        { outcome: 'failed' }
      )
    ])
    expect(runner.lines).toHaveLength(MAX_FILE_ANNOTATIONS + 1)
    expect(runner.lines[6]).toMatch(
      /^warning\(data\/0\.parquet\): Import job 2: /
    )
    expect(runner.lines.at(-1)).toBe(
      `warning: …and ${12 - MAX_FILE_ANNOTATIONS} more failed files; see the job summary or the details output.`
    )
  })

  it('makes a server name one inert line, and titles an unnamed file', () => {
    const runner = new MemoryRunner()
    const evil = files(2, () => true)
    evil[0].fileName = 'a\n::error::pwned.parquet'
    evil[1].fileName = ''
    annotateFailedFiles(runner, [jobResult('7', evil, { outcome: 'failed' })])
    expect(runner.lines).toHaveLength(2)
    for (const line of runner.lines) expect(line).not.toContain('\n')
    expect(runner.lines[1]).toMatch(/^warning\(file\): /)
  })
})
