/**
 * The simulator's create, commit and abort over HTTP, against the state
 * table of the create/commit/abort reference (section 2.4).
 */
import { startSimulator, type Simulator } from '../../simulator/server.js'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function post(action: string, body: unknown) {
  const res = await fetch(`${sim!.url}/v2/vectordb/jobs/import/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  })
  const text = await res.text()
  return { status: res.status, text, json: () => JSON.parse(text) }
}

const state = async (jobId: string) =>
  (await post('describe', { jobId })).json().data.state as string

const create = async (options?: Record<string, unknown>) =>
  (
    await post('create', {
      collectionName: 'c',
      files: [['a.parquet']],
      ...(options ? { options } : {})
    })
  ).json()

describe('two-phase imports in the simulator', () => {
  it('parks a job in Uncommitted, commits it through Committing to Completed', async () => {
    sim = await startSimulator({ created: { polls: 2 } })
    const made = await create({ auto_commit: 'false' })
    expect(made).toEqual({ code: 0, data: { jobId: expect.any(String) } })
    const { jobId } = made.data
    expect(await state(jobId)).toBe('Pending')
    expect((await post('commit', { jobId })).json()).toEqual({
      code: 2100,
      message: `job ${jobId} is in state Pending, expected Uncommitted: importing data failed`
    })
    expect(await state(jobId)).toBe('Uncommitted')
    expect((await post('commit', { jobId })).json()).toEqual({
      code: 0,
      data: {}
    })
    expect(await state(jobId)).toBe('Committing')
    expect(await state(jobId)).toBe('Completed')
    // Idempotent once committed; abort is refused.
    expect((await post('commit', { jobId })).json().code).toBe(0)
    expect((await post('abort', { jobId })).json()).toEqual({
      code: 2100,
      message: `job ${jobId} is in terminal/committed state Completed, abort not allowed: importing data failed`
    })
  })

  it('aborts a two-phase job to Failed with no rows, and repeats the abort', async () => {
    sim = await startSimulator({ created: { polls: 1 } })
    const { jobId } = (await create({ auto_commit: 'FALSE' })).data
    expect((await post('abort', { jobId })).json().code).toBe(0)
    const job = (await post('describe', { jobId })).json().data
    expect(job).toMatchObject({
      state: 'Failed',
      reason: 'aborted by user',
      importedRows: 0
    })
    expect((await post('abort', { jobId })).json().code).toBe(0)
    expect((await post('commit', { jobId })).json().message).toMatch(
      /is in state Failed, expected Uncommitted/
    )
  })

  it('refuses commit and abort of an auto-commit job', async () => {
    sim = await startSimulator({ created: { polls: 5 } })
    const { jobId } = (await create()).data
    expect((await post('abort', { jobId })).json()).toEqual({
      code: 2100,
      message: `job ${jobId} is auto-commit, manual commit/abort not allowed: importing data failed`
    })
  })

  it('answers bad and unknown job IDs as Milvus 3.0 does', async () => {
    sim = await startSimulator()
    expect((await post('commit', { jobId: 'x' })).json()).toEqual({
      code: 1100,
      message:
        'strconv.ParseInt: parsing "x": invalid syntax: invalid parameter[expected=int64 jobId][actual=x]'
    })
    expect(
      (await post('abort', { jobId: '922337203685477000' })).json()
    ).toEqual({
      code: 2101,
      message:
        'job 922337203685477000 not found: importing data failed on server side'
    })
  })

  it('validates auto_commit and option types at create', async () => {
    sim = await startSimulator()
    expect(await create({ auto_commit: 'no' })).toEqual({
      code: 1801,
      message:
        'can only accept json format request, error: options.auto_commit must be one of "true" or "false": invalid parameter'
    })
    expect((await create({ auto_commit: false })).code).toBe(1801)
    expect(
      (await post('create', { collectionName: 'c', files: [[]] })).json()
    ).toEqual({
      code: 1100,
      message: 'import request is empty: invalid parameter'
    })
    expect(
      (await post('create', { collectionName: 'c', files: [['a.txt']] })).json()
    ).toEqual({
      code: 2100,
      message: 'unexpected file type, files=[a.txt]: importing data failed'
    })
  })

  it('is an older server in old-server mode: /commit is 404 and auto_commit is ignored', async () => {
    sim = await startSimulator({ twoPhase: false, created: { polls: 1 } })
    const commit = await post('commit', { jobId: 'x' })
    expect(commit).toMatchObject({ status: 404, text: '404 page not found' })
    expect((await post('abort', { jobId: '1' })).status).toBe(404)
    const { jobId } = (await create({ auto_commit: 'false' })).data
    expect(await state(jobId)).toBe('Completed')
  })
})
