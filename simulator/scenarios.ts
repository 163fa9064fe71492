/**
 * Named simulator set-ups, for the demo, the CLI and end-to-end workflows.
 * Each returns the options for startSimulator().
 */
import type { Flavour, JobScript, SimulatorOptions } from './server.js'
import {
  shapeScenarioInputs,
  shapeScenarioNotes,
  shapeScenarios
} from './shape-scenarios.js'

/** What every scenario can be adjusted with. */
export interface ScenarioOptions {
  /** Require this API key (Authorization: Bearer). */
  apiKey?: string
  /** Serve this API instead of the scenario's own. */
  flavour?: Flavour
  /** zilliz/v1: the cluster ID to accept (default: the scenario's own). */
  clusterId?: string
  /** Multiplies every job duration: 0.1 runs the demo ten times faster. */
  timeScale?: number
}

/** The job ID of the demo scenario (a Milvus int64 job ID). */
export const DEMO_JOB_ID = '463071155436633601'
/** The cluster ID the Zilliz scenarios accept. */
export const DEMO_CLUSTER_ID = 'in03-5f1c2e8d9a7b4c3'
const CLOUD_JOB_ID = 'job-03a8c5e2d1f4b6a7c9e0f'

const DIM_ERROR = 'row 1,204: field "embedding" has dim 512, expected 768'

type Build = (o: ScenarioOptions) => SimulatorOptions

// Applies the options every scenario shares.
function scenario(build: Build): (o?: ScenarioOptions) => SimulatorOptions {
  return (o = {}) => {
    const base = build(o)
    const scale = o.timeScale ?? 1
    const jobs = (base.jobs ?? []).map((job): JobScript =>
      job.durationMs
        ? { ...job, durationMs: Math.round(job.durationMs * scale) }
        : job
    )
    const flavour = o.flavour ?? base.flavour ?? 'milvus'
    const clusterId =
      o.clusterId ??
      base.clusterId ??
      (flavour === 'milvus' ? undefined : DEMO_CLUSTER_ID)
    return {
      ...base,
      flavour,
      jobs,
      ...(o.apiKey ? { apiKey: o.apiKey } : {}),
      ...(clusterId ? { clusterId } : {})
    }
  }
}

/** Named scenarios: name → options for startSimulator(). */
export const scenarios: Record<
  string,
  (o?: ScenarioOptions) => SimulatorOptions
> = {
  // Four files over about 20 s; the third fails on a vector of the wrong
  // dimension, so the job fails.
  demo: scenario(() => ({
    jobs: [
      {
        jobId: DEMO_JOB_ID,
        collectionName: 'product_embeddings',
        durationMs: 20_000,
        files: [
          { name: 'embeddings/part-0001.parquet', rows: 250_000 },
          { name: 'embeddings/part-0002.parquet', rows: 180_000 },
          {
            name: 'embeddings/part-0003.parquet',
            rows: 120_000,
            failReason: DIM_ERROR
          },
          { name: 'embeddings/part-0004.parquet', rows: 42_500 }
        ]
      }
    ]
  })),
  // Already Completed on the first poll.
  completed: scenario(() => ({
    jobs: [
      {
        jobId: DEMO_JOB_ID,
        files: [
          { name: 'data/1.parquet', rows: 10_000 },
          { name: 'data/2.parquet', rows: 10_000 }
        ]
      }
    ]
  })),
  // Pending → Importing → Completed in about 3 s.
  progression: scenario(() => ({
    jobs: [
      {
        jobId: DEMO_JOB_ID,
        durationMs: 3_000,
        files: [
          { name: 'data/1.parquet', rows: 60_000 },
          { name: 'data/2.parquet', rows: 40_000 }
        ]
      }
    ]
  })),
  // Fails after about 2 s: one of two files has a bad vector.
  failed: scenario(() => ({
    jobs: [
      {
        jobId: DEMO_JOB_ID,
        durationMs: 2_000,
        files: [
          { name: 'data/1.parquet', rows: 10_000 },
          { name: 'data/2.parquet', rows: 10_000, failReason: DIM_ERROR }
        ]
      }
    ]
  })),
  // A two-phase-commit import that parks in Uncommitted (progress 99).
  uncommitted: scenario(() => ({
    jobs: [{ jobId: DEMO_JOB_ID, durationMs: 1_000, outcome: 'uncommitted' }]
  })),
  // Still importing after an hour.
  slow: scenario(() => ({
    jobs: [{ jobId: DEMO_JOB_ID, durationMs: 3_600_000 }]
  })),
  // A 503 with Retry-After, a connection reset and a 502 page from the
  // proxy, then the job completes on the second good poll.
  flaky: scenario(() => ({
    faults: [
      { kind: 'status', status: 503, retryAfter: '1' },
      { kind: 'reset' },
      { kind: 'status', status: 502 }
    ],
    jobs: [{ jobId: DEMO_JOB_ID, polls: 2 }]
  })),
  // A job in a state no documented server reports.
  'unknown-state': scenario(() => ({
    jobs: [{ jobId: DEMO_JOB_ID, polls: 2, outcome: { state: 'Reindexing' } }]
  })),
  // Milvus before 2.4.13: no /describe route, 2.4-style error codes.
  'milvus-2.4': scenario(() => ({
    noDescribe: true,
    notFoundStyle: '2.4',
    jobs: [{ jobId: DEMO_JOB_ID, polls: 3 }]
  })),
  // Zilliz Cloud v2, already Completed.
  'zilliz-completed': scenario(() => ({
    flavour: 'zilliz',
    jobs: [
      {
        jobId: CLOUD_JOB_ID,
        collectionName: 'medium_articles',
        files: [{ name: 'medium_articles_2020_dpr.json', rows: 100_000 }]
      }
    ]
  })),
  // Legacy Zilliz Cloud v1, already Completed.
  'v1-completed': scenario(() => ({
    flavour: 'v1',
    jobs: [
      {
        jobId: CLOUD_JOB_ID,
        collectionName: 'medium_articles',
        files: [{ name: 'folder/1/', rows: 8_000 }]
      }
    ]
  })),
  // Milvus 3.0, started by the action with commit: gated (see
  // scenarioInputs): the second file holds 4,800 of its 5,000 rows, so the
  // job is aborted in Uncommitted and its data never becomes visible.
  'gated-short': scenario(() => ({
    // An earlier import of the collection, which the new job must not be
    // taken for.
    jobs: [
      {
        jobId: DEMO_JOB_ID,
        collectionName: 'product_embeddings',
        createdAt: Date.UTC(2026, 0, 5, 10),
        files: [{ name: 'embeddings/base.parquet', rows: 250_000 }]
      }
    ],
    collections: ['product_embeddings'],
    objects: {
      'embeddings/part-0001.parquet': { rows: 5_000 },
      'embeddings/part-0002.parquet': { rows: 4_800 }
    },
    created: { durationMs: 4_000 }
  })),
  // Three jobs into one collection, ending about 2, 4 and 6 s after their
  // first poll.
  ...shapeScenarios(scenario),
  multi: scenario(() => ({
    jobs: [1, 2, 3].map((n) => ({
      jobId: String(BigInt(DEMO_JOB_ID) + BigInt(n - 1)),
      collectionName: 'product_embeddings',
      durationMs: 2_000 * n,
      createdAt: Date.UTC(2026, 0, 5, 10, n),
      files: [{ name: `batch-${n}/data.parquet`, rows: 25_000 * n }]
    }))
  }))
}

/**
 * Inputs a scenario needs beyond endpoint and api-key: those that start an
 * import instead of waiting for a job ID.
 */
export const scenarioInputs: Record<string, Record<string, string>> = {
  ...shapeScenarioInputs,
  'gated-short': {
    'job-id': '',
    'collection-name': 'product_embeddings',
    files: 'embeddings/part-0001.parquet\nembeddings/part-0002.parquet',
    commit: 'gated',
    'expected-rows': '10000'
  }
}

/** One line per scenario, for --help and --list. */
export const scenarioNotes: Record<string, string> = {
  demo: 'Milvus job of four files over ~20 s; one file fails (the step fails)',
  completed: 'Milvus job already Completed',
  progression: 'Milvus job that completes in ~3 s',
  failed: 'Milvus job that fails after ~2 s (the step fails)',
  uncommitted: 'Milvus 2PC job parked in Uncommitted (the step fails)',
  slow: 'Milvus job that takes an hour (the step times out)',
  flaky: '503 + Retry-After, a reset and a 502 page, then Completed',
  'unknown-state':
    'Milvus job that stays in a state no server documents (the step times out)',
  'milvus-2.4': 'Milvus 2.4 without /describe; completes on the 3rd poll',
  'zilliz-completed': 'Zilliz Cloud v2 job already Completed',
  'v1-completed': 'legacy Zilliz Cloud v1 job already Completed',
  ...shapeScenarioNotes,
  multi: 'three Milvus jobs ending ~2, 4 and 6 s after the first poll',
  'gated-short':
    'gated Milvus 3.0 import started by the action; a file comes up short, so it is aborted unseen (the step fails)'
}

/** Scenarios in which the step is meant to fail. */
export const failingScenarios = new Set([
  'demo',
  'failed',
  'uncommitted',
  'slow',
  'unknown-state',
  'gated-short'
])
