/**
 * Smoke tests of the bundle's first milliseconds: `node dist/index.js` run
 * as the runner runs it. A cancel that comes while the action loads must end
 * the step as cancelled, and a stack trace in the debug log must point at
 * src/. Set ACTION_BUNDLE to test a bundle other than dist/index.js.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startSimulator, type Simulator } from '../simulator/server.js'
import { DIST, errorLines, runAction } from './helpers/action.js'

const BUNDLE = path.resolve(process.env.ACTION_BUNDLE ?? DIST)
const PRELOAD = path.resolve('__tests__/helpers/signal-on-load.mjs')
const JOB = '463071155436633601'
const KEY = 'sk-startup-5ecret-api-key-0042'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

/** A stack frame's location in this tree: /abs/path/src/x.ts:12. */
const inTree = (file: string) =>
  new RegExp(
    `${path.resolve(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`
  )

const inputs = () => ({
  'job-id': JOB,
  endpoint: sim!.url,
  'api-key': KEY,
  'poll-interval': '1s',
  timeout: '30s'
})

describe('dist/index.js at start-up', () => {
  it.each<NodeJS.Signals>(['SIGTERM', 'SIGINT'])(
    'a %s before the action has loaded ends the step as cancelled',
    async (name) => {
      sim = await startSimulator({
        apiKey: KEY,
        jobs: [{ jobId: JOB, durationMs: 3_600_000 }]
      })
      // The signal comes as Node starts to read the bundle's second file:
      // the earliest moment any JavaScript can listen (see the preload).
      const run = await runAction(inputs(), {
        script: BUNDLE,
        nodeArgs: ['--import', PRELOAD],
        env: { SIGNAL_ON_LOAD: name }
      })
      expect(run.signal).toBeNull()
      expect(run.exitCode).toBe(1)
      expect(run.outputs.outcome).toBe('cancelled')
      expect(errorLines(run)).toEqual([
        expect.stringMatching(/^::error::The step was cancelled/)
      ])
      expect(run.summary).toContain(
        '## ⚠️ Waiting for the Milvus import was cancelled'
      )
    }
  )

  it('maps a stack trace in the debug log to src/', async () => {
    sim = await startSimulator({
      apiKey: KEY,
      jobs: [{ jobId: JOB, files: [{ name: 'data/1.parquet', rows: 10 }] }]
    })
    // An outputs "file" that is a directory: writing it throws, and the
    // stack goes to the debug log.
    const dir = mkdtempSync(path.join(tmpdir(), 'wfmi-outputs-'))
    try {
      const run = await runAction(inputs(), {
        script: BUNDLE,
        env: { GITHUB_OUTPUT: dir, RUNNER_DEBUG: '1' }
      })
      expect(run.exitCode).toBe(1)
      const stack = run.stdout
        .split('\n')
        .find((l) => l.startsWith('::debug::Error: EISDIR'))
        ?.split('%0A')
      // A frame of ours names its .ts file in this tree, with a line.
      for (const file of ['src/runner/github.ts', 'src/main.ts'])
        expect(stack).toContainEqual(expect.stringMatching(inTree(file)))
      expect(stack?.join('\n')).not.toMatch(/index\.js:\d+/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
