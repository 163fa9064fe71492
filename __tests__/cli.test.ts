/**
 * Runs the bundled command line for real, as a child process, against the
 * import-API simulator: what a GitLab, Jenkins or laptop user would see.
 * Set CLI_BUNDLE to test a bundle other than dist/cli.js.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { VERSION } from '../src/version.js'
import {
  startSimulator,
  type JobScript,
  type Simulator
} from '../simulator/server.js'

const BUNDLE = path.resolve(process.env.CLI_BUNDLE ?? 'dist/cli.js')
const JOB_ID = '463071155436633601'
const KEY = 'root:Sup3rSecretPassw0rd'

interface Exit {
  code: number | null
  stdout: string
  stderr: string
}

let sim: Simulator | undefined

beforeAll(() => {
  if (!existsSync(BUNDLE)) {
    throw new Error(
      `${BUNDLE} does not exist: bundle the CLI first (npm run package), or set CLI_BUNDLE.`
    )
  }
})

afterEach(async () => {
  await sim?.close()
  sim = undefined
})

/** Runs a command with a clean environment plus env; collects its output. */
function exec(
  command: string,
  args: string[],
  env: Record<string, string>,
  onStdout?: (text: string, child: ReturnType<typeof spawn>) => void
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString()
      onStdout?.(stdout, child)
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Runs the CLI with args and a clean environment plus env. */
function cli(
  args: string[],
  env: Record<string, string> = {},
  onStdout?: (text: string, child: ReturnType<typeof spawn>) => void
): Promise<Exit> {
  return exec(process.execPath, [BUNDLE, ...args], env, onStdout)
}

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`), as a user at a
 * terminal sees it; stderr goes to the terminal too unless `stderrFile`.
 */
function ttyCli(
  args: string[],
  env: Record<string, string> = {},
  stderrFile?: string
): Promise<Exit> {
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`
  const command = [
    'stty cols 160 2>/dev/null;',
    'exec',
    quote(process.execPath),
    quote(BUNDLE),
    ...args.map(quote),
    ...(stderrFile ? ['2>', quote(stderrFile)] : [])
  ].join(' ')
  return exec('script', ['-qec', command, '/dev/null'], {
    TERM: 'xterm',
    ...env
  })
}

/** The status line as drawn each time: after "\r" and erase-line. */
const statusDraws = (text: string) =>
  text
    .split('\r\u001b[2K')
    .slice(1)
    .map((d) => d.split(/\r?\n/)[0])

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g

async function milvus(job: Partial<JobScript> = {}, apiKey?: string) {
  sim = await startSimulator({
    flavour: 'milvus',
    apiKey,
    jobs: [
      {
        jobId: JOB_ID,
        collectionName: 'articles',
        polls: 1,
        files: [
          { name: 'data/part-0.parquet', rows: 12_000 },
          { name: 'data/part-1.parquet', rows: 8_000 }
        ],
        ...job
      }
    ]
  })
  return sim
}

const waitArgs = (url: string) => [
  '--endpoint',
  url,
  '--job-id',
  JOB_ID,
  '--poll-interval',
  '1s',
  '--timeout',
  '20s'
]

describe('wait-for-milvus-import (CLI)', () => {
  it('prints the result and a per-file table and exits 0 on success', async () => {
    const { url } = await milvus()

    const { code, stdout, stderr } = await cli(waitArgs(url))

    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        'Result      success',
        'State       Completed',
        'Progress    100%',
        'Rows        20,000 / 20,000',
        'Collection  articles',
        `Job         ${JOB_ID}`,
        'API         Milvus REST v2',
        'File                 State      Progress  Rows             Reason',
        'data/part-0.parquet  Completed  100%      12,000 / 12,000',
        'data/part-1.parquet  Completed  100%      8,000 / 8,000'
      ])
    )
    expect(lines.at(-1)).toMatch(/^Import completed: 20,000 rows in \d+ms\.$/)
    expect(stdout).not.toContain('::')
  })

  it('exits 1 with the reason when the import failed, failed files first', async () => {
    const { url } = await milvus({
      files: [
        { name: 'data/good.parquet', rows: 100 },
        {
          name: 'data/bad.parquet',
          rows: 50,
          failReason: 'the dim (512) of field vector does not match 768'
        }
      ]
    })

    const { code, stdout, stderr } = await cli(waitArgs(url))

    expect(code).toBe(1)
    expect(stdout).toContain('Result      failed')
    const table = stdout.slice(stdout.indexOf('File  '))
    expect(table.split('\n').slice(0, 3)).toEqual([
      'File               State      Progress  Rows       Reason',
      'data/bad.parquet   Failed     0%        0 / 50     the dim (512) of field vector does not match 768',
      'data/good.parquet  Completed  100%      100 / 100'
    ])
    const errors = stderr.trimEnd().split('\n')
    expect(errors.at(-1)).toBe(
      `error: Import job ${JOB_ID} failed: failed to import file "data/bad.parquet": the dim (512) of field vector does not match 768`
    )
    expect(errors.every((l) => /^(error|warning): /.test(l))).toBe(true)
  })

  it('caps the file table at 50 rows, failed first, and defuses escape codes', async () => {
    const files = Array.from({ length: 60 }, (_, i) => ({
      name: `data/part-${String(i).padStart(2, '0')}.parquet`,
      rows: 10,
      failReason: i === 59 ? 'bad \u001b[2J\u001b[31mred\u0007 row' : undefined
    }))
    const { url } = await milvus({ files, outcome: 'completed' })

    const { code, stdout } = await cli([...waitArgs(url), '--allow-partial'])

    expect(code).toBe(0)
    const rows = stdout.split('\n').filter((l) => l.startsWith('data/'))
    expect(rows).toHaveLength(50)
    expect(rows[0]).toMatch(
      /^data\/part-59\.parquet +Failed .* bad \uFFFD\[2J\uFFFD\[31mred\uFFFD row$/
    )
    expect(stdout).toContain(
      '\n…and 10 more files (failed files are listed first).\n'
    )
    expect(stdout).not.toContain('\u001b')
    expect(stdout).not.toContain('\u0007')
  })

  it('exits 2 with one line for an unknown flag, before any request', async () => {
    const { url } = await milvus()

    const { code, stdout, stderr } = await cli([
      '--endpiont',
      url,
      '--job-id',
      JOB_ID
    ])

    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      'error: unknown option --endpiont. Run wait-for-milvus-import --help for usage.\n'
    )
    expect(sim?.requests).toEqual([])
  })

  it('exits 2 naming the flag for a bad value', async () => {
    const { code, stderr } = await cli([
      '--endpoint',
      'http://127.0.0.1:9',
      '--job-id',
      JOB_ID,
      '--timeout',
      'soon'
    ])

    expect(code).toBe(2)
    expect(stderr).toBe(
      'error: --timeout must be a duration such as 90s, 15m, 2h or 1h30m (got "soon").\n'
    )
  })

  it('prints only a JSON object of the outputs on stdout with --json', async () => {
    const { url } = await milvus()

    const { code, stdout, stderr } = await cli([...waitArgs(url), '--json'])

    expect(code).toBe(0)
    const outputs = JSON.parse(stdout) as Record<string, unknown>
    expect(outputs).toMatchObject({
      outcome: 'success',
      state: 'Completed',
      progress: '100',
      importedRows: '20000',
      totalRows: '20000',
      jobId: JOB_ID,
      collectionName: 'articles',
      reason: ''
    })
    expect(outputs.jobs).toEqual([
      expect.objectContaining({ jobId: JOB_ID, state: 'Completed', files: 2 })
    ])
    expect(stderr).toContain('Import completed: 20,000 rows')
  })

  it('prints name=value outputs with --outputs', async () => {
    const { url } = await milvus()

    const { code, stdout } = await cli([...waitArgs(url), '--outputs'])

    expect(code).toBe(0)
    expect(stdout).toContain('\noutcome=success\n')
    expect(stdout).toContain('\nimportedRows=20000\n')
  })

  it('keeps names and times on one line, so no line of server text reads as an output', async () => {
    const { url } = await milvus({
      collectionName: 'c\noutcome=success\rstate=Completed',
      outcome: 'failed'
    })

    const { code, stdout } = await cli([...waitArgs(url), '--outputs'])

    expect(code).toBe(1)
    const lines = stdout.split(/\r\n|\r|\n/)
    expect(lines.filter((l) => l.startsWith('outcome='))).toEqual([
      'outcome=failed'
    ])
    expect(lines).toContain('collectionName=c outcome=success state=Completed')
  })

  it('reads the key from MILVUS_API_KEY and never prints it', async () => {
    const { url, requests } = await milvus({}, KEY)

    const { code, stdout, stderr } = await cli(
      [...waitArgs(url), '--outputs', '--verbose'],
      { MILVUS_API_KEY: KEY }
    )

    expect(code).toBe(0)
    expect(requests[0].headers.authorization).toBe(`Bearer ${KEY}`)
    expect(stdout + stderr).not.toContain('Sup3rSecretPassw0rd')
  })

  it('does not print a rejected --api-key either', async () => {
    const { url } = await milvus({}, KEY)
    const wrong = 'root:WrongPassw0rdValue'

    const { code, stdout, stderr } = await cli([
      ...waitArgs(url),
      '--api-key',
      wrong,
      '--outputs',
      '--verbose'
    ])

    expect(code).toBe(1)
    expect(stderr).toMatch(/^error: /m)
    expect(stdout + stderr).not.toContain('WrongPassw0rdValue')
  })

  it('exits 1 when a file failed in a completed job, 0 with a bare --allow-partial', async () => {
    const files = [
      { name: 'data/a.parquet', rows: 10 },
      { name: 'data/b.parquet', rows: 10, failReason: 'row 3: bad vector' }
    ]
    const { url } = await milvus({ files, outcome: 'completed' })

    const strict = await cli(waitArgs(url))
    const lenient = await cli([...waitArgs(url), '--allow-partial'])

    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('set allow-partial: true')
    expect(lenient.code).toBe(0)
    expect(lenient.stdout).toContain('row 3: bad vector')
  })

  it('exits 0 with a warning on timeout with --fail-on-timeout false', async () => {
    const { url } = await milvus({ polls: 1000 })

    const args = [...waitArgs(url), '--timeout', '1s', '--fail-on-timeout']
    args.splice(args.indexOf('--timeout'), 2)
    const strict = await cli([...args, 'true'])
    const lenient = await cli([...args, 'false'])

    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('Result      timeout')
    expect(lenient.code).toBe(0)
    expect(lenient.stderr).toMatch(
      /^warning: Timed out after 1s .*\(fail-on-timeout is false, so the step passes\.\)$/m
    )
  })

  it('gives up after --max-failures transient failures in a row', async () => {
    const s = await milvus()
    s.pushFaults(
      ...[1, 2, 3].map(() => ({
        kind: 'status' as const,
        status: 503,
        retryAfter: '0'
      }))
    )

    const gaveUp = await cli([...waitArgs(s.url), '--max-failures', '2'])
    const bad = await cli([...waitArgs(s.url), '--max-failures', 'many'])
    const dash = await cli([...waitArgs(s.url), '--max-failures', '-1'])

    expect(gaveUp.code).toBe(1)
    expect(gaveUp.stderr).toMatch(/Gave up after 2 failed tries in a row\./)
    expect(s.requests).toHaveLength(2)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(
      'error: --max-failures must be a whole number such as 10'
    )
    expect(dash.code).toBe(2)
    expect(dash.stderr).toContain(
      'error: option --max-failures needs a value; write --max-failures=VALUE for one that starts with "-".'
    )
  })

  it('stops on Ctrl-C, prints what it knows and exits 1', async () => {
    const { url } = await milvus({ polls: 1000 })

    const { code, stdout, stderr } = await cli(
      waitArgs(url),
      {},
      (text, child) => {
        if (/Importing|Pending/.test(text) && !child.killed)
          child.kill('SIGINT')
      }
    )

    expect(code).toBe(1)
    expect(stdout).toContain('Result      cancelled')
    expect(stderr).toMatch(/^error: The step was cancelled/m)
  })

  it('prints help with examples, and the version', async () => {
    const help = await cli(['--help'])
    const version = await cli(['--version'])
    const short = await cli(['-V'])

    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: wait-for-milvus-import /)
    for (const flag of ['--job-id', '--api-key', '--json', 'MILVUS_API_KEY'])
      expect(help.stdout).toContain(flag)
    expect(help.stdout).toContain('grpc://milvus:19530')
    expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
    expect(short).toEqual(version)
  })
})

describe('wait-for-milvus-import on a terminal', () => {
  it('draws one status line in place: state, percent, rows, rate, ETA, in colour', async () => {
    const { url } = await milvus({ polls: 3 })

    const { code, stdout } = await ttyCli(waitArgs(url))

    expect(code).toBe(0)
    const draws = statusDraws(stdout)
    expect(draws.length).toBeGreaterThanOrEqual(3)
    const plain = draws.map((d) => d.replace(SGR, ''))
    // Before the end: the state, percent, rows, a rate and an ETA.
    expect(plain[0]).toMatch(
      /^(Pending|Importing) \d+% · [\d,—]+( \/ [\d,]+)? rows · (—|[\d,]+) rows\/s · ETA \S+/
    )
    expect(plain.slice(1, -1).join('\n')).toMatch(/rows\/s · ETA (<1s|\d+s)/)
    // The last draw stays on screen, the state in green.
    expect(plain.at(-1)).toBe('Completed 100% · 20,000 / 20,000 rows')
    expect(draws.at(-1)).toContain('\u001b[32mCompleted\u001b[39m')
    expect(stdout).toContain('Result      success')
  })

  it('honours NO_COLOR: the status line still updates, without colour', async () => {
    const { url } = await milvus({ polls: 2 })

    const { code, stdout } = await ttyCli(waitArgs(url), { NO_COLOR: '1' })

    expect(code).toBe(0)
    expect(statusDraws(stdout).length).toBeGreaterThanOrEqual(2)
    expect(stdout).not.toMatch(SGR)
  })

  it('prints colour when piped only with FORCE_COLOR, and plain lines otherwise', async () => {
    const { url } = await milvus({
      files: [{ name: 'data/bad.parquet', rows: 10, failReason: 'bad row' }]
    })

    const plain = await cli(waitArgs(url))
    const forced = await cli(waitArgs(url), { FORCE_COLOR: '1' })

    expect(plain.code).toBe(1)
    expect(plain.stdout + plain.stderr).not.toContain('\u001b')
    expect(plain.stdout + plain.stderr).not.toContain('\r')
    expect(forced.code).toBe(1)
    expect(forced.stderr).toContain('\u001b[31merror:\u001b[39m ')
    // Piped stdout never gets a status line, even with colour forced.
    expect(forced.stdout).not.toContain('\r')
  })

  it('prints only the JSON object with --json, even on a terminal', async () => {
    const { url } = await milvus({ polls: 2 })
    const errFile = path.join(tmpdir(), `cli-stderr-${process.pid}.txt`)

    const { code, stdout } = await ttyCli(
      [...waitArgs(url), '--json'],
      {},
      errFile
    )

    expect(code).toBe(0)
    expect(stdout).not.toContain('\u001b')
    expect(JSON.parse(stdout.replace(/\r\n/g, '\n'))).toMatchObject({
      outcome: 'success',
      jobId: JOB_ID
    })
    expect(readFileSync(errFile, 'utf8')).toContain('Import completed')
    rmSync(errFile, { force: true })
  })
})
