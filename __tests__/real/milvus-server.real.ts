/**
 * The bundled action and the CLI against a real Milvus: embedded Milvus from
 * PyPI (a full standalone binary, embedded etcd, local storage) and real bulk
 * inserts made with pymilvus. Nothing here is simulated.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { errorLines, runAction } from '../helpers/action.js'
import {
  DIST_DIR,
  SCRIPTS,
  pythonOf,
  recordFacts,
  runPython
} from './python.js'

interface ServerInfo {
  pid: number
  port: number
  healthPort: number
  version: string
  startSeconds: number
  logs: string
}

interface TaskFacts {
  id: string
  state: string
  rowCount: string
  failedReason: string
  infos: Record<string, string>
}

interface Imports {
  serverVersion: string
  collection: string
  good: TaskFacts
  bad: TaskFacts
  list: TaskFacts[]
}

const started = Date.now()
let base: string
let host: ChildProcess
let server: ServerInfo
let imports: Imports

/** Starts milvus_server.py and resolves with its first JSON line. */
function startServer(dir: string): Promise<ServerInfo> {
  host = spawn(
    pythonOf('grpc'),
    [path.join(SCRIPTS, 'milvus_server.py'), dir],
    {
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let out = ''
  let err = ''
  host.stderr?.on('data', (c) => (err += c))
  return new Promise((resolve, reject) => {
    host.stdout?.on('data', (c) => {
      out += c
      const line = out.split('\n')[0]
      if (!out.includes('\n')) return
      const info = JSON.parse(line) as ServerInfo & {
        error?: string
        logTail?: string[]
      }
      if (info.error) {
        reject(
          new Error(
            `Embedded Milvus did not start: ${info.error}\n${(info.logTail ?? []).join('\n')}`
          )
        )
      } else resolve(info)
    })
    host.on('exit', (code) =>
      reject(new Error(`milvus_server.py exited with ${code}:\n${out}\n${err}`))
    )
  })
}

/** Stops the Milvus process by its own PID and waits for the host to end. */
async function stopServer(): Promise<void> {
  if (!host || host.exitCode !== null) return
  const ended = new Promise((resolve) => host.once('exit', resolve))
  if (server) process.kill(server.pid, 'SIGTERM')
  else host.kill('SIGTERM')
  await ended
}

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'wfmi-milvus-'))
  server = await startServer(path.join(base, 'milvus'))
  imports = await runPython<Imports>('grpc', 'bulk_insert.py', [
    String(server.port),
    path.join(base, 'files')
  ])
}, 240_000)

afterAll(async () => {
  await stopServer()
  recordFacts({
    'Milvus version': `${server?.version} (server reports ${imports?.serverVersion})`,
    'Milvus start': `${server?.startSeconds}s to healthy`,
    'real-server file': `${((Date.now() - started) / 1000).toFixed(1)}s`
  })
  // Logs are kept when something failed to start, for the reader.
  if (server && imports) rmSync(base, { recursive: true, force: true })
})

/** Runs the bundled action (the runner's copy) with these inputs. */
const action = (more: Record<string, string>) =>
  runAction(inputs(more), { script: path.join(DIST_DIR, 'index.js') })

const endpoint = () => `grpc://127.0.0.1:${server.port}`
const inputs = (more: Record<string, string>) => ({
  endpoint: endpoint(),
  api: 'grpc',
  'poll-interval': '1s',
  timeout: '60s',
  ...more
})

/** Runs `node dist/cli.js ... --json`; resolves with exit code and output. */
function runCli(
  args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(DIST_DIR, 'cli.js'),
        '--endpoint',
        endpoint(),
        '--api',
        'grpc',
        '--poll-interval',
        '1s',
        '--timeout',
        '60s',
        '--json',
        ...args
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Checks an exit code; on a mismatch the diff shows the log. */
function expectExit(code: number | null, expected: number, log: string): void {
  if (code !== expected) {
    throw new Error(`Exit code ${code}, expected ${expected}. Log:\n${log}`)
  }
}

describe('a real Milvus server (embedded Milvus, gRPC bulk insert)', () => {
  it('ran the imports the tests read', () => {
    expect(server.version).toMatch(/^2\.3\./)
    expect(imports.good.state).toBe('Completed')
    expect(imports.good.rowCount).toBe('100')
    expect(imports.bad.state).toBe('Failed')
    expect(imports.bad.failedReason).toMatch(/dimension/)
    expect(imports.list.map((t) => t.id)).toEqual(
      expect.arrayContaining([imports.good.id, imports.bad.id])
    )
  })

  // The good task completes; the wrong-dimension one fails on the server.
  const TASKS = [
    ['completed task, with the server row_count', 'good', 0],
    ['failed task, with the server failed_reason', 'bad', 1]
  ] as const

  /** The reason a user sees: empty on success, else the server's words. */
  const reasonOf = (task: TaskFacts) =>
    task.failedReason && `Import job ${task.id} failed: ${task.failedReason}`

  it.each(TASKS)('the action reports the %s', async (_, which, exitCode) => {
    const task = imports[which]
    const reason = reasonOf(task)
    const run = await action({ 'job-id': task.id })
    expectExit(run.exitCode, exitCode, run.stdout + run.stderr)
    expect(run.outputs).toMatchObject({
      outcome: exitCode ? 'failed' : 'success',
      state: task.state,
      importedRows: task.rowCount,
      jobId: task.id,
      collectionName: imports.collection,
      reason
    })
    expect(errorLines(run)).toEqual(reason ? [`::error::${reason}`] : [])
    expect(run.summary).toContain(task.state)
  })

  it.each(TASKS)('the CLI reports the %s', async (_, which, exitCode) => {
    const task = imports[which]
    const reason = reasonOf(task)
    const cli = await runCli(['--job-id', task.id])
    expectExit(cli.code, exitCode, cli.stdout + cli.stderr)
    expect(JSON.parse(cli.stdout)).toMatchObject({
      outcome: exitCode ? 'failed' : 'success',
      importedRows: task.rowCount,
      reason
    })
    const errors = cli.stderr.split('\n').filter((l) => l.startsWith('error:'))
    expect(errors).toEqual(reason ? [`error: ${reason}`] : [])
  })

  it('an unknown task ID fails in one clear line', async () => {
    const unknown = '470000000000000001'
    const run = await action({ 'job-id': unknown })
    expectExit(run.exitCode, 1, run.stdout + run.stderr)
    expect(run.outputs.outcome).toBe('error')
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`Import job ${unknown} was not found`)
    // Not found is final: no retries before the verdict.
    expect(run.stdout).not.toMatch(/Retrying/)
  })

  it('collection-name with wait-for: latest picks the newest real task', async () => {
    const newest = [...imports.list].sort((a, b) =>
      BigInt(a.id) < BigInt(b.id) ? 1 : -1
    )[0]
    expect(newest.id).toBe(imports.bad.id)
    const run = await action({
      'collection-name': imports.collection,
      'wait-for': 'latest'
    })
    expect(run.outputs.jobId).toBe(newest.id)
    expect(run.outputs.state).toBe(newest.state)
    expect(run.stdout).toContain(`Newest import job of "${imports.collection}"`)
    expectExit(run.exitCode, 1, run.stdout + run.stderr)
  })
})
