/**
 * The bundled action and CLI (dist/) starting a gated import against the
 * simulator, as the runner and a terminal run them: exit code, error line,
 * outputs, a real SIGTERM.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { scenarioInputs, scenarios } from '../../simulator/scenarios.js'
import { startSimulator, type Simulator } from '../../simulator/server.js'
import { errorLines, runAction } from '../helpers/action.js'
import { bodies } from '../helpers/in-process.js'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

describe('the bundle, starting a gated import', () => {
  it('aborts the demo scenario whose file came up short', async () => {
    sim = await startSimulator(scenarios['gated-short']({ timeScale: 0.25 }))
    const run = await runAction({
      ...scenarioInputs['gated-short'],
      endpoint: sim.url,
      'poll-interval': '1s'
    })
    const jobId = run.outputs.jobId
    expect(run.exitCode).toBe(1)
    expect(errorLines(run)).toEqual([
      `::error::Aborted import job ${jobId}: imported 9,800 rows, expected 10,000 (expected-rows). The data was discarded and never became visible.`
    ])
    expect(run.outputs).toMatchObject({ committed: 'false', outcome: 'failed' })
    expect(bodies(sim, 'abort')).toEqual([{ jobId }])
  })

  it('aborts the job on SIGTERM before it is committed', async () => {
    sim = await startSimulator({ created: { durationMs: 600_000 } })
    const run = await runAction(
      {
        endpoint: sim.url,
        'collection-name': 'articles',
        files: 'data/1.parquet',
        commit: 'gated',
        'poll-interval': '1s'
      },
      // After the first poll is logged, so the error line can say what it saw.
      { signal: { name: 'SIGTERM', whenStdout: /^\d+ Pending 0%/m } }
    )
    const jobId = run.outputs.jobId
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'cancelled',
      committed: 'false'
    })
    expect(errorLines(run)[0]).toMatch(
      /^::error::The step was cancelled before the import was committed; \d+ \(it was Pending at 0%25\): aborted it/
    )
    expect(bodies(sim, 'abort')).toEqual([{ jobId }])
  })

  it('takes the start inputs as CLI flags', async () => {
    sim = await startSimulator({
      objects: { 'a.parquet': { rows: 10 }, 'b.parquet': { rows: 5 } }
    })
    const failure = await promisify(execFile)(process.execPath, [
      path.resolve('dist/cli.js'),
      '--endpoint',
      sim.url,
      '--collection-name',
      'c',
      '--files',
      'a.parquet',
      '--files',
      'b.parquet',
      '--commit',
      'gated',
      '--min-rows',
      '20',
      '--poll-interval',
      '1s'
    ]).catch((error: { code: number; stderr: string }) => error)
    expect('code' in failure && failure.code).toBe(1)
    expect(bodies(sim, 'create')[0]).toMatchObject({
      files: [['a.parquet'], ['b.parquet']],
      options: { auto_commit: 'false' }
    })
    expect(bodies(sim, 'abort')).toHaveLength(1)
    expect((failure as { stderr: string }).stderr).toMatch(
      /Aborted import job \d+: imported 15 rows, expected at least 20 \(min-rows\)/
    )
  })
})
