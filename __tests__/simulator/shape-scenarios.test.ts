/**
 * The action run in-process against each shape scenario over real HTTP
 * (virtual clock only): what a user sees in outputs, summary and log.
 */
import { scenarios } from '../../simulator/scenarios.js'
import { startHarness, type Harness } from '../helpers/in-process.js'

let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const CLOUD = {
  'job-id': 'job-01fa0e5d42cjxudhpuehyp',
  'cluster-id': 'in03-5f1c2e8d9a7b4c3'
}
const MILVUS = { 'job-id': '463071155436633601' }

describe.each([
  ['legacy-body', CLOUD],
  ['fraction-progress', CLOUD],
  ['milvus-2.4.1', MILVUS],
  ['milvus-2.5', MILVUS],
  ['milvus-3.0', MILVUS],
  ['nulls', CLOUD],
  [
    'serverless',
    {
      'job-id': 'job-01fa0e5d42cjxudhpuehyp',
      'project-id': 'proj-4f8a2c1e9b7d3a5',
      'region-id': 'aws-us-west-2'
    }
  ]
])('%s', (name, inputs) => {
  it('completes, with progress 0-100 everywhere and 100 at the end', async () => {
    harness = await startHarness(scenarios[name]())
    const run = await harness.run({ ...inputs, 'poll-interval': '1s' })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      state: 'Completed',
      progress: '100'
    })
    expect(run.summary).toMatch(/\*\*Progress\*\*\s*\|\s*100%/)
    // Every logged percent is a whole number from 0 to 100.
    const percents = run.lines
      .flatMap((l) => [...l.matchAll(/ (\d+(?:\.\d+)?)%/g)])
      .map((m) => Number(m[1]))
    expect(percents.length).toBeGreaterThan(0)
    for (const p of percents) {
      expect(Number.isInteger(p) && p >= 0 && p <= 100).toBe(true)
    }
    expect(run.lines.some((l) => / Completed 100%/.test(l))).toBe(true)
  })
})

it('fraction-progress: shows 0.55 as 55 %, not 1 %', async () => {
  harness = await startHarness(scenarios['fraction-progress']())
  const run = await harness.run({ ...CLOUD, 'poll-interval': '1s' })
  const middle = run.lines
    .filter((l) => / Importing \d+%/.test(l))
    .map((l) => Number(/ Importing (\d+)%/.exec(l)?.[1]))
  expect(middle.some((p) => p > 1 && p < 100)).toBe(true)
})

it('nulls: row outputs stay empty, never 0', async () => {
  harness = await startHarness(scenarios.nulls())
  const run = await harness.run({ ...CLOUD, 'poll-interval': '1s' })
  expect(run.outputs.importedRows).toBe('')
  expect(run.outputs.totalRows).toBe('')
})

it('import-states: wait-for all skips the old ImportFailed job', async () => {
  harness = await startHarness(scenarios['import-states']())
  const run = await harness.run({
    'collection-name': 'articles',
    'wait-for': 'all',
    'poll-interval': '1s'
  })
  expect(run.outputs).toMatchObject({
    outcome: 'success',
    jobId: '463071155436633601'
  })
  expect(run.lines.join('\n')).toContain(
    'Found 1 unfinished import job(s) of "articles": 463071155436633601'
  )
})

it('milvus-2.5: a job ID that is not a number fails at once with the fix', async () => {
  harness = await startHarness(scenarios['milvus-2.5']())
  const run = await harness.run({ 'job-id': 'job-abc' })
  expect(run.exitCode).toBe(1)
  expect(run.outputs.outcome).toBe('error')
  expect(run.outputs.reason).toMatch(
    /^The job ID job-abc was rejected\. Milvus REST v2 answered code 2100: parse job id failed.*Check job-id/
  )
  // Asked once per route (2.5 has /describe): no retries.
  expect(harness.sim.requests).toHaveLength(1)
})
