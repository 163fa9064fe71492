#!/usr/bin/env node
/**
 * `npm run local`: runs src/main.ts through @github/local-action against the
 * bundled import-API simulator, then checks the outputs the action wrote.
 *
 *   node scripts/local.mjs [--scenario completed] [--expect-outcome success]
 *                          [--expect-rows 20000] [--keep]
 *
 * local-action exits 0 even when the action fails, and this action writes its
 * outputs to $GITHUB_OUTPUT itself (it does not go through @actions/core, so
 * local-action's "Action Outputs" table stays empty). So this script gives
 * the action its own $GITHUB_OUTPUT file, reads it back, and sets the exit
 * code from what it finds there.
 */
import { spawn } from 'node:child_process'
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
    'expect-outcome': { type: 'string', default: 'success' },
    // Rows the simulator's "completed" scenario imports.
    'expect-rows': { type: 'string', default: '20000' },
    keep: { type: 'boolean', default: false }
  }
})

/** Asks the OS for a free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Polls the simulator's health route until it answers or time runs out. */
async function waitForHealth(base, child, ms = 10_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the simulator exited with code ${child.exitCode}`)
    }
    try {
      const res = await fetch(`${base}/__health`)
      if (res.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the simulator did not answer on ${base}/__health`)
}

/** Parses a $GITHUB_OUTPUT file (name=value and name<<DELIMITER forms). */
function readOutputs(file) {
  const outputs = {}
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8').split(/\r?\n/)
    : []
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i])
      outputs[name] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}

/** Runs a command, echoing its output, and resolves with exit code and text. */
function run(command, commandArgs, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32'
    })
    let text = ''
    child.stdout.on('data', (chunk) => {
      text += chunk
      process.stdout.write(chunk)
    })
    child.stderr.on('data', (chunk) => {
      text += chunk
      process.stderr.write(chunk)
    })
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, text }))
  })
}

/** Starts the simulator, runs the action through local-action, checks it. */
async function main() {
  if (!existsSync(SIMULATOR)) {
    console.error(
      `${path.relative(ROOT, SIMULATOR)} is missing. Run "npm run package" first.`
    )
    return 1
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'wait-for-milvus-import-'))
  const files = {
    env: path.join(dir, '.env'),
    output: path.join(dir, 'github-output'),
    summary: path.join(dir, 'step-summary.md')
  }
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const simulator = spawn(
    process.execPath,
    [SIMULATOR, '--scenario', args.scenario, '--port', String(port)],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }
  )
  // Kept quiet unless it fails to start.
  let simulatorLog = ''
  simulator.stderr.on('data', (chunk) => (simulatorLog += chunk))

  try {
    await waitForHealth(base, simulator).catch((error) => {
      throw new Error(`${error.message}\n${simulatorLog}`.trim())
    })
    writeFileSync(files.output, '')
    writeFileSync(files.summary, '')
    // The runner names inputs INPUT_<NAME> upper-cased with hyphens kept
    // (INPUT_JOB-ID); local-action and this action read that same form.
    writeFileSync(
      files.env,
      [
        `INPUT_ENDPOINT=${base}`,
        `INPUT_JOB-ID=${JOB_ID}`,
        'INPUT_POLL-INTERVAL=1s',
        'INPUT_TIMEOUT=1m',
        `GITHUB_OUTPUT=${files.output}`,
        `GITHUB_STEP_SUMMARY=${files.summary}`,
        ''
      ].join('\n')
    )

    console.log(`Simulator: ${base} (scenario "${args.scenario}")`)
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
    const { code, text } = await run(
      npx,
      ['-y', LOCAL_ACTION, 'run', '.', 'src/main.ts', files.env],
      { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } }
    )

    const outputs = readOutputs(files.output)
    const summary = readFileSync(files.summary, 'utf8').trim()
    const errors = text.split(/\r?\n/).filter((l) => l.startsWith('::error'))

    console.log('\n--- Outputs ($GITHUB_OUTPUT) ---')
    for (const [name, value] of Object.entries(outputs)) {
      const short = value.length > 100 ? `${value.slice(0, 99)}…` : value
      console.log(`${name}=${short}`)
    }
    if (summary) console.log(`\n--- Job summary ---\n${summary}`)

    const problems = []
    if (code !== 0 && args['expect-outcome'] === 'success') {
      problems.push(`local-action exited with code ${code}`)
    }
    if (outputs.outcome !== args['expect-outcome']) {
      problems.push(
        `outcome is "${outputs.outcome ?? '(not set)'}", expected "${args['expect-outcome']}"`
      )
    }
    if (
      args['expect-outcome'] === 'success' &&
      outputs.importedRows !== args['expect-rows']
    ) {
      problems.push(
        `importedRows is "${outputs.importedRows ?? '(not set)'}", expected "${args['expect-rows']}"`
      )
    }

    console.log('')
    if (problems.length === 0) {
      console.log(
        `OK: outcome=${outputs.outcome}, importedRows=${outputs.importedRows}`
      )
      return 0
    }
    for (const line of errors) console.error(`Action reported: ${line}`)
    for (const problem of problems) console.error(`FAILED: ${problem}`)
    return 1
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
