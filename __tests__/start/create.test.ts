/**
 * Starting an import (files / object-url) over real HTTP: run() in-process
 * against the simulator. Create is never sent twice unless the first one
 * provably did not reach the server.
 */
import { forgetSecrets } from '../../src/secrets.js'
import { startSimulator, type Simulator } from '../../simulator/server.js'
import { actions, bodies, runAgainst } from '../helpers/in-process.js'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
  forgetSecrets()
})

const CLUSTER = 'in03-0123456789abcdef'
const API_KEY = 'zilliz-api-key-7f3e9a'
const SECRET = 'aws-secret-Qm9vYmFy-0042'
const creates = (s: Simulator) => actions(s).filter((a) => a === 'create')

describe('starting an import on Milvus', () => {
  it('sends files as groups with partition, db and options, sets jobId at once and waits', async () => {
    sim = await startSimulator({ created: { polls: 2 } })
    const { runner, result } = await runAgainst(sim, {
      'collection-name': 'articles',
      files: 'a/1.parquet\nb/id.npy, b/vector.npy\n',
      'partition-name': 'p2026',
      'db-name': 'analytics',
      'import-options': 'timeout=30m\nsep=;'
    })
    expect(result?.outcome).toBe('success')
    const jobId = runner.outputs.jobId
    expect(bodies(sim, 'create')).toEqual([
      {
        collectionName: 'articles',
        dbName: 'analytics',
        partitionName: 'p2026',
        files: [['a/1.parquet'], ['b/id.npy', 'b/vector.npy']],
        options: { timeout: '30m', sep: ';' }
      }
    ])
    const create = sim.requests.find((r) => r.path.endsWith('/create'))
    expect(create?.headers['db-name']).toBe('analytics')
    // No probe without commit: gated; one create; then the wait.
    expect(actions(sim).slice(0, 3)).toEqual(['list', 'create', 'describe'])
    expect(bodies(sim, 'describe')[0]).toEqual({ jobId })
    expect(runner.outputs.committed).toBeUndefined()
    expect(runner.lines).toContain(`Created import job ${jobId}.`)
  })

  it('sets jobId even when the job then fails, naming the missing file', async () => {
    sim = await startSimulator({ objects: { 'a/1.parquet': { rows: 10 } } })
    const { runner } = await runAgainst(sim, {
      'collection-name': 'articles',
      files: 'a/1.parquet\na/2.parquet'
    })
    expect(runner.outputs.jobId).toMatch(/^\d+$/)
    expect(runner.failed).toMatch(/a\/2\.parquet.*does not exist/)
  })

  it.each([
    {
      name: 'collection not found',
      settings: { collections: ['other'] },
      error:
        /refused to create the import job \(code 100: collection not found\[database=default\]\[collection=articles\]\)\. Check collection-name/
    },
    {
      name: 'a format error',
      settings: {
        faults: [
          {
            kind: 'code' as const,
            code: 2100,
            message:
              'for Parquet import, accepts only one file: importing data failed',
            action: 'create'
          }
        ]
      },
      error: /code 2100: .*accepts only one file.*\)\. Check the file format/
    },
    {
      name: 'a server too old for REST imports (HTTP 404)',
      settings: { milvusVersion: '2.3.0' },
      error:
        /\/create answered HTTP 404: this server cannot start imports over REST \(Milvus before 2\.4/
    },
    {
      name: 'the jobs limit',
      settings: {
        faults: [
          {
            kind: 'code' as const,
            code: 2101,
            message:
              'The number of jobs has reached the limit, please try again later',
            action: 'create'
          }
        ]
      },
      error: /Wait for the running imports/
    }
  ])('fails at once with a fix on $name', async ({ settings, error }) => {
    sim = await startSimulator(settings)
    const { runner, result } = await runAgainst(sim, {
      'collection-name': 'articles',
      files: 'a/1.parquet'
    })
    expect(result?.outcome).toBe('error')
    expect(runner.failed).toMatch(error)
    expect(creates(sim).length).toBeLessThanOrEqual(1)
    expect(actions(sim)).not.toContain('describe')
  })
})

describe('never creating twice', () => {
  const inputs = { 'collection-name': 'articles', files: 'a/1.parquet' }

  it('retries a create the server refused with 429 or 503', async () => {
    sim = await startSimulator({
      faults: [
        { kind: 'status', status: 503, action: 'create' },
        { kind: 'status', status: 429, retryAfter: '1', action: 'create' }
      ]
    })
    const { runner, result } = await runAgainst(sim, inputs)
    expect(result?.outcome).toBe('success')
    expect(creates(sim)).toHaveLength(3)
    expect(runner.outputs.jobId).toMatch(/^\d+$/)
  })

  it('finds the job with list when the answer to create is lost', async () => {
    // The server makes the job, then the answer is cut off mid-body.
    sim = await startSimulator({
      faults: [{ kind: 'truncated', action: 'create' }]
    })
    const { runner, result } = await runAgainst(sim, inputs)
    expect(creates(sim)).toHaveLength(1)
    expect(result?.outcome).toBe('success')
    const jobId = runner.outputs.jobId
    expect(jobId).toMatch(/^\d+$/)
    expect(
      runner.lines.some((l) =>
        l.includes(`Found the job it created with the list API: ${jobId}.`)
      )
    ).toBe(true)
    expect(actions(sim).slice(0, 3)).toEqual(['list', 'create', 'list'])
  })

  it('fails with a line saying a job may exist when list cannot tell', async () => {
    sim = await startSimulator({
      faults: [{ kind: 'status', status: 500, action: 'create' }]
    })
    const { runner, result } = await runAgainst(sim, inputs)
    expect(creates(sim)).toHaveLength(1)
    expect(result?.outcome).toBe('error')
    expect(runner.failed).toMatch(
      /^Milvus REST v2 \/create answered HTTP 500 .*An import job may have been created: list the jobs of collection "articles" \(POST \/v2\/vectordb\/jobs\/import\/list\) before running the step again/
    )
    expect(runner.outputs.jobId).toBe('')
  })

  it('gives up on a refused connection without ever reaching a server', async () => {
    sim = await startSimulator()
    const url = sim.url
    await sim.close()
    sim = undefined
    const closed = { url, requests: [] } as unknown as Simulator
    const { runner, result } = await runAgainst(closed, inputs)
    expect(result?.outcome).toBe('error')
    expect(runner.failed).toMatch(/ECONNREFUSED.*Gave up after 10 failed tries/)
  })
})

describe('starting an import on Zilliz Cloud', () => {
  const zilliz = (extra: Record<string, unknown> = {}) =>
    startSimulator({
      flavour: 'zilliz',
      clusterId: CLUSTER,
      apiKey: API_KEY,
      bucketKeys: { accessKey: 'AKIAEXAMPLE', secretKey: SECRET },
      created: { polls: 2 },
      ...extra
    })
  const inputs = {
    'collection-name': 'medium_articles',
    'cluster-id': CLUSTER,
    'api-key': API_KEY,
    'object-url':
      's3://bucket/articles/1.parquet\nhttps://bucket.s3.us-west-2.amazonaws.com/articles/2.parquet',
    'access-key': 'AKIAEXAMPLE',
    'secret-key': SECRET
  }

  it('sends the object URLs with their keys and cluster, and masks the keys', async () => {
    sim = await zilliz()
    const { runner, result } = await runAgainst(sim, inputs)
    expect(result?.outcome).toBe('success')
    expect(runner.outputs.jobId).toMatch(/^job-/)
    expect(bodies(sim, 'create')).toEqual([
      {
        collectionName: 'medium_articles',
        clusterId: CLUSTER,
        objectUrls: [
          ['s3://bucket/articles/1.parquet'],
          ['https://bucket.s3.us-west-2.amazonaws.com/articles/2.parquet']
        ],
        accessKey: 'AKIAEXAMPLE',
        secretKey: SECRET
      }
    ])
    expect(runner.secrets).toEqual(
      expect.arrayContaining(['AKIAEXAMPLE', SECRET, API_KEY])
    )
    expect(runner.everything()).not.toContain(SECRET)
  })

  it.each([
    {
      name: 'missing keys',
      inputs: { 'access-key': '', 'secret-key': '' },
      error:
        /code 83001: Failed to getObjectMeta \{Access denied\}\)\. Check access-key and secret-key/
    },
    {
      name: 'a bad object URL',
      inputs: { 'object-url': 's3://bucket' },
      error:
        /code 10003: Invalid s3 ObjectUrl\. \[s3:\/\/bucket\]\)\. Check files or object-url/
    },
    {
      name: 'an unknown collection',
      inputs: { 'collection-name': 'nope' },
      error: /code 47005: .*\)\. Check collection-name/
    }
  ])('fails at once with a fix on $name', async ({ inputs: extra, error }) => {
    sim = await zilliz({ collections: ['medium_articles'] })
    const { runner } = await runAgainst(sim, { ...inputs, ...extra })
    expect(runner.failed).toMatch(error)
    expect(creates(sim)).toHaveLength(1)
    expect(runner.everything()).not.toContain(SECRET)
  })

  it('probes Zilliz Cloud for two-phase imports and refuses where it has none', async () => {
    sim = await zilliz()
    const { runner } = await runAgainst(sim, { ...inputs, commit: 'gated' })
    expect(runner.failed).toMatch(
      /^Zilliz Cloud v2 cannot hold an import back until it is committed/
    )
    expect(actions(sim)).toEqual(['commit'])
    expect(bodies(sim, 'commit')).toEqual([{ jobId: 'x', clusterId: CLUSTER }])
  })

  it('commits a gated import where Zilliz Cloud has two-phase imports', async () => {
    sim = await zilliz({ twoPhase: true })
    const { runner, result } = await runAgainst(sim, {
      ...inputs,
      commit: 'gated'
    })
    expect(result?.outcome).toBe('success')
    const jobId = runner.outputs.jobId
    expect(bodies(sim, 'create')[0].options).toEqual({ auto_commit: 'false' })
    expect(bodies(sim, 'commit').at(-1)).toEqual({ jobId, clusterId: CLUSTER })
    expect(runner.outputs.committed).toBe('true')
  })

  it('aborts when the server reports no imported rows to check the row gates on', async () => {
    // Zilliz Cloud's getProgress has totalRows but no importedRows.
    sim = await zilliz({ twoPhase: true })
    const { runner } = await runAgainst(sim, {
      ...inputs,
      commit: 'gated',
      'expected-rows': '20000'
    })
    const jobId = runner.outputs.jobId
    expect(runner.failed).toMatch(
      new RegExp(
        `^Aborted import job ${jobId}: the server did not report imported rows`
      )
    )
    expect(bodies(sim, 'abort')).toEqual([{ jobId, clusterId: CLUSTER }])
    expect(runner.outputs.committed).toBe('false')
  })
})
