/**
 * GitHubRunner through what the GitHub runner reads: stdout (workflow
 * commands), the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the exit
 * code. A whole run() goes through it at the end.
 */
import { jest } from '@jest/globals'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { run } from '../../src/main.js'
import { GitHubRunner } from '../../src/runner/github.js'
import { rememberSecret } from '../../src/secrets.js'
import { startSimulator } from '../../simulator/server.js'
import { parseOutputFile } from '../../simulator/output-file.js'
import { VirtualClock } from '../helpers/fake-clock.js'

const KEY = 'sk-github-runner-7c6b5a'

let dir: string
let stdout: string
// @actions/core reads GITHUB_STEP_SUMMARY once per process, as on a runner,
// so every test here writes the summary to this one path.
const summaryDir = mkdtempSync(path.join(tmpdir(), 'wfmi-gh-summary-'))
const summaryPath = path.join(summaryDir, 'summary')
let savedEnv: NodeJS.ProcessEnv
let savedExitCode: typeof process.exitCode

const outputFile = () => path.join(dir, 'output')
const summaryFile = () => summaryPath
const outputs = () => parseOutputFile(readFileSync(outputFile(), 'utf8'))
const summary = () => readFileSync(summaryFile(), 'utf8')
const lines = () => stdout.split(/\r?\n/).filter(Boolean)
/** Waits for the runner's summary write, which may finish after the call. */
const written = (runner: GitHubRunner) =>
  (runner as { summaryWritten?: () => Promise<boolean> }).summaryWritten?.()

beforeEach(() => {
  savedEnv = { ...process.env }
  savedExitCode = process.exitCode
  dir = mkdtempSync(path.join(tmpdir(), 'wfmi-gh-'))
  writeFileSync(outputFile(), '')
  rmSync(summaryPath, { recursive: true, force: true })
  writeFileSync(summaryPath, '')
  process.env.GITHUB_OUTPUT = outputFile()
  process.env.GITHUB_STEP_SUMMARY = summaryFile()
  stdout = ''
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk)
    return true
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = savedEnv
  process.exitCode = savedExitCode
  rmSync(dir, { recursive: true, force: true })
})

afterAll(() => rmSync(summaryDir, { recursive: true, force: true }))

describe('GitHubRunner', () => {
  it('reads INPUT_* variables by action.yml name, trimmed', () => {
    process.env['INPUT_JOB-ID'] = '  463071155436633601 \n'
    process.env['INPUT_POLL-INTERVAL'] = '10s'
    const runner = new GitHubRunner()
    expect(runner.getInput('job-id')).toBe('463071155436633601')
    expect(runner.getInput('poll-interval')).toBe('10s')
    expect(runner.getInput('db-name')).toBe('')
  })

  it('writes outputs to GITHUB_OUTPUT, multi-line values intact', () => {
    const runner = new GitHubRunner()
    runner.setOutput('outcome', 'success')
    runner.setOutput('reason', 'line one\nline two')
    runner.setOutput('details', '[{"fileName":"a<<b"}]')
    expect(outputs()).toEqual({
      outcome: 'success',
      reason: 'line one\nline two',
      details: '[{"fileName":"a<<b"}]'
    })
    expect(stdout).toBe('')
  })

  it('keeps a remembered secret out of outputs, the summary and the log', async () => {
    rememberSecret(KEY)
    const runner = new GitHubRunner()
    runner.setOutput('reason', `rejected ${KEY}`)
    runner.writeSummary(`| key | ${KEY} |`)
    await written(runner)
    expect(await runner.summaryWritten()).toBe(true)
    runner.info(`echoed ${KEY}`)
    runner.error(`echoed ${KEY} again`)
    expect(outputs().reason).toBe('rejected ***')
    expect(summary()).toContain('| key | *** |')
    expect(
      `${stdout}${summary()}${readFileSync(outputFile(), 'utf8')}`
    ).not.toContain(KEY)
  })

  it('masks a secret with ::add-mask::', () => {
    new GitHubRunner().setSecret('root:pw-1')
    expect(lines()).toEqual(['::add-mask::root:pw-1'])
  })

  it('prints log lines and workflow commands, escaped so text cannot break out', () => {
    const runner = new GitHubRunner()
    runner.info('Waiting for import job 7')
    runner.debug('raw body')
    runner.startGroup('Import job 7')
    runner.endGroup()
    runner.warning('100% done\nnext line', { title: 'data/a:b,c.parquet' })
    runner.error('plain error')
    expect(lines()).toEqual([
      'Waiting for import job 7',
      '::debug::raw body',
      '::group::Import job 7',
      '::endgroup::',
      '::warning title=data/a%3Ab%2Cc.parquet::100%25 done%0Anext line',
      '::error::plain error'
    ])
  })

  it('appends markdown to GITHUB_STEP_SUMMARY', async () => {
    const runner = new GitHubRunner()
    expect(runner.writeSummary('## ✅ Milvus import completed')).toBe(true)
    expect(runner.writeSummary('| a | b |')).toBe(true)
    expect(await runner.summaryWritten()).toBe(true)
    expect(summary()).toMatch(
      /^## ✅ Milvus import completed\n+\| a \| b \|\n?$/
    )
  })

  it('warns instead of failing when GITHUB_STEP_SUMMARY is not set', () => {
    delete process.env.GITHUB_STEP_SUMMARY
    const runner = new GitHubRunner()
    expect(runner.writeSummary('## x')).toBe(false)
    expect(lines()).toEqual([
      expect.stringMatching(
        /^::warning::GITHUB_STEP_SUMMARY is not set, so no job summary was written\./
      )
    ])
  })

  it('warns when the summary file cannot be written', async () => {
    rmSync(summaryPath)
    mkdirSync(summaryPath)
    const runner = new GitHubRunner()
    runner.writeSummary('## x')
    expect(await runner.summaryWritten()).toBe(false)
    expect(lines()).toEqual([
      expect.stringMatching(
        /^::warning::Could not write the job summary.*EISDIR/
      )
    ])
  })

  it('prints ::set-output:: when GITHUB_OUTPUT is not set', () => {
    delete process.env.GITHUB_OUTPUT
    new GitHubRunner().setOutput('jobId', '7')
    expect(lines()).toEqual(['::set-output name=jobId::7'])
  })

  it('fails the step: one ::error:: line and exit code 1', () => {
    process.exitCode = undefined
    new GitHubRunner().setFailed('Import job 7 failed: bad row')
    expect(lines()).toEqual(['::error::Import job 7 failed: bad row'])
    expect(process.exitCode).toBe(1)
  })
})

describe('run() on the GitHub runner', () => {
  it('reads INPUT_* and writes the outputs file, the summary file and the log', async () => {
    const clock = new VirtualClock()
    const sim = await startSimulator({
      apiKey: KEY,
      now: () => clock.now(),
      jobs: [{ jobId: '7', polls: 2, files: [{ name: 'a.parquet', rows: 5 }] }]
    })
    try {
      process.exitCode = undefined
      process.env['INPUT_JOB-ID'] = '7'
      process.env.INPUT_ENDPOINT = sim.url
      process.env['INPUT_API-KEY'] = KEY
      process.env['INPUT_POLL-INTERVAL'] = '1s'
      const runner = new GitHubRunner()
      const result = await run({ clock, runner })
      await runner.summaryWritten()
      expect(result?.outcome).toBe('success')
      expect(process.exitCode).toBeUndefined()
      expect(outputs()).toMatchObject({
        outcome: 'success',
        state: 'Completed',
        importedRows: '5',
        jobId: '7'
      })
      expect(summary()).toContain('## ✅ Milvus import completed')
      expect(lines()[0]).toBe(`::add-mask::${KEY}`)
      expect(lines()).toContain('::group::Import job 7')
      expect(lines().at(-1)).toMatch(/^Import completed: 5 rows in 1s\.$/)
      expect(stdout.replace(`::add-mask::${KEY}`, '')).not.toContain(KEY)
    } finally {
      await sim.close()
    }
  })

  it('fails with one line, never a stack, when GITHUB_OUTPUT is a directory', async () => {
    const clock = new VirtualClock()
    const sim = await startSimulator({
      now: () => clock.now(),
      jobs: [{ jobId: '7' }]
    })
    try {
      process.exitCode = undefined
      process.env.GITHUB_OUTPUT = dir
      process.env['INPUT_JOB-ID'] = '7'
      process.env.INPUT_ENDPOINT = sim.url
      expect(await run({ clock })).toBeUndefined()
      expect(process.exitCode).toBe(1)
      const errors = lines().filter((l) => l.startsWith('::error'))
      // The message itself (EISDIR) is checked on the bundle: a Node error
      // from outside jest's realm is not instanceof Error in here.
      expect(errors).toEqual([
        expect.stringMatching(/^::error::Unexpected error: /)
      ])
      expect(stdout).not.toMatch(/\n\s+at /)
    } finally {
      await sim.close()
    }
  })
})
