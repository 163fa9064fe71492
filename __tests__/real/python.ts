/**
 * The real tier's link to Python: the venvs `npm run test:real` installed,
 * the driver scripts in scripts/real/, and the facts file the runner prints.
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export type Venv = 'grpc' | 'rest-v2' | 'zilliz-v1'

export const SCRIPTS = path.resolve('scripts/real')

/** The bundle under test: the runner's copy of dist/, or dist/ itself. */
export const DIST_DIR = path.resolve(process.env.WFMI_REAL_DIST ?? 'dist')

/** The venv's python, from the runner; throws when run outside it. */
export function pythonOf(venv: Venv): string {
  const raw = process.env.WFMI_REAL_PYTHONS
  if (!raw) {
    throw new Error(
      'The real tier runs through `npm run test:real`, which installs its Python venvs.'
    )
  }
  const python = (JSON.parse(raw) as Record<string, string>)[venv]
  if (!python) throw new Error(`No venv "${venv}" was installed.`)
  return python
}

/** Runs scripts/real/<script> in a venv and parses its last stdout line as JSON. */
export function runPython<T>(
  venv: Venv,
  script: string,
  args: string[],
  timeoutMs = 120_000
): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      pythonOf(venv),
      [path.join(SCRIPTS, script), ...args],
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const last = stdout.trim().split('\n').pop() ?? ''
        if (error) {
          reject(
            new Error(
              `${script} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`
            )
          )
          return
        }
        try {
          resolve(JSON.parse(last) as T)
        } catch {
          reject(new Error(`${script} printed no JSON:\n${stdout}\n${stderr}`))
        }
      }
    )
  })
}

/** Adds figures to the facts file the runner prints at the end. */
export function recordFacts(facts: Record<string, string>): void {
  const file = process.env.WFMI_REAL_FACTS
  if (!file) return
  const old = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)
    : {}
  writeFileSync(file, JSON.stringify({ ...old, ...facts }, null, 2))
}
