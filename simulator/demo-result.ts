/**
 * Rebuilds the run's result from the outputs the bundled action set, so the
 * demo can print it with the CLI's own text renderer. The outputs are data
 * (action.yml documents them); no sentence is read back.
 */
import { z } from 'zod'
import { readServerJson } from '../src/http/json.js'
import type { RunResult } from '../src/report/result.js'
import type { JobResult } from '../src/wait/wait-for-jobs.js'

const outcome = z.enum(['success', 'failed', 'timeout', 'cancelled', 'error'])
// Row counts, exact (bigint past 2^53); null or absent when the API does not
// report them.
const rows = z
  .union([z.int().nonnegative(), z.bigint().nonnegative()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : BigInt(v)))

const file = z.object({
  jobId: z.string(),
  fileName: z.string(),
  state: z.string(),
  progress: z.number().optional(),
  importedRows: rows,
  totalRows: rows,
  reason: z.string().optional()
})

const job = z.object({
  jobId: z.string(),
  outcome,
  state: z.string(),
  progress: z.number(),
  importedRows: rows,
  totalRows: rows,
  collectionName: z.string(),
  reason: z.string(),
  completeTime: z.string()
})

const outputs = z.object({
  outcome,
  reason: z.string(),
  elapsedSeconds: z.coerce.number(),
  jobs: z.string(),
  details: z.string()
})

// Read exactly: JSON.parse would round row counts past 2^53.
function parseJson(text: string): unknown {
  const body = readServerJson(text)
  return body.ok ? body.value : undefined
}

/** The result the outputs describe, or undefined when they describe none. */
export function resultFromOutputs(
  values: Record<string, string>
): RunResult | undefined {
  const parsed = outputs.safeParse(values)
  if (!parsed.success) return undefined
  const jobs = z.array(job).safeParse(parseJson(parsed.data.jobs))
  const files = z.array(file).safeParse(parseJson(parsed.data.details))
  if (!jobs.success || !files.success) return undefined
  return {
    outcome: parsed.data.outcome,
    reason: parsed.data.reason,
    elapsedMs: parsed.data.elapsedSeconds * 1000,
    jobs: jobs.data.map((j): JobResult => ({
      jobId: j.jobId,
      outcome: j.outcome,
      // Not an output, and the text summary does not show it.
      polls: 0,
      // An empty state: no poll of this job was answered.
      job: j.state
        ? {
            jobId: j.jobId,
            state: j.state,
            // Not an output either; the state above is what is shown.
            status: 'unknown',
            progress: j.progress,
            importedRows: j.importedRows,
            totalRows: j.totalRows,
            collectionName: j.collectionName || undefined,
            completeTime: j.completeTime || undefined,
            files: files.data.filter((f) => f.jobId === j.jobId)
          }
        : undefined
    }))
  }
}
