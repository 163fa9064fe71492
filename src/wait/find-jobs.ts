import type { ImportApi } from '../clients/client.js'
import type { JobListing } from '../clients/job.js'
import { ApiError } from '../errors.js'
import { withRetry, type RetryPolicy } from '../retry.js'

/** What find-jobs chose, and why, for the log. */
export interface FoundJobs {
  jobIds: string[]
  /** One line for the log. */
  note: string
}

const isNumeric = (id: string) => /^\d+$/.test(id)

const created = (j: JobListing) => Date.parse(j.createTime ?? '')

/**
 * Orders listed jobs newest first: by createTime when every record has one;
 * else by ID when all are Milvus int64 IDs, which grow over time; else, for
 * opaque IDs (Zilliz Cloud job-...), in the server's own list order.
 */
export function newestFirst(jobs: JobListing[]): JobListing[] {
  if (jobs.length && jobs.every((j) => !Number.isNaN(created(j)))) {
    return [...jobs].sort((a, b) => created(b) - created(a))
  }
  if (jobs.length && jobs.every((j) => isNumeric(j.jobId))) {
    return [...jobs].sort((a, b) => {
      const x = BigInt(a.jobId)
      const y = BigInt(b.jobId)
      return x === y ? 0 : x > y ? -1 : 1
    })
  }
  return jobs
}

/**
 * Chooses the jobs of a collection to wait for: the newest one, or all that
 * had not finished when the step started.
 */
export function chooseJobs(
  listed: JobListing[],
  collectionName: string,
  waitFor: 'latest' | 'all'
): FoundJobs {
  // A record without a collection name answers a list the server filtered.
  const jobs = newestFirst(
    listed.filter(
      (j) =>
        j.collectionName === undefined || j.collectionName === collectionName
    )
  )
  if (jobs.length === 0) {
    throw new ApiError(
      `No import jobs were found for collection "${collectionName}". Check collection-name (and db-name or cluster-id), or pass job-id.`
    )
  }
  if (waitFor === 'all') {
    // Only jobs still running (or in a state no table knows) are waited for:
    // an ended job, such as last week's ImportFailed, is not.
    const open = jobs.filter(
      (j) => j.status === 'running' || j.status === 'unknown'
    )
    if (open.length) {
      return {
        jobIds: open.map((j) => j.jobId),
        note: `Found ${open.length} unfinished import job(s) of "${collectionName}": ${open.map((j) => j.jobId).join(', ')}`
      }
    }
    // Nothing is running: report on the newest job rather than pass on none.
    return {
      jobIds: [jobs[0].jobId],
      note: `No unfinished import jobs of "${collectionName}"; checking the newest, ${jobs[0].jobId} (${jobs[0].state})`
    }
  }
  return {
    jobIds: [jobs[0].jobId],
    note: `Newest import job of "${collectionName}": ${jobs[0].jobId} (${jobs[0].state}, ${jobs.length} job(s) listed)`
  }
}

/** Lists the collection's jobs (with retries) and chooses which to wait for. */
export async function findJobs(
  api: ImportApi,
  collectionName: string,
  waitFor: 'latest' | 'all',
  policy: RetryPolicy
): Promise<FoundJobs> {
  const listed = await withRetry(
    (timeoutMs) =>
      api.listJobs({ collectionName }, { timeoutMs, signal: policy.signal }),
    policy
  )
  return chooseJobs(listed, collectionName, waitFor)
}
