/**
 * Smoke tests of the bundle: `node dist/index.js` run as the GitHub runner
 * runs it (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files)
 * against the simulator on 127.0.0.1. The behaviour itself is tested
 * in-process (main.test.ts and the rest); these guard the bundle.
 */
import { startSimulator, type Simulator } from '../simulator/server.js'
import { errorLines, runAction } from './helpers/action.js'

const JOB = '463071155436633601'
const KEY = 'sk-dist-5ecret-api-key-0042'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

const inputs = (extra: Record<string, string> = {}) => ({
  'job-id': JOB,
  endpoint: sim!.url,
  'api-key': KEY,
  'poll-interval': '1s',
  timeout: '30s',
  ...extra
})

describe('dist/index.js', () => {
  it('passes a Completed job: exit 0, outputs file, summary file, key masked', async () => {
    sim = await startSimulator({
      apiKey: KEY,
      jobs: [{ jobId: JOB, files: [{ name: 'data/1.parquet', rows: 12_000 }] }]
    })
    const run = await runAction(inputs())
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      state: 'Completed',
      importedRows: '12000',
      jobId: JOB,
      reason: ''
    })
    expect(run.summary).toContain('## ✅ Milvus import completed')
    expect(run.stdout).toContain('Import completed: 12,000 rows')
    expect(run.stdout).toContain(`::add-mask::${KEY}`)
    expect(run.everything.replace(`::add-mask::${KEY}`, '')).not.toContain(KEY)
    expect(run.stderr).toBe('')
  })

  it('fails a Failed import: exit 1, one ::error:: line, no stack trace', async () => {
    sim = await startSimulator({
      apiKey: KEY,
      jobs: [
        {
          jobId: JOB,
          files: [
            {
              name: 'data/1.parquet',
              rows: 10,
              failReason: 'dim 512, expected 768'
            }
          ]
        }
      ]
    })
    const run = await runAction(inputs())
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failed')
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::Import job ${JOB} failed: .*dim 512, expected 768`
        )
      )
    ])
    expect(run.stdout).toContain('::warning title=data/1.parquet::')
    expect(run.summary).toContain('## ❌ Milvus import failed')
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/\n\s+at /)
  })

  it('stops on SIGINT from the runner and reports the job as cancelled', async () => {
    sim = await startSimulator({
      apiKey: KEY,
      jobs: [{ jobId: JOB, durationMs: 3_600_000 }]
    })
    const run = await runAction(inputs({ timeout: '60s' }), {
      signal: {
        name: 'SIGINT',
        whenStdout: new RegExp(`^${JOB} \\w+ \\d+%`, 'm')
      }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('cancelled')
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        /^::error::The step was cancelled; it was \w+ at \d+%25\./
      )
    ])
    expect(run.summary).toContain(
      '## ⚠️ Waiting for the Milvus import was cancelled'
    )
    // The import goes on: nothing asked the server to stop it.
    expect(sim.requests.map((r) => r.path)).toEqual([
      '/v2/vectordb/jobs/import/describe'
    ])
  })
})
