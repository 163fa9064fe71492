/**
 * The one $GITHUB_OUTPUT reader, against files written the way the runner's
 * two formats are: @actions/core's `name<<delimiter` blocks and `name=value`.
 */
import * as core from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseOutputFile } from '../../simulator/output-file.js'

describe('parseOutputFile', () => {
  it('reads delimiter blocks, keeping empty and multi-line values', () => {
    const file =
      'state<<ghadelimiter_1\nFailed\nghadelimiter_1\n' +
      'reason<<ghadelimiter_2\nline one\nline two\nghadelimiter_2\n' +
      'empty<<ghadelimiter_3\n\nghadelimiter_3\n'
    expect(parseOutputFile(file)).toEqual({
      state: 'Failed',
      reason: 'line one\nline two',
      empty: ''
    })
  })

  it('reads back what @actions/core setOutput writes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'output-file-'))
    const file = path.join(dir, 'output')
    writeFileSync(file, '')
    const saved = process.env.GITHUB_OUTPUT
    process.env.GITHUB_OUTPUT = file
    try {
      core.setOutput('reason', 'line one\nline two')
      core.setOutput('details', [{ jobId: '1', rows: 10 }])
      core.setOutput('empty', '')
      expect(parseOutputFile(readFileSync(file, 'utf8'))).toEqual({
        reason: 'line one\nline two',
        details: '[{"jobId":"1","rows":10}]',
        empty: ''
      })
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT
      else process.env.GITHUB_OUTPUT = saved
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reads name=value lines and CRLF files, the last value winning', () => {
    expect(
      parseOutputFile('a=1\r\nexpr=x<<y=z\r\n\r\na<<EOF\r\n2\r\nEOF\r\n')
    ).toEqual({ a: '2', expr: 'x<<y=z' })
  })

  it('keeps a value that contains the delimiter inside a line', () => {
    expect(parseOutputFile('j<<D\n{"k":"D"} D\nD\n')).toEqual({
      j: '{"k":"D"} D'
    })
  })

  it('reads an empty file as no outputs', () => {
    expect(parseOutputFile('')).toEqual({})
  })

  it('rejects an unclosed block, as the runner does', () => {
    expect(() => parseOutputFile('state<<EOF\nFailed\n')).toThrow(
      'GITHUB_OUTPUT: no closing "EOF" for output "state"'
    )
  })

  it('rejects a line in neither format', () => {
    expect(() => parseOutputFile('a=1\njust text\n')).toThrow(
      'GITHUB_OUTPUT: cannot read line 2: just text'
    )
  })
})
