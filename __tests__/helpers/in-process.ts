/**
 * Runs the action's run() inside the test process, as the bundle would but
 * without a child process: inputs through a MemoryRunner, time from a
 * VirtualClock shared with the simulator, and real HTTP to the simulator on
 * 127.0.0.1. Only the clock is not real.
 */
import type { Clock } from '../../src/clock.js'
import { run, type RunDeps } from '../../src/main.js'
import type { RunResult } from '../../src/report/result.js'
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions
} from '../../simulator/server.js'
import { FakeClock, VirtualClock } from './fake-clock.js'
import { MemoryRunner } from './memory-runner.js'

/** What a user sees of one in-process run. */
export interface InProcessRun {
  result: RunResult | undefined
  /** What the process would exit with: 1 once the step was failed. */
  exitCode: 0 | 1
  outputs: Record<string, string>
  summary: string
  /** Every log line, as MemoryRunner writes them ("warning: …", "error: …"). */
  lines: string[]
  /** The step's failure lines (setFailed and error annotations). */
  errors: string[]
  warnings: string[]
  /** Values run() asked the runner to mask. */
  secrets: string[]
  /** Log, outputs and summary together, for leak checks. */
  everything: string
  /** Milliseconds the run took on its clock. */
  elapsedMs: number
}

/** What an in-process run may be given besides the inputs. */
export type InProcessDeps = Omit<RunDeps, 'runner' | 'clock'> & {
  /** Default a new VirtualClock. */
  clock?: Clock
  /** Cancels the step, as the runner's SIGINT would, once a line matches. */
  abortOn?: RegExp
}

/** Runs run() once with these action inputs (action.yml names). */
export async function runInProcess(
  inputs: Record<string, string>,
  { abortOn, ...deps }: InProcessDeps = {}
): Promise<InProcessRun> {
  const clock = deps.clock ?? new VirtualClock()
  const runner = new MemoryRunner(inputs)
  let signal = deps.signal
  if (abortOn) {
    const controller = new AbortController()
    signal = controller.signal
    const info = runner.info.bind(runner)
    runner.info = (message) => {
      info(message)
      if (abortOn.test(message)) controller.abort('SIGINT')
    }
  }
  const startedAt = clock.now()
  const result = await run({ ...deps, signal, runner, clock })
  return {
    result,
    exitCode: runner.failed === undefined ? 0 : 1,
    outputs: runner.outputs,
    summary: runner.summary,
    lines: runner.lines,
    errors: runner.lines.filter((l) => /^error(\(.*?\))?: /.test(l)),
    warnings: runner.lines.filter((l) => /^warning(\(.*?\))?: /.test(l)),
    secrets: runner.secrets,
    everything: runner.everything(),
    elapsedMs: clock.now() - startedAt
  }
}

/** A simulator and the virtual clock it and run() share. */
export interface Harness {
  sim: Simulator
  clock: VirtualClock
  /** Runs run() against the simulator; endpoint defaults to its URL. */
  run(
    inputs: Record<string, string>,
    deps?: Omit<InProcessDeps, 'clock'>
  ): Promise<InProcessRun>
  close(): Promise<void>
}

/** Starts a simulator on the virtual clock, ready for in-process runs. */
export async function startHarness(
  options: SimulatorOptions = {}
): Promise<Harness> {
  const clock = new VirtualClock()
  const sim = await startSimulator({ ...options, now: () => clock.now() })
  return {
    sim,
    clock,
    run: (inputs, deps = {}) =>
      runInProcess({ endpoint: sim.url, ...inputs }, { ...deps, clock }),
    close: () => sim.close()
  }
}

const IMPORT = '/v2/vectordb/jobs/import/'

/** The v2 import actions the simulator received, in order (create, ...). */
export function actions(sim: Simulator): string[] {
  return sim.requests.map((r) => r.path.replace(IMPORT, ''))
}

/** The JSON bodies sent to one v2 import action. */
export function bodies(
  sim: Simulator,
  action: string
): Record<string, unknown>[] {
  return sim.requests
    .filter((r) => r.path === IMPORT + action)
    .map((r) => JSON.parse(r.body) as Record<string, unknown>)
}

/**
 * Runs run() in-process over real HTTP against the simulator, with a fake
 * clock (sleeps return at once) and a memory runner.
 */
export async function runAgainst(
  sim: Simulator,
  inputs: Record<string, string>,
  deps: Partial<Parameters<typeof run>[0]> = {}
): Promise<{ runner: MemoryRunner; result: RunResult | undefined }> {
  const runner = new MemoryRunner({
    endpoint: sim.url,
    'poll-interval': '1s',
    timeout: '5m',
    ...inputs
  })
  const result = await run({ runner, clock: new FakeClock(), ...deps })
  return { runner, result }
}
