/**
 * Packs the package as `npm publish` would, installs the tarball into an
 * empty folder with no registry to reach, and runs the installed command
 * through npx against the simulator shipped in the same package: what a
 * user of `npx wait-for-milvus-import` gets.
 */
import { execFile, spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { DEMO_JOB_ID } from '../simulator/scenarios.js'

const run = promisify(execFile)
const NAME = 'wait-for-milvus-import'
const PACKAGE_FILES = ['package.json', 'action.yml', 'README.md', 'LICENSE']

let dir = ''
let app = ''
let packed: { filename: string; files: { path: string }[] }

// Nothing may come from a registry or a warm cache: a dead port and an
// empty cache folder, with --offline on top.
const npmEnv = () => ({
  ...process.env,
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_cache: path.join(dir, 'cache'),
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false'
})

/** Bytes of every file under root. */
function bytes(root: string): number {
  let total = 0
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name)
    if (entry.isDirectory()) total += bytes(full)
    else if (entry.isFile()) total += statSync(full).size
  }
  return total
}

/** Runs the installed command with npx in the app folder. */
async function npx(args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', [NAME, ...args], {
      cwd: app,
      env: npmEnv(),
      timeout: 60_000
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}

/** Starts the packaged simulator; resolves with its URL. */
function startPackagedSimulator(scenario: string) {
  const child = spawn(
    process.execPath,
    [
      path.join(app, 'node_modules', NAME, 'dist/simulator/index.js'),
      '--scenario',
      scenario,
      '--port',
      '0'
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const url = new Promise<string>((resolve, reject) => {
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const found = /listening on (http:\/\/\S+)/.exec(text)
      if (found) resolve(found[1])
    })
    child.on('exit', (code) => reject(new Error(`simulator exited ${code}`)))
  })
  return { child, url }
}

beforeAll(async () => {
  if (!existsSync('dist/cli.js'))
    throw new Error('dist/cli.js is missing: build it with npm run package.')
  dir = mkdtempSync(path.join(tmpdir(), 'pack-'))
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', dir],
    { env: npmEnv(), maxBuffer: 16 * 1024 * 1024 }
  )
  ;[packed] = JSON.parse(stdout) as (typeof packed)[]
  app = path.join(dir, 'app')
  mkdirSync(app)
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'empty-project', private: true })
  )
  await run(
    'npm',
    ['install', '--ignore-scripts', path.join(dir, packed.filename)],
    { cwd: app, env: npmEnv(), timeout: 60_000 }
  )
}, 120_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('the npm package', () => {
  it('holds dist/ and the package files, nothing else', () => {
    const outside = packed.files
      .map((f) => f.path)
      .filter((p) => !p.startsWith('dist/') && !PACKAGE_FILES.includes(p))
    expect(outside).toEqual([])
    expect(packed.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        ...PACKAGE_FILES,
        'dist/cli.js',
        'dist/index.js',
        'dist/simulator/index.js'
      ])
    )
  })

  it('installs offline as one package, at about the size of dist/', () => {
    const modules = path.join(app, 'node_modules')
    const installed = readdirSync(modules).filter((n) => !n.startsWith('.'))
    expect(installed).toEqual([NAME])
    const ratio = bytes(modules) / bytes('dist')
    // dist/ plus README, action.yml, LICENSE and package.json: a few percent.
    expect(ratio).toBeGreaterThanOrEqual(1)
    expect(ratio).toBeLessThan(1.05)
  })

  it('runs with npx: --help and -V', async () => {
    const help = await npx(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(new RegExp(`^Usage: ${NAME} `))

    const version = await npx(['-V'])
    expect(version).toMatchObject({ code: 0, stderr: '' })
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  it('waits for an import on the packaged simulator and exits 0', async () => {
    const sim = startPackagedSimulator('completed')
    try {
      const url = await sim.url
      const { code, stdout } = await npx([
        '--endpoint',
        url,
        '--job-id',
        DEMO_JOB_ID,
        '--poll-interval',
        '1s',
        '--timeout',
        '30s',
        '--json'
      ])
      expect(code).toBe(0)
      expect(JSON.parse(stdout)).toMatchObject({
        outcome: 'success',
        state: 'Completed',
        jobId: DEMO_JOB_ID,
        importedRows: '20000'
      })
    } finally {
      sim.child.kill('SIGTERM')
    }
  }, 60_000)
})
