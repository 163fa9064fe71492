/**
 * Runs an action's bundle the way the GitHub runner does: every input as an
 * INPUT_<NAME> variable, the defaults from action.yml, and temporary
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files read back when it exits.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { parseOutputFile } from './output-file.js'

// Only what the runner reads of action.yml: each input's default.
const actionYml = z.object({
  inputs: z
    .record(z.string(), z.object({ default: z.unknown() }).partial().nullable())
    .default({})
})

/** The input defaults of action.yml; expressions (${{ }}) are left out. */
export function actionDefaults(text: string): Record<string, string> {
  const { inputs } = actionYml.parse(parseYaml(text))
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(inputs)) {
    const value = input?.default
    if (value === undefined || value === null) continue
    if (!String(value).includes('${{')) defaults[name] = String(value)
  }
  return defaults
}

/** The runner's name for an input's variable: upper case, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** What the runner has of one step when it ends. */
export interface StepRun {
  code: number
  outputs: Record<string, string>
  summary: string
}

/**
 * Runs `node <bundle>` with the inputs, handing each line it prints to
 * onLine. Ctrl-C is passed on: the action reports what it knows and exits.
 */
export async function runStep(
  bundle: string,
  inputs: Record<string, string>,
  options: {
    debug?: boolean
    onLine: (line: string, stream: 'stdout' | 'stderr') => void
  }
): Promise<StepRun> {
  const temp = mkdtempSync(path.join(tmpdir(), 'milvus-import-demo-'))
  const files = {
    GITHUB_OUTPUT: path.join(temp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md')
  }
  try {
    for (const file of Object.values(files)) writeFileSync(file, '')
    // Our environment, less any runner's own variables.
    const env: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)
      )
    )
    for (const [k, v] of Object.entries(inputs)) env[inputEnvName(k)] = v
    Object.assign(env, files, {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_TEMP: temp,
      ...(options.debug ? { RUNNER_DEBUG: '1' } : {})
    })
    const child = spawn(process.execPath, [bundle], {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const pipe = (input: NodeJS.ReadableStream, stream: 'stdout' | 'stderr') =>
      new Promise<void>((resolve) => {
        const lines = createInterface({ input, crlfDelay: Infinity })
        lines.on('line', (line) => options.onLine(line, stream))
        lines.on('close', resolve)
      })
    const piped = Promise.all([
      pipe(child.stdout, 'stdout'),
      pipe(child.stderr, 'stderr')
    ])
    const forward = () => void (child.exitCode === null && child.kill('SIGINT'))
    process.on('SIGINT', forward)
    const code = await new Promise<number>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', (status, signal) => resolve(status ?? (signal ? 1 : 0)))
    }).finally(() => process.off('SIGINT', forward))
    await piped
    return {
      code,
      outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')
    }
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}
