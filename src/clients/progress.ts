import { z } from 'zod'

/**
 * Progress arrives on two scales. Milvus sends integers 0-100; the pymilvus
 * documents say progress "ranges from 0 to 1, and stays at 1 when this
 * operation completes"; readyPercentage (Zilliz Cloud v1, and the legacy body
 * some v2 documents show) is a 0-1 fraction. The action reports 0-100 only.
 */
export type Scale = 'percent' | 'fraction'

/** One progress figure of a body, and whether its entry is Completed. */
export interface Figure {
  value?: number
  completed: boolean
  /** Every row of the entry is imported (importedRows = totalRows > 0). */
  allRows?: boolean
}

/** What a progress figure may arrive as: a number or a decimal string. */
export const progressInput = z.union([
  z.number(),
  z.string().regex(/^\s*\d+(\.\d+)?\s*$/)
])

/** A progress figure read: null, absent or not finite is unknown. */
export function toProgress(
  v: number | string | null | undefined
): number | undefined {
  return v === null || v === undefined || !Number.isFinite(Number(v))
    ? undefined
    : Number(v)
}

/** A progress field: a number, a decimal string, or null (unknown). */
export const progressField = progressInput.nullish().transform(toProgress)

/**
 * Decides the scale of one body from all its figures (the job's and its
 * files'): a figure above 1 means 0-100; one strictly between 0 and 1, or
 * exactly 1 on an entry that is Completed or has every row imported, means
 * 0-1. A body of only 0s and 1s says nothing, so the job keeps the scale it
 * showed before, else `fallback`.
 */
export function bodyScale(figures: Figure[], fallback: Scale): Scale {
  let fraction = false
  for (const { value, completed, allRows } of figures) {
    if (value === undefined) continue
    if (value > 1) return 'percent'
    if ((value > 0 && value < 1) || (value === 1 && (completed || allRows)))
      fraction = true
  }
  return fraction ? 'fraction' : fallback
}

/** A figure as 0-100 on the given scale; a Completed entry is always 100. */
export function toPercent(
  value: number | undefined,
  scale: Scale,
  completed = false
): number | undefined {
  if (completed) return 100
  if (value === undefined) return undefined
  const percent = scale === 'fraction' ? value * 100 : value
  return Math.min(100, Math.max(0, Math.round(percent)))
}

/**
 * Remembers the scale each job showed, so a later body of only 0s and 1s is
 * read the same way (0.5 then 1 is 50 % then 100 %, not 1 %).
 */
export class ScaleMemory {
  private readonly seen = new Map<string, Scale>()

  constructor(private readonly fallback: Scale) {}

  /** Decides a body's scale for a job and remembers a decided one. */
  decide(jobId: string, figures: Figure[]): Scale {
    const before = this.seen.get(jobId) ?? this.fallback
    const scale = bodyScale(figures, before)
    // Only evidence is remembered; a fallback stays a fallback.
    if (bodyScale(figures, 'percent') !== bodyScale(figures, 'fraction'))
      return scale
    this.seen.set(jobId, scale)
    return scale
  }
}
