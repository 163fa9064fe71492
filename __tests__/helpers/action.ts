import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseOutputFile } from '../../simulator/output-file.js'

/** What a user sees of one run of the bundled action. */
export interface ActionRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  durationMs: number
  /** stdout, stderr, outputs and summary together, for leak checks. */
  everything: string
}

export const DIST = path.resolve('dist/index.js')

/**
 * Runs `node dist/index.js` as the GitHub runner does: INPUT_* variables
 * (upper-cased, hyphens kept) and temp files for GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY. Optionally sends a signal after some output appears.
 */
export async function runAction(
  inputs: Record<string, string>,
  options: {
    env?: Record<string, string | undefined>
    signal?: { name: NodeJS.Signals; whenStdout: RegExp }
    script?: string
    /** Node options before the script, such as --import of a preload. */
    nodeArgs?: string[]
  } = {}
): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wfmi-'))
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile
  }
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  Object.assign(env, options.env)
  for (const key of Object.keys(env))
    if (env[key] === undefined) delete env[key]

  const started = Date.now()
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), options.script ?? DIST],
    {
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stdout = ''
  let stderr = ''
  let signalled = false
  child.stdout.on('data', (chunk) => {
    stdout += chunk
    if (
      options.signal &&
      !signalled &&
      options.signal.whenStdout.test(stdout)
    ) {
      signalled = true
      child.kill(options.signal.name)
    }
  })
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const [exitCode, signal] = await new Promise<
    [number | null, NodeJS.Signals | null]
  >((resolve) => child.on('close', (code, sig) => resolve([code, sig])))
  const durationMs = Date.now() - started
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
  const summary = readFileSync(summaryFile, 'utf8')
  rmSync(dir, { recursive: true, force: true })
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs,
    summary,
    durationMs,
    everything: [stdout, stderr, JSON.stringify(outputs), summary].join('\n')
  }
}

/** The ::error:: lines a run printed. */
export function errorLines(run: ActionRun): string[] {
  return run.stdout.split(/\r?\n/).filter((l) => l.startsWith('::error'))
}
