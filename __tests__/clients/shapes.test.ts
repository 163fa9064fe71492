/**
 * Every body shape of the seed documents and the API reference, read by the
 * real clients over real HTTP from the simulator on 127.0.0.1.
 */
import { RestV2Api } from '../../src/clients/rest-v2.js'
import { ZillizCloudV1Api } from '../../src/clients/zilliz-cloud-v1.js'
import type { ImportApi } from '../../src/clients/client.js'
import type { ImportJob } from '../../src/clients/job.js'
import { ApiError, JobNotFoundError } from '../../src/errors.js'
import type { JobScript, Simulator } from '../../simulator/server.js'
import { useSimulators } from '../helpers/simulators.js'

const CALL = { timeoutMs: 5000 }
const MILVUS_ID = '463071155436633601'
const CLOUD_ID = 'job-01fa0e5d42cjxudhpuehyp'

const start = useSimulators()

/** The client of a simulator's flavour. */
function clientOf(sim: Simulator, extra: Record<string, string> = {}) {
  if (sim.flavour === 'v1')
    return new ZillizCloudV1Api({ endpoint: sim.url, clusterId: 'in03-x' })
  return new RestV2Api({
    endpoint: sim.url,
    ...(sim.flavour === 'zilliz' && !extra.projectId
      ? { clusterId: 'in03-x' }
      : {}),
    ...extra
  })
}

/** Polls a job until it ends (at most 10 polls). */
async function pollAll(api: ImportApi, jobId: string): Promise<ImportJob[]> {
  const seen: ImportJob[] = []
  for (let i = 0; i < 10; i++) {
    const job = await api.getJob(jobId, CALL)
    seen.push(job)
    if (job.status !== 'running') break
  }
  return seen
}

const fourPolls = (jobId: string, extra: Partial<JobScript> = {}) => ({
  jobId,
  polls: 4,
  files: [
    { name: 'a/1.parquet', rows: 6_000 },
    { name: 'a/2.parquet', rows: 4_000 }
  ],
  ...extra
})

describe('progress on both scales', () => {
  it.each(['milvus', 'zilliz'] as const)(
    '%s: a 0-1 body reads as the same 0-100 figures as a 0-100 body',
    async (flavour) => {
      const id = flavour === 'milvus' ? MILVUS_ID : CLOUD_ID
      const percent = await start({ flavour, jobs: [fourPolls(id)] })
      const fraction = await start({
        flavour,
        progressScale: 'fraction',
        jobs: [fourPolls(id)]
      })
      const a = await pollAll(clientOf(percent), id)
      const b = await pollAll(clientOf(fraction), id)
      expect(b.map((j) => j.progress)).toEqual(a.map((j) => j.progress))
      expect(b.map((j) => j.files.map((f) => f.progress))).toEqual(
        a.map((j) => j.files.map((f) => f.progress))
      )
      // The middle polls are real fractions, shown as whole percents.
      expect(
        b.slice(1, -1).some((j) => j.progress > 1 && j.progress < 100)
      ).toBe(true)
      expect(b.at(-1)).toMatchObject({ state: 'Completed', progress: 100 })
    }
  )
})

describe('the legacy body answered by a v2 progress call', () => {
  it.each(['milvus', 'zilliz'] as const)(
    '%s: code 200, readyPercentage, no state: Completed once completeTime is set',
    async (flavour) => {
      const id = flavour === 'milvus' ? MILVUS_ID : CLOUD_ID
      const sim = await start({
        flavour,
        legacyBody: true,
        jobs: [fourPolls(id)]
      })
      const seen = await pollAll(clientOf(sim), id)
      expect(seen[0]).toMatchObject({ state: 'Importing', status: 'running' })
      expect(seen.at(-1)).toMatchObject({
        state: 'Completed',
        status: 'completed',
        progress: 100
      })
      expect(seen.at(-1)?.completeTime).toMatch(/^\d{4}-\d\d-\d\dT/)
      // No retries: every request was one poll.
      expect(sim.requests).toHaveLength(seen.length)
    }
  )

  it('reads errorMessage as Failed, with the message as the reason', async () => {
    const sim = await start({
      flavour: 'zilliz',
      legacyBody: true,
      jobs: [
        fourPolls(CLOUD_ID, {
          files: [{ name: 'a/1.parquet', rows: 10, failReason: 'bad row 7' }]
        })
      ]
    })
    const last = (await pollAll(clientOf(sim), CLOUD_ID)).at(-1)
    expect(last).toMatchObject({ state: 'Failed', status: 'failed' })
    expect(last?.reason).toContain('bad row 7')
  })
})

describe('code 200 is success', () => {
  it('Milvus 2.4.1: code 200 from /get_progress, old fileName form', async () => {
    const sim = await start({
      milvusVersion: '2.4.1',
      jobs: [fourPolls(MILVUS_ID)]
    })
    const seen = await pollAll(clientOf(sim), MILVUS_ID)
    expect(seen.at(-1)).toMatchObject({ state: 'Completed', progress: 100 })
    expect(seen.at(-1)?.files.map((f) => f.fileName)).toEqual([
      'a/1.parquet',
      'a/2.parquet'
    ])
    expect(sim.requests[0].path).toMatch(/describe$/)
    expect(sim.requests[1].path).toMatch(/get_progress$/)
  })

  it('a code 200 without data is an error, not success', async () => {
    const sim = await start({
      jobs: [fourPolls(MILVUS_ID)],
      faults: [{ kind: 'code', code: 200, message: 'partition not found' }]
    })
    await expect(clientOf(sim).getJob(MILVUS_ID, CALL)).rejects.toThrow(
      /code 200: partition not found/
    )
  })
})

describe('state names of any API', () => {
  it.each(['milvus', 'zilliz'] as const)(
    '%s: ImportRunning then ImportCompleted',
    async (flavour) => {
      const id = flavour === 'milvus' ? MILVUS_ID : CLOUD_ID
      const sim = await start({
        flavour,
        stateNames: 'import',
        jobs: [fourPolls(id)]
      })
      const seen = await pollAll(clientOf(sim), id)
      expect(seen[1]).toMatchObject({
        state: 'Importing',
        rawState: 'ImportRunning',
        status: 'running'
      })
      expect(seen.at(-1)).toMatchObject({
        state: 'Completed',
        rawState: 'ImportCompleted',
        status: 'completed'
      })
    }
  )
})

describe('nulls are unknown, never 0', () => {
  it('importedRows, totalRows, reason and details null', async () => {
    const sim = await start({
      flavour: 'zilliz',
      nulls: true,
      jobs: [fourPolls(CLOUD_ID)]
    })
    const seen = await pollAll(clientOf(sim), CLOUD_ID)
    expect(seen[0].files).toEqual([])
    for (const job of seen) {
      expect(job.importedRows).toBeUndefined()
      expect(job.totalRows).toBeUndefined()
      expect(job.reason).toBeUndefined()
      for (const f of job.files) {
        expect(f.importedRows).toBeUndefined()
        expect(f.totalRows).toBeUndefined()
      }
    }
    expect(seen.at(-1)?.status).toBe('completed')
  })
})

describe('Zilliz Cloud serverless', () => {
  it('sends projectId and regionId instead of clusterId', async () => {
    const sim = await start({
      flavour: 'zilliz',
      clusterId: 'in03-other',
      projectId: 'proj-1',
      regionId: 'aws-us-west-2',
      jobs: [fourPolls(CLOUD_ID)]
    })
    const api = clientOf(sim, {
      projectId: 'proj-1',
      regionId: 'aws-us-west-2'
    })
    expect(api.name).toBe('Zilliz Cloud v2')
    expect((await pollAll(api, CLOUD_ID)).at(-1)?.state).toBe('Completed')
    expect((await api.listJobs({}, CALL)).map((j) => j.jobId)).toEqual([
      CLOUD_ID
    ])
    for (const r of sim.requests) {
      const body = JSON.parse(r.body) as Record<string, unknown>
      expect(body).toMatchObject({
        projectId: 'proj-1',
        regionId: 'aws-us-west-2'
      })
      expect(body).not.toHaveProperty('clusterId')
    }
  })
})

// 120 jobs: more than one page of the client's 100.
const manyJobs = (flavour: string) =>
  Array.from({ length: 120 }, (_, i) => ({
    jobId:
      flavour === 'milvus'
        ? String(BigInt(MILVUS_ID) + BigInt(i))
        : `job-${String(i).padStart(4, '0')}`,
    collectionName: 'articles',
    createdAt: Date.UTC(2026, 0, 1) + i * 1000,
    ...(i === 0
      ? { files: [{ name: 'x.parquet', rows: 1, failReason: 'old failure' }] }
      : {}),
    ...(i === 119 ? { durationMs: 3_600_000 } : {})
  }))

describe('list shapes on every API', () => {
  const cases = (['milvus', 'zilliz', 'v1'] as const).flatMap((flavour) =>
    (['records', 'tasks'] as const).flatMap((listKey) =>
      [true, false].flatMap((listPaged) =>
        (['v2', 'import'] as const).map((stateNames) => ({
          flavour,
          listKey,
          listPaged,
          stateNames
        }))
      )
    )
  )
  it.each(cases)(
    '$flavour: $listKey, paged $listPaged, $stateNames state names, no progress',
    async (shape) => {
      const sim = await start({
        ...shape,
        listProgress: false,
        jobs: manyJobs(shape.flavour)
      })
      const listed = await clientOf(sim).listJobs(
        { collectionName: 'articles' },
        CALL
      )
      expect(listed).toHaveLength(120)
      expect(new Set(listed.map((j) => j.jobId)).size).toBe(120)
      const byStatus = (status: string) =>
        listed.filter((j) => j.status === status).length
      expect(byStatus('failed')).toBe(1)
      expect(byStatus('running')).toBe(1)
      expect(byStatus('completed')).toBe(118)
      expect(byStatus('unknown')).toBe(0)
      // No progress figure: unknown, except that Completed is 100.
      for (const j of listed)
        expect(j.progress).toBe(j.status === 'completed' ? 100 : undefined)
      const pages = sim.requests.length
      expect(pages).toBe(shape.listPaged ? 2 : 1)
    }
  )

  it('reads list progress on either scale', async () => {
    const sim = await start({
      listProgress: true,
      progressScale: 'fraction',
      jobs: [{ jobId: MILVUS_ID, collectionName: 'articles' }]
    })
    const [job] = await clientOf(sim).listJobs({}, CALL)
    expect(job).toMatchObject({ state: 'Completed', progress: 100 })
  })
})

describe('bad and unknown job IDs fail at once, with the fix', () => {
  // Release, code for a job ID that is not a number, code for no such job.
  const versions = [
    ['2.4.1', 2100, 2100],
    ['2.4.8', 2100, 2100],
    ['2.5.27', 2100, 2100],
    ['2.6.10', 2100, 2100],
    ['2.6.16', 2100, 2100],
    ['2.6.19', 1100, 2101],
    ['3.0.0', 1100, 2101]
  ] as const
  it.each(versions)(
    'Milvus %s: a job ID that is not a number (code %s)',
    async (v, code) => {
      const sim = await start({ milvusVersion: v, jobs: [] })
      const error = await clientOf(sim)
        .getJob('job-abc', CALL)
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).transient).toBe(false)
      expect((error as Error).message).toMatch(
        new RegExp(
          `^The job ID job-abc was rejected\\. Milvus REST v2 answered code ${code}: parse job id failed.*Check job-id: Milvus job IDs are numbers`
        )
      )
    }
  )

  it.each(versions)(
    'Milvus %s: a job that does not exist (code %s, %s)',
    async (v, _bad, code) => {
      const sim = await start({ milvusVersion: v, jobs: [] })
      const error = await clientOf(sim)
        .getJob('123', CALL)
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(JobNotFoundError)
      expect((error as Error).message).toMatch(
        new RegExp(
          `^Import job 123 was not found\\. Milvus REST v2 answered code ${code}: import job does not exist`
        )
      )
    }
  )

  it('Zilliz Cloud: code 90144', async () => {
    const sim = await start({ flavour: 'zilliz', jobs: [] })
    await expect(clientOf(sim).getJob(CLOUD_ID, CALL)).rejects.toThrow(
      JobNotFoundError
    )
  })
})
