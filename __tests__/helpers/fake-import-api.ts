import type { ImportApi } from '../../src/clients/client.js'
import type {
  CallOptions,
  ImportJob,
  JobListing,
  ListQuery
} from '../../src/clients/job.js'
import { v2JobStatus } from '../../src/clients/states.js'

/** Builds a v2-style job snapshot. */
export function job(
  state: string,
  progress = 0,
  extra: Partial<ImportJob> = {}
): ImportJob {
  return {
    jobId: '1',
    state,
    status: v2JobStatus(state),
    progress,
    files: [],
    ...extra
  }
}

/**
 * An in-memory ImportApi that answers each getJob with the next scripted
 * step: a snapshot, or an error to throw. The last step repeats.
 */
export class FakeImportApi implements ImportApi {
  readonly name = 'Fake API'
  readonly endpointKey = 'fake'
  readonly calls: { jobId: string; timeoutMs: number }[] = []
  constructor(
    private readonly steps: Record<string, (ImportJob | Error)[]>,
    private readonly listing: JobListing[] = []
  ) {}
  async getJob(jobId: string, options: CallOptions): Promise<ImportJob> {
    this.calls.push({ jobId, timeoutMs: options.timeoutMs })
    const steps = this.steps[jobId] ?? []
    const n = this.calls.filter((c) => c.jobId === jobId).length
    const step = steps[Math.min(n, steps.length) - 1]
    if (step instanceof Error) throw step
    if (!step) throw new Error(`no script for ${jobId}`)
    return { ...step, jobId }
  }
  async listJobs(query: ListQuery): Promise<JobListing[]> {
    return this.listing.filter(
      (j) => !query.collectionName || j.collectionName === query.collectionName
    )
  }
}
