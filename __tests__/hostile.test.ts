/**
 * A hostile server against the bundled action (dist/index.js, run as the
 * runner runs it). The server lies, echoes the key, repeats keys and sends
 * text built to run workflow commands or render markup. None of it may end
 * in a success, a leaked secret or an injected command.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { startGrpcSimulator } from '../simulator/grpc-server.js'
import { errorLines, runAction, type ActionRun } from './helpers/action.js'

const JOB = '463071155436633601'
const KEY = 'sk-hostile-3b9d2f81c0e7a654'

interface Request {
  path: string
  body: string
}

/** Answers one request: a JSON text (HTTP 200) or a status and text. */
type Answer = string | { status: number; body: string }

interface HostileServer {
  endpoint: string
  requests: Request[]
  close(): Promise<void>
}

/** A loopback HTTP server whose every answer comes from `answer`. */
async function hostileServer(
  answer: (req: Request, n: number) => Answer
): Promise<HostileServer> {
  const requests: Request[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const r = { path: req.url ?? '', body }
      requests.push(r)
      const a = answer(r, requests.length)
      const { status, body: text } =
        typeof a === 'string' ? { status: 200, body: a } : a
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** A v2 describe body of one job, as Milvus sends it. */
function describe2(data: Record<string, unknown>): string {
  return JSON.stringify({
    code: 0,
    data: {
      jobId: JOB,
      collectionName: 'articles',
      state: 'Completed',
      progress: 100,
      importedRows: 10,
      totalRows: 10,
      details: [],
      ...data
    }
  })
}

/** A v2 list body with the given data. */
function list(data: Record<string, unknown>): string {
  return JSON.stringify({ code: 0, data })
}

async function runAgainst(
  answer: (req: Request, n: number) => Answer,
  inputs: Record<string, string> = {}
): Promise<{ run: ActionRun; server: HostileServer }> {
  const server = await hostileServer(answer)
  try {
    const run = await runAction({
      'job-id': JOB,
      endpoint: server.endpoint,
      'api-key': KEY,
      'poll-interval': '1s',
      timeout: '20s',
      ...inputs
    })
    return { run, server }
  } finally {
    await server.close()
  }
}

/** What a run that must not pass looks like: exit 1, never success. */
function expectNoSuccess(run: ActionRun): void {
  expect(run.exitCode).toBe(1)
  expect(run.outputs.outcome).not.toBe('success')
  expect(run.outputs.outcome).toBeDefined()
  expect(errorLines(run)).toHaveLength(1)
  expect(run.everything).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)
}

/**
 * What a user can see of a run: everything but the ::add-mask:: lines, which
 * the runner reads and never shows.
 */
function visible(run: ActionRun): string {
  return run.everything
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
}

/** The workflow commands a run printed, by name. */
function commands(run: ActionRun): string[] {
  return run.stdout
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('::'))
    .map((l) => /^::([a-z-]+)/.exec(l)?.[1] ?? l)
}

const OWN_COMMANDS = new Set([
  'add-mask',
  'debug',
  'warning',
  'error',
  'group',
  'endgroup',
  'notice'
])

function expectNoInjection(run: ActionRun): void {
  for (const name of commands(run)) expect(OWN_COMMANDS).toContain(name)
  expect(run.stdout).not.toMatch(/##\[/)
  expect(Object.keys(run.outputs)).not.toContain('x')
}

describe('false successes', () => {
  it('an answer for another job is unreadable, never progress', async () => {
    const { run } = await runAgainst(() =>
      describe2({ jobId: '999', collectionName: 'someone-else' })
    )
    expectNoSuccess(run)
    expect(errorLines(run)[0]).toMatch(/answered for job "999"/)
  })

  it('an answer for another job is unreadable on the legacy v1 API too', async () => {
    const { run, server } = await runAgainst(
      () =>
        JSON.stringify({
          code: 200,
          data: {
            jobId: '999',
            collectionName: 'someone-else',
            readyPercentage: 1,
            completeTime: '2026-01-05T10:04:12Z'
          }
        }),
      { api: 'v1', 'cluster-id': 'in03-0123456789abcde' }
    )
    expectNoSuccess(run)
    expect(server.requests[0].path).toMatch(
      /^\/v1\/vector\/collections\/import\/get/
    )
    expect(errorLines(run)[0]).toMatch(/answered for job "999"/)
  })

  it('compares echoed IDs as decimal strings, not as rounded numbers', async () => {
    // 463071155436633600 is what JSON.parse makes of the asked-for ID.
    const rounded = await runAgainst(() =>
      describe2({ jobId: 0 }).replace('"jobId":0', '"jobId":463071155436633600')
    )
    expectNoSuccess(rounded.run)
    // The API sends job IDs as strings: a number, even of the same digits,
    // or a string written otherwise, is not the ID that was asked for.
    for (const written of [
      JOB,
      `"0${JOB}"`,
      `" ${JOB}"`,
      '4.630711554366336e17'
    ]) {
      const other = await runAgainst(() =>
        describe2({ jobId: 0 }).replace('"jobId":0', `"jobId":${written}`)
      )
      expectNoSuccess(other.run)
    }
    const exact = await runAgainst(() => describe2({}))
    expect(exact.run.exitCode).toBe(0)
    expect(exact.run.outputs.outcome).toBe('success')
  })

  it('a job the list found that describe puts in another collection is unreadable', async () => {
    const { run } = await runAgainst(
      (req) =>
        req.path.endsWith('/list')
          ? list({
              records: [
                { jobId: JOB, collectionName: 'articles', state: 'Importing' }
              ]
            })
          : describe2({ collectionName: 'someone_else' }),
      { 'job-id': '', 'collection-name': 'articles' }
    )
    expectNoSuccess(run)
    expect(errorLines(run)[0]).toMatch(
      /belongs to collection "someone_else", not to collection-name "articles"/
    )
  })

  it.each([
    ['a failure reason', { reason: 'import failed: row 3 bad' }],
    [
      'a file still Pending',
      { details: [{ fileName: 'a.parquet', state: 'Pending', progress: 0 }] }
    ]
  ])('a Completed that also reports %s is not a success', async (_n, data) => {
    const { run } = await runAgainst(() => describe2(data))
    expectNoSuccess(run)
    expect(run.outputs.outcome).toBe('failed')
  })

  it.each([
    [
      'a file with no state',
      { details: [{ fileName: 'b.parquet', progress: 0, totalRows: 10 }] }
    ],
    ['an errorMessage', { errorMessage: 'import failed' }],
    ['a failedReason', { failedReason: 'import failed' }],
    [
      'a file with an errorMessage',
      {
        details: [
          { fileName: 'a.parquet', state: 'Completed', errorMessage: 'bad' }
        ]
      }
    ]
  ])('a Completed with %s is not a success', async (_n, data) => {
    const { run } = await runAgainst(() => describe2(data))
    expectNoSuccess(run)
  })

  it.each([
    ['a state with a zero-width space', { state: 'Completed\u200b' }],
    ['a state with a NUL', { state: 'Completed\u0000' }],
    ['a reason of one invisible character', { reason: '\u200b' }],
    [
      'a file reason of one invisible character',
      {
        details: [
          { fileName: 'a.parquet', state: 'Completed', reason: '\u00ad' }
        ]
      }
    ]
  ])('%s is not a success', async (_n, data) => {
    const { run } = await runAgainst(() => describe2(data))
    expectNoSuccess(run)
  })

  it('a collection name that only looks like collection-name is unreadable', async () => {
    const { run } = await runAgainst(
      () => describe2({ collectionName: 'articles\u200b' }),
      { 'collection-name': 'articles' }
    )
    expectNoSuccess(run)
    expect(errorLines(run)[0]).toMatch(/not to collection-name/)
  })

  it('importedRows null is unknown, not totalRows, so min-rows cannot pass', async () => {
    const { run } = await runAgainst(
      () => describe2({ importedRows: null, totalRows: 10 }),
      { 'min-rows': '10' }
    )
    expectNoSuccess(run)
    expect(run.outputs.importedRows).not.toBe('10')
    expect(errorLines(run)[0]).toMatch(/did not report imported rows/)
  })

  it('code 0 with a message that says the import failed is unreadable', async () => {
    const { run } = await runAgainst(() =>
      describe2({}).replace(
        '{"code":0,',
        '{"code":0,"message":"import failed",'
      )
    )
    expectNoSuccess(run)
    expect(errorLines(run)[0]).toMatch(/success code and the message/)
  })

  it.each([
    [
      'names no job',
      { readyPercentage: 1, completeTime: '2026-01-05T10:00:00Z' }
    ],
    [
      'also says Failed',
      {
        jobId: JOB,
        readyPercentage: 1,
        completeTime: '2026-01-05T10:00:00Z',
        reason: 'boom'
      }
    ]
  ])('a v1-shaped answer that %s is not a success', async (_n, data) => {
    const { run } = await runAgainst(() => JSON.stringify({ code: 0, data }))
    expectNoSuccess(run)
  })

  it('a v1 answer whose own state says Failed is not a success', async () => {
    const { run } = await runAgainst(
      () =>
        JSON.stringify({
          code: 200,
          data: {
            jobId: JOB,
            readyPercentage: 1,
            completeTime: '2026-01-05T10:00:00Z',
            state: 'Failed'
          }
        }),
      { api: 'v1', 'cluster-id': 'in01-3e5b7c9d2f4a6b8' }
    )
    expectNoSuccess(run)
  })

  it('a list with both records and tasks is unreadable', async () => {
    const { run } = await runAgainst(
      (req) =>
        req.path.endsWith('/list')
          ? list({
              records: [
                { jobId: JOB, collectionName: 'articles', state: 'Completed' }
              ],
              tasks: [
                {
                  jobId: '463071155436633602',
                  collectionName: 'articles',
                  state: 'Importing'
                }
              ]
            })
          : describe2({}),
      { 'job-id': '', 'collection-name': 'articles', 'wait-for': 'all' }
    )
    expectNoSuccess(run)
    expect(errorLines(run)[0]).toMatch(/both records and tasks/)
  })

  it('a create answer with a repeated jobId is not taken for either job', async () => {
    const { run, server } = await runAgainst(
      (req) =>
        req.path.endsWith('/create')
          ? `{"code":0,"data":{"jobId":"999","jobId":"${JOB}"}}`
          : describe2({}),
      {
        'job-id': '',
        'collection-name': 'articles',
        files: 'data/1.parquet'
      }
    )
    expectNoSuccess(run)
    expect(server.requests.map((r) => r.path)).not.toContain(
      '/v2/vectordb/jobs/import/describe'
    )
  })

  it('rows unknown for one of two jobs cannot pass an expected-rows gate', async () => {
    const other = '463071155436633602'
    const { run } = await runAgainst(
      (req) =>
        req.body.includes(other)
          ? describe2({ jobId: other, importedRows: null, totalRows: null })
          : describe2({ importedRows: 100, totalRows: 100 }),
      { 'job-id': `${JOB}\n${other}`, 'expected-rows': '100' }
    )
    expectNoSuccess(run)
    expect(errorLines(run)[0]).toMatch(
      /did not report imported rows for import job 463071155436633602/
    )
  })

  it.each([
    ['state', '"state":"Failed","state":"Completed"'],
    ['state, escaped', '"state":"Failed","st\\u0061te":"Completed"'],
    ['state, same value twice', '"state":"Completed","state":"Completed"'],
    ['jobId', `"jobId":"999","jobId":"${JOB}"`]
  ])('a repeated %s key makes the body unreadable', async (_name, keys) => {
    const { run } = await runAgainst(
      () =>
        `{"code":0,"data":{${keys},"progress":100,"importedRows":10,"totalRows":10}}`
    )
    expectNoSuccess(run)
    expect(errorLines(run)[0]).toMatch(/twice/)
  })

  it('a repeated code or data key makes the body unreadable', async () => {
    expect.hasAssertions()
    const ok = describe2({}).slice(1)
    for (const body of [
      `{"code":1800,${ok}`,
      `{"code":0,"data":{"state":"Failed"},${ok.replace('"code":0,', '')}`
    ]) {
      const { run } = await runAgainst(() => body)
      expectNoSuccess(run)
    }
  })

  it.each([
    ['negative', -100],
    ['fractional', 10.5]
  ])('a %s row count is unreadable', async (_name, rows) => {
    const { run } = await runAgainst(() =>
      describe2({ importedRows: rows, totalRows: rows })
    )
    expectNoSuccess(run)
    expect(run.outputs.importedRows).toBe('')
  })

  it('two jobs of -100 and 200 rows do not pass a 100-row gate', async () => {
    expect.hasAssertions()
    const { run } = await runAgainst(
      (req) => {
        const id = (JSON.parse(req.body) as { jobId: string }).jobId
        const rows = id === '1' ? -100 : 200
        return describe2({ jobId: id, importedRows: rows, totalRows: rows })
      },
      { 'job-id': '1,2', 'expected-rows': '100', 'min-rows': '100' }
    )
    expectNoSuccess(run)
  })

  it('keeps row counts above 2^53 exact in the gate, outputs and summary', async () => {
    const body = describe2({ importedRows: 0, totalRows: 0 })
      .replace('"importedRows":0', '"importedRows":9007199254740993')
      .replace('"totalRows":0', '"totalRows":9007199254740993')
    const pass = await runAgainst(() => body, {
      'expected-rows': '9007199254740993'
    })
    expect(pass.run.exitCode).toBe(0)
    expect(pass.run.outputs.importedRows).toBe('9007199254740993')
    expect(pass.run.outputs.jobs).toContain('"importedRows":9007199254740993')
    expect(pass.run.summary).toContain('9,007,199,254,740,993')
    const fail = await runAgainst(() => body, {
      'expected-rows': '9007199254740992'
    })
    expectNoSuccess(fail.run)
    expect(errorLines(fail.run)[0]).toMatch(
      /9,007,199,254,740,993 rows, expected 9,007,199,254,740,992/
    )
  })
})

describe('secret leaks', () => {
  const PASSWORD = 'pa::ss##[w0rd-77'
  const TOKEN = `alice:${PASSWORD}`

  it('masks a password holding :: and ##[ before escaping it', async () => {
    const { run } = await runAgainst(
      () =>
        describe2({
          state: 'Failed',
          reason: `bad token ${TOKEN}; password ${PASSWORD}`,
          collectionName: PASSWORD
        }),
      { 'api-key': TOKEN }
    )
    expectNoSuccess(run)
    expect(visible(run)).not.toContain('pa::ss')
    expect(visible(run)).not.toContain('pa:\u200b:ss')
    expect(visible(run)).not.toContain('w0rd-77')
  })

  it.each([290, 295, 299, 990, 995, 999])(
    'masks a key that straddles the cut at %i characters',
    async (at) => {
      const reason = 'x'.repeat(at) + KEY + ' and more'
      const { run } = await runAgainst(() =>
        JSON.stringify({ code: 1800, message: reason })
      )
      expectNoSuccess(run)
      expect(visible(run)).not.toContain(KEY.slice(0, 12))
      const failed = await runAgainst(() =>
        describe2({ state: 'Failed', reason })
      )
      expect(visible(failed.run)).not.toContain(KEY.slice(0, 12))
    }
  )

  it('masks base64, URL-encoded and JSON-escaped echoes of the key', async () => {
    const key = 'sk-"odd"/key <x>&y+z 42'
    const echoes = [
      Buffer.from(key).toString('base64'),
      encodeURIComponent(key),
      JSON.stringify(key).slice(1, -1),
      JSON.stringify(key)
        .slice(1, -1)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
    ]
    const { run } = await runAgainst(
      () =>
        JSON.stringify({
          code: 0,
          data: {
            jobId: JOB,
            state: 'Failed',
            reason: echoes.join(' | '),
            details: echoes.map((e) => ({ fileName: e, state: 'Failed' }))
          }
        }),
      { 'api-key': key }
    )
    expectNoSuccess(run)
    for (const echo of echoes) expect(visible(run)).not.toContain(echo)
    expect(visible(run)).not.toContain('odd')
  })

  it('masks the key echoed in another case, partly URL-encoded or as hex', async () => {
    const echoes = [
      KEY.toUpperCase(),
      `%73${KEY.slice(1)}`,
      KEY.replace(/-/g, '%2d'),
      Buffer.from(KEY).toString('hex'),
      Buffer.from(KEY).toString('hex').toUpperCase(),
      [...KEY]
        .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .join('')
    ]
    const { run } = await runAgainst(() =>
      JSON.stringify({
        code: 0,
        data: {
          jobId: JOB,
          state: 'Failed',
          reason: echoes.join(' | '),
          details: echoes.map((e) => ({ fileName: e, state: 'Failed' }))
        }
      })
    )
    expectNoSuccess(run)
    const seen = visible(run).toLowerCase()
    for (const echo of echoes) expect(seen).not.toContain(echo.toLowerCase())
    expect(seen).not.toContain('3b9d2f81')
  })

  it('masks the base64 token a gRPC server echoes', async () => {
    const token = 'grpc-user:grpc-Secret-pw-5'
    const encoded = Buffer.from(token).toString('base64')
    const sim = await startGrpcSimulator({
      token,
      tasks: [
        {
          task: JOB,
          outcome: 'failed',
          failedReason: `denied for ${encoded} (${token})`,
          infos: { collection: encoded }
        }
      ]
    })
    try {
      const run = await runAction({
        'job-id': JOB,
        endpoint: sim.address,
        'api-key': token,
        'poll-interval': '1s',
        timeout: '20s'
      })
      expectNoSuccess(run)
      expect(visible(run)).not.toContain(encoded)
      expect(visible(run)).not.toContain('grpc-Secret-pw-5')
    } finally {
      await sim.close()
    }
  })

  it('masks the whole default token but keeps the word Milvus, and warns once', async () => {
    const { run } = await runAgainst(() => describe2({}), {
      'api-key': 'root:Milvus'
    })
    expect(run.exitCode).toBe(0)
    expect(run.summary).toContain('## ✅ Milvus import completed')
    expect(run.stdout).toContain('Milvus REST v2')
    expect(run.stdout).not.toMatch(/::add-mask::Milvus\r?$/m)
    expect(run.stdout.match(/default Milvus token/g)).toHaveLength(1)
  })
})

describe('injection', () => {
  it.each([
    '7\n::set-output name=x::y',
    '7\r::stop-commands::tok',
    '7 ##[set-output name=x;]y',
    '::error::7'
  ])('a listed job ID %j makes the list unreadable', async (id) => {
    const { run, server } = await runAgainst(
      () =>
        JSON.stringify({
          code: 0,
          data: {
            records: [
              { jobId: id, collectionName: 'articles', state: 'Importing' }
            ]
          }
        }),
      { 'job-id': '', 'collection-name': 'articles' }
    )
    expectNoSuccess(run)
    expectNoInjection(run)
    expect(errorLines(run)[0]).toMatch(/cannot read .*jobId/)
    expect(server.requests.map((r) => r.path)).toEqual([
      '/v2/vectordb/jobs/import/list'
    ])
  })

  it('server text in every field cannot run a workflow command', async () => {
    expect.hasAssertions()
    const evil = 'x\n::set-output name=x::y\r::stop-commands::tok ##[warning]z'
    const { run } = await runAgainst(() =>
      describe2({
        state: 'Failed',
        collectionName: evil,
        reason: evil,
        completeTime: evil,
        details: [{ fileName: evil, state: evil, reason: evil }]
      })
    )
    expectNoSuccess(run)
    expectNoInjection(run)
  })

  it('an unknown state cannot run a workflow command either', async () => {
    const { run } = await runAgainst(
      (_r, n) =>
        n < 3 ? describe2({ state: '::error::Done' }) : describe2({}),
      {}
    )
    expect(run.exitCode).toBe(0)
    expectNoInjection(run)
  })

  it('gRPC infos cannot run a workflow command', async () => {
    expect.hasAssertions()
    const evil = 'x\n::set-output name=x::y ##[warning]z'
    const sim = await startGrpcSimulator({
      legacy: true,
      tasks: [
        {
          task: JOB,
          outcome: 'failed',
          failedReason: evil,
          files: [evil],
          infos: { collection: evil }
        }
      ]
    })
    try {
      const run = await runAction({
        'job-id': JOB,
        endpoint: sim.address,
        'poll-interval': '1s',
        timeout: '20s'
      })
      expectNoSuccess(run)
      expectNoInjection(run)
    } finally {
      await sim.close()
    }
  })

  it('drops escape sequences and invisible characters from server text', async () => {
    const reason = `x\u001b[2K \u001b[32mImport completed\u001b[0m \u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007 ${KEY.slice(0, 8)}\u200b${KEY.slice(8)} GH-1234`
    const { run } = await runAgainst(() =>
      describe2({ state: 'Failed', reason })
    )
    expectNoSuccess(run)
    expect(run.everything).not.toContain('\u001b')
    expect(run.everything).not.toContain('\u0007')
    // A key split by a zero-width space is joined, then masked.
    expect(visible(run)).not.toContain(KEY.slice(8))
    expect(run.summary).not.toMatch(/GH-1234/)
  })

  it('renders server text in the summary as inert text', async () => {
    const reason =
      '@octocat ![px](https://evil.example/p.png) [Click to fix](https://evil.example/login) <img src=x> a|b #12'
    const { run } = await runAgainst(() =>
      describe2({
        state: 'Failed',
        reason,
        details: [{ fileName: reason, state: 'Failed', reason }]
      })
    )
    expectNoSuccess(run)
    for (const live of ['@octocat', '![', '](', 'https://evil', '<img'])
      expect(run.summary).not.toContain(live)
    expect(run.summary).not.toMatch(/(?<!&)#12/)
    // GitHub starts a link after _ or a digit too, not only at a word start.
    const glued = await runAgainst(() =>
      describe2({
        state: 'Failed',
        reason:
          'see _https://evil.example/a 1https://evil.example/b _www.evil.example/c'
      })
    )
    expect(glued.run.summary).not.toMatch(/https:\/\/evil|www\.evil/i)
    // The tables keep their columns: no pipe came from the server.
    for (const line of run.summary
      .split('\n')
      .filter((l) => l.startsWith('| ')))
      expect(line.split('|').length).toBeLessThanOrEqual(8)
  })
})

describe('bad input', () => {
  it.each([
    ['api-key', 'sk-abc\r\ndef', /line break/],
    ['api-key', 'sk-abc\ndef', /line break/],
    ['api-key', 'sk-clé-123', /not printable ASCII/],
    ['db-name', 'analytics\r\nX-Evil: 1', /line break/],
    ['db-name', 'données', /not printable ASCII/]
  ])(
    '%s %j ends in one line naming it, with no request sent',
    async (name, value, why) => {
      const { run, server } = await runAgainst(() => describe2({}), {
        [name]: value
      })
      expectNoSuccess(run)
      const [line] = errorLines(run)
      expect(line).toMatch(new RegExp(`Input "${name}" contains`))
      expect(line).toMatch(why)
      expect(line).not.toMatch(/Invalid character in header/)
      expect(run.outputs.outcome).toBe('error')
      expect(server.requests).toEqual([])
    }
  )

  it('an endpoint with a query ends in one line naming it, with no request sent', async () => {
    const server = await hostileServer(() => describe2({}))
    try {
      const run = await runAction({
        'job-id': JOB,
        endpoint: `${server.endpoint}/?x=1`,
        'api-key': KEY
      })
      expectNoSuccess(run)
      expect(errorLines(run)[0]).toMatch(
        /Input "endpoint" must not have a query/
      )
      expect(server.requests).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('a SIGTERM at the first line out still ends in outputs and a summary', async () => {
    const server = await hostileServer(() => describe2({ state: 'Importing' }))
    try {
      const run = await runAction(
        {
          'job-id': JOB,
          endpoint: server.endpoint,
          'api-key': KEY,
          timeout: '30s'
        },
        { signal: { name: 'SIGTERM', whenStdout: /::add-mask::/ } }
      )
      expect(run.signal).toBeNull()
      expect(run.exitCode).toBe(1)
      expect(run.outputs.outcome).toBe('cancelled')
      expect(run.summary).toContain('was cancelled')
    } finally {
      await server.close()
    }
  })
})
