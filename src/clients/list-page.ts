import { z } from 'zod'
import type { JobListing } from './job.js'
import { progressField, toPercent } from './progress.js'
import { readState } from './states.js'
import { listedJobId, optionalString, serverString } from './wire.js'

/** A paging figure: a number or a decimal string; null reads as absent. */
const pagingNumber = z
  .union([z.number(), z.string().regex(/^\s*\d+\s*$/)])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : Number(v)))

const ListRecord = z.looseObject({
  // Printed and polled: it must pass the job-id input's rule.
  jobId: listedJobId,
  collectionName: optionalString,
  // A word: the gRPC enum's numbers are no REST API's answer.
  state: serverString,
  // Optional: the Zilliz Cloud and v1 lists leave it out.
  progress: progressField,
  createTime: optionalString
})

/**
 * One page of any list API. The documents show the jobs under "records"
 * (Milvus, Zilliz Cloud v2, the v1 schema) and under "tasks" (the v1 example,
 * and a pymilvus example of a v2 call), with or without count, currentPage
 * and pageSize: every API accepts both.
 */
export const ListPage = z
  .looseObject({
    records: z.array(ListRecord).nullish(),
    tasks: z.array(ListRecord).nullish(),
    count: pagingNumber,
    pageSize: pagingNumber,
    currentPage: pagingNumber
  })
  // Two lists in one answer may disagree, and either could be the truth.
  .refine((p) => !(p.records && p.tasks), {
    message: 'holds both records and tasks, which may disagree',
    path: ['tasks']
  })

export type ListPageData = z.infer<typeof ListPage>

/** The jobs of a page: records or tasks, never both (that is ambiguous). */
export function pageRecords(page: ListPageData) {
  return page.records ?? page.tasks ?? []
}

/** The jobs of one page, states read from any API's words. */
export function pageListings(page: ListPageData): JobListing[] {
  const records = pageRecords(page)
  return records.map((r) => {
    const { state, status } = readState(r.state)
    // A list record has one figure: a Completed one is 100 whatever its
    // scale, and a fraction shows itself as one (0 < p < 1).
    const fraction =
      r.progress !== undefined && r.progress > 0 && r.progress < 1
    return {
      jobId: r.jobId,
      collectionName: r.collectionName,
      state,
      status,
      progress: toPercent(
        r.progress,
        fraction ? 'fraction' : 'percent',
        status === 'completed'
      ),
      createTime: r.createTime
    }
  })
}

/**
 * True when a list has another page to ask for: the server pages (it says
 * count and pageSize, and echoes the page asked for) and this page was not
 * the last. Milvus ignores paging and sends every job at once.
 */
export function hasNextPage(
  page: ListPageData,
  pageNo: number,
  requestedSize: number
): boolean {
  const listed = pageRecords(page).length
  if (listed === 0 || page.count === undefined) return false
  if (page.currentPage !== undefined && page.currentPage !== pageNo)
    return false
  return pageNo * (page.pageSize || requestedSize) < page.count
}

/** Adds a page's jobs to those found, skipping IDs already listed. */
export function addListings(found: JobListing[], more: JobListing[]): number {
  const seen = new Set(found.map((j) => j.jobId))
  let added = 0
  for (const job of more) {
    if (seen.has(job.jobId)) continue
    seen.add(job.jobId)
    found.push(job)
    added += 1
  }
  return added
}

/**
 * Adds a page's new jobs to those found; true when there is another page to
 * ask for. A page that adds nothing new ends the list too (a server that
 * ignores paging sends the same jobs again).
 */
export function takePage(
  found: JobListing[],
  page: ListPageData,
  pageNo: number,
  requestedSize: number
): boolean {
  const added = addListings(found, pageListings(page))
  return added > 0 && hasNextPage(page, pageNo, requestedSize)
}
