/**
 * The command line in-process: argv and the environment in; stdout, stderr
 * and the exit code out, against the simulator on 127.0.0.1. Each case loads
 * src/cli.ts afresh, as `node dist/cli.js` would start. The CLI keeps the
 * real clock, so every job here ends on its first poll.
 */
import { jest } from '@jest/globals'
import { startSimulator, type Simulator } from '../simulator/server.js'

const JOB = '463071155436633601'
const KEY = 'root:Cl1-Secret-Passw0rd'

interface Exit {
  code: number | undefined
  stdout: string
  stderr: string
}

let sim: Simulator | undefined
const savedArgv = process.argv
const savedEnv = { ...process.env }
const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']
let listeners: Map<NodeJS.Signals, unknown[]>

beforeEach(() => {
  listeners = new Map(signals.map((n) => [n, process.listeners(n)]))
})

afterEach(async () => {
  jest.restoreAllMocks()
  process.argv = savedArgv
  process.env = { ...savedEnv }
  process.exitCode = undefined
  for (const name of signals)
    for (const l of process.listeners(name))
      if (!listeners.get(name)?.includes(l)) process.removeListener(name, l)
  await sim?.close()
  sim = undefined
})

/** Loads the CLI with these arguments and waits for its exit code. */
async function cli(
  args: string[],
  env: Record<string, string> = {}
): Promise<Exit> {
  let stdout = ''
  let stderr = ''
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk)
    return true
  })
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk)
    return true
  })
  process.argv = [process.execPath, 'wait-for-milvus-import', ...args]
  for (const name of [
    'MILVUS_API_KEY',
    'ZILLIZ_API_KEY',
    'NO_COLOR',
    'FORCE_COLOR'
  ])
    delete process.env[name]
  Object.assign(process.env, env)
  process.exitCode = undefined
  jest.resetModules()
  await import('../src/cli.js')
  // main() sets the exit code when it ends; real HTTP needs a few turns.
  // The time limit only stops a hung run; nothing asserts on time.
  const limit = Date.now() + 20_000
  while (process.exitCode === undefined) {
    if (Date.now() > limit) throw new Error('the CLI did not finish')
    await new Promise((resolve) => setImmediate(resolve))
  }
  const code = process.exitCode as number | undefined
  jest.restoreAllMocks()
  return { code, stdout, stderr }
}

async function milvus(
  files: { name: string; rows: number; failReason?: string }[],
  apiKey?: string
) {
  sim = await startSimulator({
    apiKey,
    jobs: [{ jobId: JOB, collectionName: 'articles', polls: 1, files }]
  })
  return sim.url
}

describe('the CLI, in-process', () => {
  it('prints the result and the file table and exits 0', async () => {
    const url = await milvus([
      { name: 'data/part-0.parquet', rows: 12_000 },
      { name: 'data/part-1.parquet', rows: 8_000 }
    ])
    const exit = await cli(['--endpoint', url, '--job-id', JOB])
    expect(exit.code).toBe(0)
    expect(exit.stderr).toBe('')
    const lines = exit.stdout.split('\n')
    expect(lines).toContainEqual(expect.stringMatching(/^Result\s+success$/))
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^data\/part-0\.parquet\s+Completed\s+100%\s+12,000 \/ 12,000$/
      )
    )
    expect(lines).toContainEqual(
      expect.stringMatching(/^Import completed: 20,000 rows in /)
    )
    expect(sim!.requests).toHaveLength(1)
  })

  it('exits 1 on a failed import, failed files first, the reason on stderr', async () => {
    const url = await milvus([
      { name: 'data/ok.parquet', rows: 10 },
      {
        name: 'data/bad.parquet',
        rows: 10,
        failReason: 'dim 512, expected 768'
      }
    ])
    const exit = await cli(['--endpoint', url, '--job-id', JOB])
    expect(exit.code).toBe(1)
    const files = exit.stdout
      .split('\n')
      .filter((l) => l.startsWith('data/'))
      .map((l) => l.split(/\s+/)[0])
    expect(files).toEqual(['data/bad.parquet', 'data/ok.parquet'])
    expect(exit.stderr).toMatch(
      new RegExp(
        `^error: Import job ${JOB} failed: .*dim 512, expected 768$`,
        'm'
      )
    )
  })

  it('prints one JSON object of the outputs with --json, logs on stderr', async () => {
    const url = await milvus([{ name: 'a.parquet', rows: 7 }])
    const exit = await cli(['--endpoint', url, '--job-id', JOB, '--json'])
    expect(exit.code).toBe(0)
    const outputs = JSON.parse(exit.stdout)
    expect(outputs).toMatchObject({
      outcome: 'success',
      importedRows: '7',
      jobId: JOB,
      details: [expect.objectContaining({ fileName: 'a.parquet' })],
      jobs: [expect.objectContaining({ jobId: JOB, outcome: 'success' })]
    })
    expect(exit.stderr).toMatch(/Import completed: 7 rows/)
  })

  it('prints name=value outputs with --outputs', async () => {
    const url = await milvus([{ name: 'a.parquet', rows: 7 }])
    const exit = await cli(['--endpoint', url, '--job-id', JOB, '--outputs'])
    expect(exit.code).toBe(0)
    expect(exit.stdout).toMatch(/^outcome=success$/m)
    expect(exit.stdout).toMatch(/^importedRows=7$/m)
  })

  it('reads the key from MILVUS_API_KEY and never prints it', async () => {
    const url = await milvus([{ name: 'a.parquet', rows: 7 }], KEY)
    const exit = await cli(['--endpoint', url, '--job-id', JOB, '--outputs'], {
      MILVUS_API_KEY: KEY
    })
    expect(exit.code).toBe(0)
    expect(sim!.requests[0].headers.authorization).toBe(`Bearer ${KEY}`)
    expect(exit.stdout + exit.stderr).not.toContain('Cl1-Secret')
  })

  it('exits 1 naming --api-key when the server rejects the key', async () => {
    const url = await milvus([{ name: 'a.parquet', rows: 7 }], 'the-right-key')
    const exit = await cli([
      '--endpoint',
      url,
      '--job-id',
      JOB,
      '--api-key',
      KEY
    ])
    expect(exit.code).toBe(1)
    expect(exit.stderr).toMatch(/^error: Authentication failed\. .*api-key/m)
    expect(exit.stdout + exit.stderr).not.toContain('Cl1-Secret')
  })

  it('exits 2 naming the flag for a bad value, before any request', async () => {
    const url = await milvus([])
    const exit = await cli([
      '--endpoint',
      url,
      '--job-id',
      JOB,
      '--timeout',
      'soon'
    ])
    expect(exit.code).toBe(2)
    expect(exit.stderr).toMatch(/^error: --timeout must be a duration such as /)
    expect(exit.stderr).not.toContain('Input')
    expect(exit.stderr.trim().split('\n')).toHaveLength(1)
    expect(sim!.requests).toHaveLength(0)
  })

  it('names both flags of a clash the way the command line spells them', async () => {
    const url = await milvus([])
    const exit = await cli([
      '--endpoint',
      url,
      '--collection-name',
      'c',
      '--files',
      'a.parquet',
      '--object-url',
      's3://b/a.parquet',
      '--outputs'
    ])
    expect(exit.code).toBe(2)
    expect(exit.stderr).toMatch(
      /^error: --files and --object-url cannot be used together: /m
    )
    // The reason output is written the same way.
    expect(exit.stdout).toMatch(/^reason=--files and --object-url cannot/m)
    expect(sim!.requests).toHaveLength(0)
  })

  it.each([
    { args: ['--bogus'], error: 'error: unknown option --bogus.' },
    { args: ['--job-id'], error: 'error: option --job-id needs a value.' },
    { args: ['--json=yes'], error: 'error: option --json takes no value.' },
    {
      args: ['stray'],
      error: 'error: unexpected argument stray: every value follows its --flag.'
    },
    {
      args: ['--timeout', '1m', '--timeout', '2m'],
      error: 'error: option --timeout is given 2 times.'
    }
  ])('exits 2 with one line for $args', async ({ args, error }) => {
    const exit = await cli(args)
    expect(exit.code).toBe(2)
    expect(exit.stdout).toBe('')
    expect(exit.stderr).toBe(
      `${error} Run wait-for-milvus-import --help for usage.\n`
    )
  })

  it('prints the usage on stderr and exits 2 without arguments', async () => {
    const exit = await cli([])
    expect(exit.code).toBe(2)
    expect(exit.stderr).toMatch(/^Usage: wait-for-milvus-import --endpoint URL/)
  })

  it('prints help on stdout, and the version', async () => {
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: wait-for-milvus-import/)
    expect(help.stdout).toContain('--poll-interval DURATION')
    const { VERSION } = await import('../src/version.js')
    const version = await cli(['--version'])
    expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
  })
})
