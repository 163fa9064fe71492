/**
 * create, commit, abort and the two-phase probe of the v2 client, over HTTP
 * to the simulator: which answers are refusals, which may hide a created
 * job, and which are worth retrying.
 */
import { LostAnswerError, neverSent } from '../../src/clients/import-control.js'
import { RestV2Api } from '../../src/clients/rest-v2.js'
import { ApiError, TransientError } from '../../src/errors.js'
import { startSimulator, type Simulator } from '../../simulator/server.js'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

const CALL = { timeoutMs: 5_000 }
const REQUEST = { collectionName: 'c', files: [['a.parquet']] }
const api = (extra: Record<string, string> = {}) =>
  new RestV2Api({ endpoint: sim!.url, ...extra })
const answer = (body: unknown, status = 200, action = 'create') => ({
  kind: 'status' as const,
  status,
  body: JSON.stringify(body),
  contentType: 'application/json',
  action
})

describe('create', () => {
  it('reads code 200 (Milvus 2.4.0-2.4.1) and the array shape of some documents', async () => {
    sim = await startSimulator({ milvusVersion: '2.4.1' })
    expect(await api().createJob(REQUEST, CALL)).toMatch(/^\d+$/)
    sim.pushFaults(answer({ code: 0, data: [{ jobID: '448707763884413158' }] }))
    expect(await api().createJob(REQUEST, CALL)).toBe('448707763884413158')
  })

  it.each([
    {
      name: 'an unreadable job ID',
      fault: answer({ code: 0, data: { jobId: '7\n::stop-commands::x' } }),
      error: /succeeded without a readable job ID/
    },
    {
      name: 'a 502 page',
      fault: { kind: 'status' as const, status: 502, action: 'create' },
      error: /answered HTTP 502 with a body this action cannot read/
    },
    {
      name: 'a hang-up after sending',
      fault: { kind: 'reset' as const, action: 'create' },
      error: /got no answer/
    }
  ])('reports $name as a lost answer, never to be retried', async (c) => {
    sim = await startSimulator({ faults: [c.fault] })
    const error = await api()
      .createJob(REQUEST, CALL)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LostAnswerError)
    expect((error as Error).message).toMatch(c.error)
    expect((error as LostAnswerError).transient).toBe(false)
  })

  it.each([
    {
      name: 'HTTP 401',
      fault: answer({ code: 1800, message: "user hasn't authenticated" }, 401),
      error: /^Authentication failed\./
    },
    {
      name: 'a coded HTTP 400',
      fault: answer(
        { code: 1802, message: 'missing required parameters' },
        400
      ),
      error:
        /code 1802: missing required parameters\)\. Check collection-name and files/
    },
    {
      name: 'a code with no known fix',
      fault: answer({ code: 65535, message: 'something else' }),
      error:
        /^Milvus REST v2 refused to create the import job \(code 65535: something else\)\. Check collection-name, files or object-url/
    }
  ])('refuses at once on $name', async (c) => {
    sim = await startSimulator({ faults: [c.fault] })
    const error = await api()
      .createJob(REQUEST, CALL)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as Error).message).toMatch(c.error)
  })

  it('tells a refused connection (never sent) from other faults', async () => {
    sim = await startSimulator()
    const url = sim.url
    await sim.close()
    sim = undefined
    const error = await new RestV2Api({ endpoint: url })
      .createJob(REQUEST, CALL)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransientError)
    expect(neverSent(error)).toBe(true)
    expect(neverSent(new TransientError('timed out'))).toBe(false)
  })
})

describe('where the job lives', () => {
  it('names a serverless project and region on create, commit and abort', async () => {
    sim = await startSimulator({
      faults: [
        answer({ code: 0, data: {} }, 200, 'commit'),
        answer({ code: 0, data: {} }, 200, 'abort')
      ]
    })
    const serverless = api({ projectId: 'proj-1', regionId: 'aws-us-west-2' })
    const jobId = await serverless.createJob(REQUEST, CALL)
    await serverless.commitJob(jobId, CALL)
    await serverless.abortJob(jobId, CALL)
    const bodies = sim.requests
      .filter((r) => /\/(create|commit|abort)$/.test(r.path))
      .map((r) => JSON.parse(r.body) as Record<string, unknown>)
    expect(bodies).toHaveLength(3)
    for (const body of bodies) {
      expect(body).toMatchObject({
        projectId: 'proj-1',
        regionId: 'aws-us-west-2'
      })
      expect(body).not.toHaveProperty('clusterId')
    }
    expect(bodies[1]).toEqual({
      jobId,
      projectId: 'proj-1',
      regionId: 'aws-us-west-2'
    })
  })
})

describe('commit and abort', () => {
  it('turns a refusal into one line, and keeps service faults retryable', async () => {
    sim = await startSimulator({
      faults: [answer({ code: 1, message: 'service not ready' }, 200, 'abort')]
    })
    const refused = await api()
      .commitJob('463071155436633601', CALL)
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as Error).message).toBe(
      'Milvus REST v2 refused to commit import job 463071155436633601 (code 2101: job 463071155436633601 not found: importing data failed on server side).'
    )
    const fault = await api()
      .abortJob('463071155436633601', CALL)
      .catch((e: unknown) => e)
    expect((fault as TransientError).transient).toBe(true)
  })

  it('says the server has no two-phase imports on HTTP 404', async () => {
    sim = await startSimulator({ twoPhase: false })
    expect(await api().supportsTwoPhase(CALL)).toBe(false)
    await expect(api().abortJob('1', CALL)).rejects.toThrow(
      /\/abort answered HTTP 404: this server has no two-phase imports/
    )
  })
})
