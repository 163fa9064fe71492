#!/usr/bin/env node
/**
 * `npm run local`: runs src/main.ts through GitHub's @github/local-action
 * against the bundled import-API simulator. local-action stubs @actions/core:
 * it prints the log, then the outputs the action set, and writes the job
 * summary to the GITHUB_STEP_SUMMARY file, which this script prints after.
 *
 *   node scripts/local.mjs [--scenario completed] [--keep]
 *
 * local-action exits 0 even when the action fails: read its ::error:: line.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const LOCAL_ACTION = '@github/local-action@7.0.1'
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SIMULATOR = path.join(ROOT, 'dist', 'simulator', 'index.js')
const JOB_ID = '463071155436633601'

const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'completed' },
    keep: { type: 'boolean', default: false }
  }
})

/** Asks the OS for a free TCP port on 127.0.0.1. */
async function freePort() {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  server.close()
  await once(server, 'close')
  return port
}

/** Polls the simulator's health route until it answers or time runs out. */
async function waitForHealth(base, child, ms = 10_000) {
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    if (child.exitCode !== null) break
    const ok = await fetch(`${base}/__health`).then(
      (res) => res.ok,
      () => false
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the simulator did not answer on ${base}/__health`)
}

async function main() {
  if (!existsSync(SIMULATOR)) {
    throw new Error(
      `${path.relative(ROOT, SIMULATOR)} is missing: run "npm run package" first`
    )
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'wait-for-milvus-import-'))
  const env = path.join(dir, '.env')
  const summary = path.join(dir, 'step-summary.md')
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const simulator = spawn(
    process.execPath,
    [SIMULATOR, '--scenario', args.scenario, '--port', String(port)],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }
  )
  try {
    await waitForHealth(base, simulator)
    writeFileSync(summary, '')
    // Inputs are INPUT_<NAME>, upper-cased with the hyphens kept, as the
    // runner sets them (INPUT_JOB-ID).
    writeFileSync(
      env,
      [
        `INPUT_ENDPOINT=${base}`,
        `INPUT_JOB-ID=${JOB_ID}`,
        'INPUT_POLL-INTERVAL=1s',
        'INPUT_TIMEOUT=1m',
        `GITHUB_STEP_SUMMARY=${summary}`,
        ''
      ].join('\n')
    )
    console.log(`Simulator: ${base} (scenario "${args.scenario}")`)
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
    const child = spawn(
      npx,
      ['-y', LOCAL_ACTION, 'run', '.', 'src/main.ts', env],
      {
        cwd: ROOT,
        stdio: 'inherit',
        shell: process.platform === 'win32'
      }
    )
    const [code] = await once(child, 'close')
    console.log(`\n--- Job summary (${summary}) ---\n`)
    console.log(readFileSync(summary, 'utf8').trim() || '(empty)')
    return code ?? 1
  } finally {
    simulator.kill()
    if (args.keep) console.log(`Kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    console.error(`npm run local: ${error.message}`)
    process.exitCode = 1
  }
)
