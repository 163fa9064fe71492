/**
 * Scenarios for the body shapes and server generations the documents show
 * (see shapes.ts and milvus-versions.ts), so the demo can show each one.
 */
import type { JobScript, SimulatorOptions } from './server.js'

type Scenario = (o?: object) => SimulatorOptions
type Build = (o: object) => SimulatorOptions

const CLOUD_JOB_ID = 'job-01fa0e5d42cjxudhpuehyp'
const MILVUS_JOB_ID = '463071155436633601'
const OLD_JOB_ID = '463071155436630001'

// Two files over about 3 s: enough polls to show progress moving.
const moving = (jobId: string, collectionName: string): JobScript => ({
  jobId,
  collectionName,
  durationMs: 3_000,
  files: [
    { name: 'folder/1/part-1.parquet', rows: 60_000 },
    { name: 'folder/1/part-2.parquet', rows: 40_000 }
  ]
})

/** The shape scenarios, built with the scenario helper of scenarios.ts. */
export function shapeScenarios(
  scenario: (build: Build) => Scenario
): Record<string, Scenario> {
  return {
    // The example output of pymilvus get_import_progress: code 200,
    // readyPercentage 0-1, completeTime and errorMessage, no state.
    'legacy-body': scenario(() => ({
      flavour: 'zilliz',
      legacyBody: true,
      jobs: [moving(CLOUD_JOB_ID, 'medium_articles')]
    })),
    // Progress 0-1, as the pymilvus documents describe it.
    'fraction-progress': scenario(() => ({
      flavour: 'zilliz',
      progressScale: 'fraction',
      jobs: [moving(CLOUD_JOB_ID, 'medium_articles')]
    })),
    // Milvus 2.4.0-2.4.2: code 200 for success, only /get_progress, and
    // the proto-text fileName.
    'milvus-2.4.1': scenario(() => ({
      milvusVersion: '2.4.1',
      jobs: [{ jobId: MILVUS_JOB_ID, polls: 3 }]
    })),
    'milvus-2.5': scenario(() => ({
      milvusVersion: '2.5.27',
      jobs: [{ jobId: MILVUS_JOB_ID, polls: 3 }]
    })),
    'milvus-3.0': scenario(() => ({
      milvusVersion: '3.0.0',
      jobs: [{ jobId: MILVUS_JOB_ID, polls: 3 }]
    })),
    // ImportPending/ImportRunning/ImportCompleted/ImportFailed on a v2
    // server, its list under "tasks" with paging and without progress, and
    // last week's failed job beside a running one.
    'import-states': scenario(() => ({
      stateNames: 'import',
      listKey: 'tasks',
      listPaged: true,
      listProgress: false,
      jobs: [
        {
          jobId: OLD_JOB_ID,
          collectionName: 'articles',
          createdAt: Date.UTC(2026, 10, 24, 9),
          files: [{ name: 'old/1.parquet', rows: 5_000, failReason: 'bad row' }]
        },
        {
          ...moving(MILVUS_JOB_ID, 'articles'),
          createdAt: Date.UTC(2026, 11, 1)
        }
      ]
    })),
    // importedRows, totalRows, reason and details sent as null.
    nulls: scenario(() => ({
      flavour: 'zilliz',
      nulls: true,
      jobs: [
        { jobId: CLOUD_JOB_ID, collectionName: 'medium_articles', polls: 2 }
      ]
    })),
    // A Zilliz Cloud serverless database: projectId and regionId, no cluster.
    serverless: scenario(() => ({
      flavour: 'zilliz',
      projectId: 'proj-4f8a2c1e9b7d3a5',
      regionId: 'aws-us-west-2',
      jobs: [moving(CLOUD_JOB_ID, 'medium_articles')]
    }))
  }
}

/** One line per shape scenario, for --help and --list. */
export const shapeScenarioNotes: Record<string, string> = {
  'legacy-body':
    'Zilliz Cloud v2 answering with the legacy body (code 200, readyPercentage 0-1, no state)',
  'fraction-progress': 'Zilliz Cloud v2 job whose progress runs from 0 to 1',
  'milvus-2.4.1':
    'Milvus 2.4.1: code 200 for success, no /describe; completes on the 3rd poll',
  'milvus-2.5': 'Milvus 2.5: bad or unknown job IDs answered with code 2100',
  'milvus-3.0': 'Milvus 3.0: bad job IDs code 1100, unknown ones 2101',
  'import-states':
    'ImportRunning/ImportFailed states and a "tasks" list: an old failed job and a running one (collection articles)',
  nulls:
    'Zilliz Cloud v2 job with importedRows, totalRows, reason and details null',
  serverless:
    'Zilliz Cloud serverless: projectId and regionId instead of clusterId'
}

/** Inputs the shape scenarios need beyond their job IDs (for the demo). */
export const shapeScenarioInputs: Record<string, Record<string, string>> = {
  'import-states': {
    'job-id': '',
    'collection-name': 'articles',
    'wait-for': 'all'
  },
  serverless: {
    'cluster-id': '',
    'project-id': 'proj-4f8a2c1e9b7d3a5',
    'region-id': 'aws-us-west-2'
  }
}
