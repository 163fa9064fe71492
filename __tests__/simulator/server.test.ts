/**
 * The simulator over real HTTP on 127.0.0.1: each flavour's bodies against the
 * API reference's examples, job progression, faults, auth and the request log.
 */
import http from 'node:http'
import { startSimulator, type Simulator } from '../../simulator/server.js'
import { useSimulators } from '../helpers/simulators.js'

// ---- a raw client: no retries, no keep-alive, socket faults reject ----

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
}

function request(
  base: string,
  method: string,
  path: string,
  options: {
    body?: string | object
    headers?: Record<string, string>
    timeoutMs?: number
  } = {}
): Promise<Answer> {
  const body =
    options.body === undefined || typeof options.body === 'string'
      ? options.body
      : JSON.stringify(options.body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      {
        method,
        agent: false,
        headers: {
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...options.headers
        }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('close', () => {
          if (!res.complete) reject(new Error('aborted'))
        })
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8')
          })
        )
      }
    )
    req.on('error', reject)
    if (options.timeoutMs) {
      req.setTimeout(options.timeoutMs, () => req.destroy(new Error('timeout')))
    }
    req.end(body)
  })
}

async function post(
  sim: Simulator,
  path: string,
  body: string | object,
  headers: Record<string, string> = {}
) {
  const answer = await request(sim.url, 'POST', path, { body, headers })
  return { ...answer, json: JSON.parse(answer.text) }
}

const DESCRIBE = '/v2/vectordb/jobs/import/describe'
const GET_PROGRESS = '/v2/vectordb/jobs/import/get_progress'
const LIST = '/v2/vectordb/jobs/import/list'
const JOB = '463071155436633601'
const T0 = Date.UTC(2026, 0, 5, 10, 0, 0)

// The type skeleton of a JSON value, to compare with the reference examples.
function shapeOf(value: unknown): unknown {
  if (value === null) return 'null'
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : []
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as object).map(([k, v]) => [k, shapeOf(v)])
    )
  }
  return typeof value
}

// Every key of every object, in the order the body has them.
function keyOrders(value: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(value)) value.forEach((v) => keyOrders(v, out))
  else if (value && typeof value === 'object') {
    out.push(Object.keys(value))
    Object.values(value).forEach((v) => keyOrders(v, out))
  }
  return out
}

const start = useSimulators()

// A clock the tests move by hand.
function manualClock(start = T0) {
  const clock = { t: start, now: () => clock.t }
  return clock
}

describe('Milvus REST v2', () => {
  it('reproduces the reference importing example byte for byte (derived 2.6 shape)', async () => {
    // examples/milvus-rest-v2-describe-importing.json
    const example =
      '{"code":0,"data":{"collectionName":"my_collection","completeTime":"","createTime":"2026-01-05T10:00:00Z","details":[{"completeTime":"2026-01-05T10:01:10Z","fileName":"[data/1.parquet]","fileSize":31567773,"importedRows":10000,"progress":100,"state":"Completed","totalRows":10000},{"completeTime":"","fileName":"[data/2.parquet]","fileSize":31517224,"importedRows":0,"progress":0,"state":"InProgress","totalRows":10000}],"fileSize":63084997,"importedRows":10000,"jobId":"463071155436633601","progress":55,"state":"Importing","totalRows":20000}}'
    const clock = manualClock()
    const sim = await start({
      now: clock.now,
      jobs: [
        {
          jobId: JOB,
          collectionName: 'my_collection',
          createdAt: T0,
          durationMs: 127_000,
          files: [
            { name: 'data/1.parquet', rows: 10_000, size: 31567773 },
            { name: 'data/2.parquet', rows: 10_000, size: 31517224 }
          ]
        }
      ]
    })
    await post(sim, DESCRIBE, { jobId: JOB })
    clock.t = T0 + 70_000
    const answer = await post(sim, DESCRIBE, { jobId: JOB })
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe(
      'application/json; charset=utf-8'
    )
    expect(answer.text).toBe(example)
  })

  it('reproduces the reference failed example, with Go HTML escaping', async () => {
    // examples/milvus-rest-v2-describe-failed.json
    const example = {
      code: 0,
      data: {
        collectionName: 'my_collection',
        completeTime: '',
        createTime: '2026-01-05T10:00:00Z',
        details: [
          {
            completeTime: '',
            fileName: '[data/1.parquet]',
            fileSize: 31567773,
            importedRows: 0,
            progress: 0,
            reason: '<task failure reason text>',
            state: 'Failed',
            totalRows: 10000
          }
        ],
        fileSize: 31567773,
        importedRows: 0,
        jobId: JOB,
        progress: 0,
        reason: '<job failure reason text>',
        state: 'Failed',
        totalRows: 0
      }
    }
    const sim = await start({
      now: () => T0,
      jobs: [
        {
          jobId: JOB,
          collectionName: 'my_collection',
          createdAt: T0,
          reason: '<job failure reason text>',
          files: [
            {
              name: 'data/1.parquet',
              rows: 10_000,
              size: 31567773,
              failReason: '<task failure reason text>'
            }
          ]
        }
      ]
    })
    const answer = await post(sim, DESCRIBE, { jobId: JOB })
    expect(answer.json).toEqual(example)
    expect(keyOrders(answer.json)).toEqual(
      keyOrders(example).map((keys) => [...keys].sort())
    )
    // gin escapes <, > and & in strings.
    expect(answer.text).toContain('\\u003cjob failure reason text\\u003e')
  })

  it('serves /get_progress with the same handler as /describe', async () => {
    const sim = await start({ jobs: [{ jobId: JOB }] })
    const a = await post(sim, DESCRIBE, { jobId: JOB })
    const b = await post(sim, GET_PROGRESS, { jobId: JOB })
    expect(b.json).toEqual(a.json)
    expect(a.json.data).toMatchObject({
      state: 'Completed',
      progress: 100,
      importedRows: 10_000,
      totalRows: 10_000
    })
    expect(a.json.data.completeTime).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/
    )
    expect(a.json.data).not.toHaveProperty('reason')
  })

  it('moves through the phases of the reference, one per poll', async () => {
    const sim = await start({ jobs: [{ jobId: JOB, polls: 5 }] })
    const seen = []
    for (let i = 0; i < 6; i++) {
      const { data } = (await post(sim, DESCRIBE, { jobId: JOB })).json
      seen.push({
        state: data.state,
        progress: data.progress,
        rows: `${data.importedRows}/${data.totalRows}`,
        files: data.details.map((d: { state: string }) => d.state).join(',')
      })
    }
    expect(seen).toEqual([
      { state: 'Pending', progress: 0, rows: '0/0', files: '' },
      // Pre-import: no import tasks yet.
      { state: 'Importing', progress: 25, rows: '0/0', files: '' },
      // Importing rows: 40 + 30 × imported/total.
      {
        state: 'Importing',
        progress: 49,
        rows: '3300/10000',
        files: 'InProgress'
      },
      // Sorting and index building.
      {
        state: 'Importing',
        progress: 75,
        rows: '10000/10000',
        files: 'Completed'
      },
      {
        state: 'Completed',
        progress: 100,
        rows: '10000/10000',
        files: 'Completed'
      },
      {
        state: 'Completed',
        progress: 100,
        rows: '10000/10000',
        files: 'Completed'
      }
    ])
  })

  it('moves by wall time from the first describe when durationMs is set', async () => {
    const clock = manualClock()
    const sim = await start({
      now: clock.now,
      jobs: [{ jobId: JOB, durationMs: 10_000 }]
    })
    const at = async (ms: number) => {
      clock.t = T0 + ms
      return (await post(sim, DESCRIBE, { jobId: JOB })).json.data
    }
    clock.t = T0 - 60_000 // time before the first describe does not count
    expect((await at(0)).state).toBe('Pending')
    expect(await at(500)).toMatchObject({ state: 'Pending', progress: 5 })
    expect(await at(2_000)).toMatchObject({ state: 'Importing', progress: 20 })
    expect(await at(9_500)).toMatchObject({ state: 'Importing', progress: 99 })
    const done = await at(10_000)
    expect(done).toMatchObject({
      state: 'Completed',
      progress: 100,
      completeTime: '2026-01-05T10:00:10Z'
    })
    expect(await at(99_000)).toMatchObject({
      state: 'Completed',
      completeTime: '2026-01-05T10:00:10Z'
    })
  })

  it('fails the job on a failing file, naming the file in the reason', async () => {
    const sim = await start({
      jobs: [
        {
          jobId: JOB,
          polls: 11,
          files: [
            { name: 'a.parquet', rows: 100 },
            { name: 'b.parquet', rows: 100, failReason: 'row 7: bad dim' },
            { name: 'c.parquet', rows: 100 }
          ]
        }
      ]
    })
    const poll = async () =>
      (await post(sim, DESCRIBE, { jobId: JOB })).json.data
    for (let i = 0; i < 9; i++) await poll()
    const running = await poll()
    expect(running.state).toBe('Importing')
    // The failing file fails last, when the job does.
    expect(running.details.map((d: { state: string }) => d.state)).toEqual([
      'Completed',
      'InProgress',
      'Completed'
    ])
    const failed = await poll()
    expect(failed).toMatchObject({
      state: 'Failed',
      progress: 0,
      importedRows: 0,
      totalRows: 0,
      completeTime: '',
      reason: 'failed to import file "b.parquet": row 7: bad dim'
    })
    expect(failed.details[1]).toMatchObject({
      fileName: '[b.parquet]',
      state: 'Failed',
      reason: 'row 7: bad dim'
    })
    expect(failed.details[0]).not.toHaveProperty('reason')
    expect((await poll()).state).toBe('Failed')
  })

  it('completes with a failed file when the outcome says completed', async () => {
    const sim = await start({
      jobs: [
        {
          jobId: JOB,
          outcome: 'completed',
          files: [
            { name: 'a.parquet', rows: 100 },
            { name: 'b.parquet', rows: 50, failReason: 'bad row' }
          ]
        }
      ]
    })
    const { data } = (await post(sim, DESCRIBE, { jobId: JOB })).json
    expect(data).toMatchObject({ state: 'Completed', progress: 100 })
    expect(data.details.map((d: { state: string }) => d.state)).toEqual([
      'Completed',
      'Failed'
    ])
  })

  it.each([
    {
      outcome: 'uncommitted' as const,
      want: { state: 'Uncommitted', progress: 99, completeTime: '' }
    },
    {
      outcome: 'none' as const,
      want: { state: 'None', progress: 0, reason: 'unknown import job state' }
    },
    { outcome: { state: 'Reindexing' }, want: { state: 'Reindexing' } }
  ])('stays in the end state $want.state', async ({ outcome, want }) => {
    const sim = await start({ jobs: [{ jobId: JOB, polls: 2, outcome }] })
    await post(sim, DESCRIBE, { jobId: JOB })
    for (let i = 0; i < 3; i++) {
      expect(
        (await post(sim, DESCRIBE, { jobId: JOB })).json.data
      ).toMatchObject(want)
    }
  })

  it.each([
    {
      name: 'jobId as a JSON number',
      body: `{"jobId":${JOB}}`,
      code: 1801,
      message:
        'can only accept json format request, error: json: cannot unmarshal number into Go struct field JobIDReq.jobId of type string'
    },
    {
      name: 'no jobId',
      body: '{}',
      code: 1802,
      message:
        "missing required parameters, error: Key: 'JobIDReq.JobID' Error:Field validation for 'JobID' failed on the 'required' tag"
    },
    {
      name: 'an empty body',
      body: '',
      code: 1801,
      message:
        'can only accept json format request, the request body should be nil, however {} is valid'
    },
    {
      name: 'a body that is not JSON',
      body: 'jobId=1',
      code: 1801,
      message:
        "can only accept json format request, error: invalid character 'j' looking for beginning of value"
    },
    {
      name: 'a non-numeric jobId (2.6)',
      body: '{"jobId":"abc"}',
      code: 1100,
      message:
        'parse job id failed: strconv.ParseInt: parsing "abc": invalid syntax: invalid parameter'
    },
    {
      name: 'an unknown job (2.6)',
      body: '{"jobId":"123"}',
      code: 2101,
      message:
        'import job does not exist, jobID=123: importing data failed on server side'
    },
    {
      name: 'an unknown job (2.4)',
      style: '2.4' as const,
      body: '{"jobId":"123"}',
      code: 2100,
      message: 'import job does not exist, jobID=123: importing data failed'
    },
    {
      name: 'a non-numeric jobId (2.4)',
      style: '2.4' as const,
      body: '{"jobId":"abc"}',
      code: 2100,
      message:
        'parse job id failed, err=%wstrconv.ParseInt: parsing "abc": invalid syntax: importing data failed'
    }
  ])('answers $name with HTTP 200 and code $code', async (c) => {
    const sim = await start({ notFoundStyle: c.style, jobs: [{ jobId: JOB }] })
    const answer = await post(sim, DESCRIBE, c.body)
    expect(answer.status).toBe(200)
    expect(answer.text).toBe(
      JSON.stringify({ code: c.code, message: c.message })
    )
  })

  // What each release's services.go GetImportProgress sends (see
  // simulator/milvus-versions.ts).
  it.each([
    [
      '2.4.1',
      'get_progress',
      2100,
      'parse job id failed, err=%wstrconv.ParseInt: parsing "abc": invalid syntax: importing data failed',
      2100,
      'import job does not exist, jobID=7: importing data failed'
    ],
    [
      '2.5.27',
      'describe',
      2100,
      'parse job id failed, err=%wstrconv.ParseInt: parsing "abc": invalid syntax: importing data failed',
      2100,
      'import job does not exist, jobID=7: importing data failed'
    ],
    [
      '2.6.16',
      'describe',
      2100,
      'parse job id failed: strconv.ParseInt: parsing "abc": invalid syntax: importing data failed',
      2100,
      'import job does not exist, jobID=7: importing data failed'
    ],
    [
      '3.0.0',
      'describe',
      1100,
      'parse job id failed: strconv.ParseInt: parsing "abc": invalid syntax: invalid parameter',
      2101,
      'import job does not exist, jobID=7: importing data failed on server side'
    ]
  ])(
    'Milvus %s answers bad and unknown job IDs on /%s',
    async (
      milvusVersion,
      route,
      badCode,
      badMessage,
      missingCode,
      missingMessage
    ) => {
      const sim = await start({ milvusVersion, jobs: [{ jobId: JOB }] })
      const path = `/v2/vectordb/jobs/import/${route}`
      expect((await post(sim, path, { jobId: 'abc' })).text).toBe(
        JSON.stringify({ code: badCode, message: badMessage })
      )
      expect((await post(sim, path, { jobId: '7' })).text).toBe(
        JSON.stringify({ code: missingCode, message: missingMessage })
      )
    }
  )

  it('Milvus 2.4.1 answers code 200, without /describe, createTime or bracketed fileName', async () => {
    const sim = await start({ milvusVersion: '2.4.1', jobs: [{ jobId: JOB }] })
    const miss = await request(sim.url, 'POST', DESCRIBE, {
      body: { jobId: JOB }
    })
    expect(miss.status).toBe(404)
    const { json } = await post(sim, '/v2/vectordb/jobs/import/get_progress', {
      jobId: JOB
    })
    expect(json.code).toBe(200)
    expect(json.data).not.toHaveProperty('createTime')
    expect(json.data.details[0].fileName).toMatch(
      /^id:\d+ paths:"data\/1\.parquet" $/
    )
  })

  it('answers in the shapes of the documents when told', async () => {
    const sim = await start({
      progressScale: 'fraction',
      stateNames: 'import',
      nulls: true,
      successCode: 200,
      jobs: [{ jobId: JOB }]
    })
    const { json } = await post(sim, DESCRIBE, { jobId: JOB })
    expect(json.code).toBe(200)
    expect(json.data).toMatchObject({
      state: 'ImportCompleted',
      progress: 1,
      importedRows: null,
      totalRows: null,
      reason: null
    })
    const legacy = await start({ legacyBody: true, jobs: [{ jobId: JOB }] })
    const body = (await post(legacy, DESCRIBE, { jobId: JOB })).json
    expect(body.code).toBe(200)
    expect(body.data).not.toHaveProperty('state')
    expect(body.data).toMatchObject({ readyPercentage: 1, errorMessage: null })
  })

  it('matches jobId case-insensitively, as Go does, and echoes it', async () => {
    const sim = await start({ jobs: [{ jobId: JOB }] })
    const { data } = (await post(sim, DESCRIBE, { jobID: JOB })).json
    expect(data.jobId).toBe(JOB)
    expect(data.state).toBe('Completed')
  })

  it('requires the API key: HTTP 401 code 1800 without it', async () => {
    const sim = await start({ apiKey: 'sk-1', jobs: [{ jobId: JOB }] })
    const none = await post(sim, DESCRIBE, { jobId: JOB })
    const wrong = await post(
      sim,
      DESCRIBE,
      { jobId: JOB },
      {
        Authorization: 'Bearer sk-2'
      }
    )
    for (const answer of [none, wrong]) {
      expect(answer.status).toBe(401)
      expect(answer.text).toBe(
        '{"code":1800,"message":"user hasn\'t authenticated"}'
      )
    }
    const ok = await post(
      sim,
      DESCRIBE,
      { jobId: JOB },
      {
        Authorization: 'Bearer sk-1',
        'DB-Name': 'analytics'
      }
    )
    expect(ok.status).toBe(200)
    expect(ok.json.code).toBe(0)
    expect(sim.requests[2].headers['db-name']).toBe('analytics')
  })

  it('accepts user:password as Bearer or Basic when the key has a colon', async () => {
    const sim = await start({ apiKey: 'root:Milvus', jobs: [{ jobId: JOB }] })
    const basic = Buffer.from('root:Milvus').toString('base64')
    for (const auth of ['Bearer root:Milvus', `Basic ${basic}`]) {
      const answer = await post(
        sim,
        DESCRIBE,
        { jobId: JOB },
        { Authorization: auth }
      )
      expect(answer.json.code).toBe(0)
    }
  })

  it('answers 404 for /describe on servers before 2.4.13, but serves /get_progress', async () => {
    const sim = await start({ noDescribe: true, jobs: [{ jobId: JOB }] })
    const old = await request(sim.url, 'POST', DESCRIBE, {
      body: { jobId: JOB }
    })
    expect(old).toMatchObject({ status: 404, text: '404 page not found' })
    expect(old.headers['content-type']).toBe('text/plain')
    expect((await post(sim, GET_PROGRESS, { jobId: JOB })).json.code).toBe(0)
  })

  it.each([
    ['GET', DESCRIBE],
    ['POST', '/v2/vectordb/jobs/import/getProgress'],
    ['POST', '/v1/vector/collections/import/get'],
    ['GET', '/']
  ])('answers %s %s with a 404 page, before auth', async (method, path) => {
    const sim = await start({ apiKey: 'k', jobs: [{ jobId: JOB }] })
    const answer = await request(sim.url, method, path)
    expect(answer).toMatchObject({ status: 404, text: '404 page not found' })
  })

  it('lists jobs like the reference list example, filtered by collection, without counting polls', async () => {
    // examples/milvus-rest-v2-list-completed.json
    const example = {
      code: 0,
      data: {
        records: [
          {
            collectionName: 'quick_setup',
            jobId: '453240863839750922',
            progress: 100,
            state: 'Completed'
          }
        ]
      }
    }
    const sim = await start({
      jobs: [
        { jobId: '453240863839750922', collectionName: 'quick_setup' },
        { jobId: '2', collectionName: 'other' },
        {
          jobId: '3',
          collectionName: 'quick_setup',
          polls: 2,
          files: [{ name: 'x', rows: 1, failReason: 'bad' }]
        }
      ]
    })
    const all = await post(sim, LIST, {})
    expect(
      all.json.data.records.map((r: { jobId: string }) => r.jobId)
    ).toEqual(['453240863839750922', '2', '3'])
    const some = await post(sim, LIST, {
      collectionName: 'quick_setup',
      pageSize: 1,
      currentPage: 5
    })
    expect(some.json.data.records[0]).toEqual(example.data.records[0])
    expect(shapeOf(some.json)).toEqual(shapeOf(example))
    // Listing does not advance a poll-scripted job.
    expect(some.json.data.records[1]).toEqual({
      collectionName: 'quick_setup',
      jobId: '3',
      progress: 0,
      state: 'Pending'
    })
    await post(sim, DESCRIBE, { jobId: '3' })
    await post(sim, DESCRIBE, { jobId: '3' })
    const after = await post(sim, LIST, { collectionName: 'quick_setup' })
    expect(after.json.data.records[1]).toEqual({
      collectionName: 'quick_setup',
      jobId: '3',
      progress: 0,
      reason: 'failed to import file "x": bad',
      state: 'Failed'
    })
  })
})

describe('Zilliz Cloud v2', () => {
  const CLUSTER = 'in03-abc'
  const cloudJob = {
    jobId: '448761313698322011',
    collectionName: 'medium_articles',
    files: [
      { name: 'medium_articles_2020_dpr.json', rows: 100_000, size: 3279917 }
    ]
  }
  // examples/zilliz-cloud-v2-getprogress-completed.json
  const example = {
    code: 0,
    data: {
      jobId: '448761313698322011',
      collectionName: 'medium_articles',
      fileName: 'medium_articles_2020_dpr.json',
      fileSize: 3279917,
      state: 'Completed',
      progress: 100,
      completeTime: '2024-04-01T06:17:55Z',
      reason: '',
      totalRows: 100000,
      details: [
        {
          fileName: 'medium_articles_2020_dpr.json',
          fileSize: 3279917,
          state: 'Completed',
          progress: 100,
          completeTime: '2024-04-01T06:17:53Z',
          reason: ''
        }
      ]
    }
  }

  it.each(['getProgress', 'get_progress', 'describe'])(
    'answers /%s in the shape and key order of the reference example',
    async (route) => {
      const sim = await start({
        flavour: 'zilliz',
        clusterId: CLUSTER,
        jobs: [cloudJob]
      })
      const answer = await post(sim, `/v2/vectordb/jobs/import/${route}`, {
        clusterId: CLUSTER,
        jobId: cloudJob.jobId
      })
      expect(shapeOf(answer.json)).toEqual(shapeOf(example))
      expect(keyOrders(answer.json)).toEqual(keyOrders(example))
      // Everything but the times, which are the simulator's own.
      const data = answer.json.data
      expect(data).toEqual({
        ...example.data,
        completeTime: expect.stringMatching(/Z$/),
        details: [
          {
            ...example.data.details[0],
            completeTime: expect.stringMatching(/Z$/)
          }
        ]
      })
    }
  )

  it('names a running file Importing, like the job states', async () => {
    const sim = await start({
      flavour: 'zilliz',
      jobs: [{ jobId: 'job-1', polls: 3 }]
    })
    const poll = async () =>
      (
        await post(sim, '/v2/vectordb/jobs/import/getProgress', {
          jobId: 'job-1'
        })
      ).json.data
    expect(await poll()).toMatchObject({
      state: 'Pending',
      details: [],
      reason: ''
    })
    const running = await poll()
    expect(running.state).toBe('Importing')
    expect(running.details[0].state).toBe('Importing')
    expect(running).not.toHaveProperty('importedRows')
    expect(running.details[0]).not.toHaveProperty('importedRows')
  })

  it.each([
    {
      name: 'no clusterId',
      body: { jobId: 'job-1' },
      want: {
        code: 90104,
        message: 'The clusterId parameter is empty in the request parameter.'
      }
    },
    {
      name: 'another clusterId',
      body: { jobId: 'job-1', clusterId: 'in03-other' },
      want: {
        code: 80020,
        message:
          'Invalid clusterId or you do not have permission to access that Cluster.'
      }
    },
    {
      name: 'an unknown job',
      body: { jobId: 'job-2', clusterId: CLUSTER },
      want: {
        code: 90144,
        message:
          'No jobId record found under this cluster, please check your request parameters.'
      }
    }
  ])('answers $name with code $want.code', async ({ body, want }) => {
    const sim = await start({
      flavour: 'zilliz',
      clusterId: CLUSTER,
      jobs: [{ jobId: 'job-1' }]
    })
    const answer = await post(sim, '/v2/vectordb/jobs/import/getProgress', body)
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual(want)
  })

  it('accepts projectId and regionId instead of clusterId', async () => {
    const sim = await start({
      flavour: 'zilliz',
      clusterId: CLUSTER,
      jobs: [{ jobId: 'job-1' }]
    })
    const answer = await post(sim, '/v2/vectordb/jobs/import/describe', {
      jobId: 'job-1',
      clusterId: '',
      projectId: 'proj-1',
      regionId: 'aws-us-west-2'
    })
    expect(answer.json.code).toBe(0)
  })

  it('rejects a missing key with 80001 and a wrong one with 21119', async () => {
    const sim = await start({
      flavour: 'zilliz',
      apiKey: 'key',
      jobs: [{ jobId: 'j' }]
    })
    const path = '/v2/vectordb/jobs/import/getProgress'
    expect((await post(sim, path, { jobId: 'j' })).json).toEqual({
      code: 80001,
      message: 'The token is illegal'
    })
    expect(
      (await post(sim, path, { jobId: 'j' }, { Authorization: 'Bearer nope' }))
        .json
    ).toEqual({ code: 21119, message: 'The apikey is illegal.' })
    expect(
      (await post(sim, path, { jobId: 'j' }, { Authorization: 'Bearer key' }))
        .json.code
    ).toBe(0)
  })

  it('lists jobs newest first, paged like the reference example', async () => {
    // examples/zilliz-cloud-v2-list-completed.json
    const example = {
      code: 0,
      data: {
        count: 1,
        currentPage: 1,
        pageSize: 10,
        records: [
          {
            collectionName: 'test_collection',
            jobId: 'job-xxxxxxxxxxxxxxxxxxxxx',
            state: 'Completed'
          }
        ]
      }
    }
    const sim = await start({
      flavour: 'zilliz',
      jobs: [1, 2, 3].map((n) => ({
        jobId: `job-${n}`,
        collectionName: n === 2 ? 'other' : 'test_collection',
        createdAt: T0 + n
      }))
    })
    const one = await post(sim, LIST, {
      clusterId: 'x',
      collectionName: 'other'
    })
    expect(shapeOf(one.json)).toEqual(shapeOf(example))
    expect(keyOrders(one.json)).toEqual(keyOrders(example))
    const page = await post(sim, LIST, {
      clusterId: 'x',
      pageSize: 2,
      currentPage: 2
    })
    expect(page.json.data).toEqual({
      count: 3,
      currentPage: 2,
      pageSize: 2,
      records: [
        {
          collectionName: 'test_collection',
          jobId: 'job-1',
          state: 'Completed'
        }
      ]
    })
    const first = await post(sim, LIST, { pageSize: 2, currentPage: 1 })
    expect(
      first.json.data.records.map((r: { jobId: string }) => r.jobId)
    ).toEqual(['job-3', 'job-2'])
  })
})

describe('Zilliz Cloud v1 (legacy)', () => {
  const CLUSTER = 'in01-xyz'
  // examples/zilliz-cloud-v1-get-inprogress.json
  const inProgress = {
    code: 200,
    data: {
      collectionName: 'medium_articles',
      fileName: '1af78216-xxxx-xxxx-xxxx-2b0a73c566ed/1.parquet',
      fileSize: 19599887,
      readyPercentage: 0,
      completeTime: null,
      errorMessage: null,
      jobId: 'job-xxxxxxxxxxxxxxxxxxxxxx',
      details: [
        {
          fileName: '1af78216-xxxx-xxxx-xxxx-2b0a73c566ed/1.parquet',
          fileSize: 19599887,
          readyPercentage: 0,
          completeTime: null,
          errorMessage: null
        }
      ]
    }
  }
  const get = (sim: Simulator, query: string, headers = {}) =>
    request(sim.url, 'GET', `/v1/vector/collections/import/get?${query}`, {
      headers
    }).then((a) => ({ ...a, json: JSON.parse(a.text) }))

  it('answers get like the reference, as a fraction, until it completes', async () => {
    const sim = await start({
      flavour: 'v1',
      clusterId: CLUSTER,
      jobs: [
        {
          jobId: 'job-xxxxxxxxxxxxxxxxxxxxxx',
          collectionName: 'medium_articles',
          polls: 2,
          files: [
            {
              name: '1af78216-xxxx-xxxx-xxxx-2b0a73c566ed/1.parquet',
              rows: 1000,
              size: 19599887
            }
          ]
        }
      ]
    })
    const q = `jobId=job-xxxxxxxxxxxxxxxxxxxxxx&clusterId=${CLUSTER}`
    const first = await get(sim, q)
    expect(first.json).toEqual(inProgress)
    expect(keyOrders(first.json)).toEqual(keyOrders(inProgress))
    const done = await get(sim, q)
    expect(done.json.data).toMatchObject({
      readyPercentage: 1,
      completeTime: expect.stringMatching(/Z$/),
      errorMessage: null
    })
    expect(done.json.data.details[0]).toMatchObject({
      readyPercentage: 1,
      completeTime: expect.any(String)
    })
  })

  it('reports a failure in errorMessage', async () => {
    const sim = await start({
      flavour: 'v1',
      jobs: [
        { jobId: 'job-1', files: [{ name: 'f', rows: 1, failReason: 'bad' }] }
      ]
    })
    const { json } = await get(sim, 'jobId=job-1&clusterId=any')
    expect(json.data).toMatchObject({
      errorMessage: 'failed to import file "f": bad',
      completeTime: expect.any(String)
    })
    expect(json.data.details[0].errorMessage).toBe('bad')
  })

  it('lists tasks with the v1 state names, paged', async () => {
    const sim = await start({
      flavour: 'v1',
      jobs: [
        { jobId: 'a', createdAt: T0 + 1, durationMs: 60_000 },
        { jobId: 'b', createdAt: T0 + 2 },
        {
          jobId: 'c',
          createdAt: T0 + 3,
          files: [{ name: 'f', rows: 1, failReason: 'x' }]
        }
      ]
    })
    const answer = await request(
      sim.url,
      'GET',
      '/v1/vector/collections/import/list?clusterId=x&pageSize=10&currentPage=1'
    )
    expect(JSON.parse(answer.text)).toEqual({
      code: 200,
      data: {
        tasks: [
          {
            collectionName: 'demo_collection',
            jobId: 'c',
            state: 'ImportFailed'
          },
          {
            collectionName: 'demo_collection',
            jobId: 'b',
            state: 'ImportCompleted'
          },
          {
            collectionName: 'demo_collection',
            jobId: 'a',
            state: 'ImportRunning'
          }
        ],
        count: 3,
        currentPage: 1,
        pageSize: 10
      }
    })
  })

  it('rejects a bad token with 80002 and needs GET', async () => {
    const sim = await start({
      flavour: 'v1',
      apiKey: 'k',
      jobs: [{ jobId: 'j' }]
    })
    const { json } = await get(sim, 'jobId=j')
    expect(json.code).toBe(80002)
    expect(json.message).toMatch(/^Token not found or unauthorized/)
    expect(
      (await get(sim, 'jobId=j', { Authorization: 'Bearer k' })).json.code
    ).toBe(200)
    const posted = await request(
      sim.url,
      'POST',
      '/v1/vector/collections/import/get',
      {
        body: { jobId: 'j' }
      }
    )
    expect(posted.status).toBe(404)
  })
})

describe('faults', () => {
  it('serves status faults with their page and Retry-After, in order, then answers', async () => {
    const sim = await start({
      jobs: [{ jobId: JOB, polls: 2 }],
      faults: [
        { kind: 'status', status: 503, retryAfter: '7' },
        { kind: 'status', status: 502 },
        {
          kind: 'status',
          status: 429,
          body: '{"error":"slow down"}',
          contentType: 'application/json'
        }
      ]
    })
    const a = await request(sim.url, 'POST', DESCRIBE, { body: { jobId: JOB } })
    expect(a.status).toBe(503)
    expect(a.headers['retry-after']).toBe('7')
    const b = await request(sim.url, 'POST', DESCRIBE, { body: { jobId: JOB } })
    expect(b.status).toBe(502)
    expect(b.headers['content-type']).toBe('text/html')
    expect(b.text).toContain('<title>502 Bad Gateway</title>')
    const c = await request(sim.url, 'POST', DESCRIBE, { body: { jobId: JOB } })
    expect(c).toMatchObject({ status: 429, text: '{"error":"slow down"}' })
    expect(c.headers['content-type']).toBe('application/json')
    // Faulted requests are not polls: the job still needs two describes.
    expect((await post(sim, DESCRIBE, { jobId: JOB })).json.data.state).toBe(
      'Pending'
    )
    expect((await post(sim, DESCRIBE, { jobId: JOB })).json.data.state).toBe(
      'Completed'
    )
    expect(sim.requests).toHaveLength(5)
  })

  it('resets the connection', async () => {
    const sim = await start({
      jobs: [{ jobId: JOB }],
      faults: [{ kind: 'reset' }]
    })
    await expect(
      request(sim.url, 'POST', DESCRIBE, { body: { jobId: JOB } })
    ).rejects.toMatchObject({ code: 'ECONNRESET' })
    expect((await post(sim, DESCRIBE, { jobId: JOB })).json.code).toBe(0)
  })

  it('hangs until the client gives up, and close() ends hanging sockets', async () => {
    const sim = await startSimulator({
      faults: [{ kind: 'hang' }, { kind: 'hang' }]
    })
    await expect(
      request(sim.url, 'POST', DESCRIBE, { body: {}, timeoutMs: 100 })
    ).rejects.toThrow('timeout')
    const pending = request(sim.url, 'POST', DESCRIBE, { body: {} })
    const settled = pending.then(
      () => 'answered',
      () => 'closed'
    )
    await new Promise((r) => setTimeout(r, 50))
    await sim.close()
    expect(await settled).toBe('closed')
  })

  it('cuts the body short of its Content-Length', async () => {
    const sim = await start({
      jobs: [{ jobId: JOB }],
      faults: [{ kind: 'truncated' }]
    })
    await expect(
      request(sim.url, 'POST', DESCRIBE, { body: { jobId: JOB } })
    ).rejects.toThrow()
    // The truncated answer was not counted as a poll of a completed job.
    expect((await post(sim, DESCRIBE, { jobId: JOB })).json.code).toBe(0)
  })

  it.each([
    {
      fault: { kind: 'invalid-json' as const },
      check: (t: string) => expect(() => JSON.parse(t)).toThrow()
    },
    {
      fault: { kind: 'wrong-shape' as const },
      check: (t: string) =>
        expect(JSON.parse(t)).toEqual({ code: 0, data: { state: 42 } })
    },
    {
      fault: { kind: 'code' as const, code: 2, message: 'service unavailable' },
      check: (t: string) =>
        expect(JSON.parse(t)).toEqual({
          code: 2,
          message: 'service unavailable'
        })
    }
  ])('serves a $fault.kind body with HTTP 200', async ({ fault, check }) => {
    const sim = await start({ jobs: [{ jobId: JOB }], faults: [fault] })
    const answer = await request(sim.url, 'POST', DESCRIBE, {
      body: { jobId: JOB }
    })
    expect(answer.status).toBe(200)
    check(answer.text)
  })

  it('uses the httpStatus of a code fault', async () => {
    const sim = await start({})
    sim.pushFaults({
      kind: 'code',
      code: 65535,
      message: 'permission deny',
      httpStatus: 403
    })
    const answer = await request(sim.url, 'POST', LIST, { body: {} })
    expect(answer.status).toBe(403)
  })
})

describe('request log and helpers', () => {
  it('records each request; /__health answers ok and is neither logged nor faulted', async () => {
    const clock = manualClock()
    const sim = await start({
      now: clock.now,
      flavour: 'v1',
      faults: [{ kind: 'status', status: 500 }]
    })
    const health = await request(sim.url, 'GET', '/__health')
    expect(health).toMatchObject({ status: 200, text: 'ok' })
    await request(
      sim.url,
      'GET',
      '/v1/vector/collections/import/get?jobId=j&clusterId=c',
      {
        headers: { Authorization: 'Bearer t' }
      }
    )
    clock.t += 5
    await request(sim.url, 'POST', LIST, { body: { a: 1 } })
    expect(sim.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/v1/vector/collections/import/get',
        query: 'jobId=j&clusterId=c',
        body: '',
        at: T0
      }),
      expect.objectContaining({
        method: 'POST',
        path: LIST,
        body: '{"a":1}',
        at: T0 + 5
      })
    ])
    expect(sim.requests[0].headers.authorization).toBe('Bearer t')
  })

  it('adds jobs while running and listens on 127.0.0.1', async () => {
    const sim = await start({})
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await post(sim, DESCRIBE, { jobId: '9' })).json.code).toBe(2101)
    sim.addJob({ jobId: '9' })
    expect((await post(sim, DESCRIBE, { jobId: '9' })).json.code).toBe(0)
  })
})
