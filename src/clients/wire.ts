import { z } from 'zod'

/**
 * A count the server may send as a number or, with int64-as-string options,
 * as a decimal string. Anything else is a malformed body.
 */
export const count = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)])
  .transform((v) => Number(v))

/** A string field that may be absent or null; null reads as absent. */
export const optionalString = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : v))

/**
 * Every REST answer: a code, a message on errors, and the data. Success is
 * code 0 on v2 and 200 on v1; each client checks its own.
 */
export const Envelope = z.looseObject({
  code: z.number(),
  message: optionalString,
  data: z.unknown().optional()
})

/** A job ID the server may send as a string or (wrongly) as a number. */
export const jobIdField = z.union([z.string(), z.number()]).transform(String)

/**
 * Turns Milvus's fileName forms into the paths: "[a/1.parquet]" (since
 * 2.4.5) and `id:4487 paths:"a/1.parquet" ` (2.4.0-2.4.4). Zilliz Cloud
 * sends a plain name, which passes through.
 */
export function displayFileName(raw: string): string {
  const legacy = [...raw.matchAll(/paths:"((?:[^"\\]|\\.)*)"/g)].map(
    (m) => m[1]
  )
  if (legacy.length) return legacy.join(' ')
  const bracketed = /^\[(.*)\]$/s.exec(raw.trim())
  return bracketed ? bracketed[1] : raw
}

/** Clamps a progress figure into 0-100. */
export function clampProgress(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 0
  return Math.min(100, Math.max(0, Math.round(value)))
}
