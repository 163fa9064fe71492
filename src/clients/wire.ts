import { z } from 'zod'
import { MalformedResponseError } from '../errors.js'
import { JOB_ID } from '../job-id.js'
import { redact } from '../secrets.js'
import {
  fromServer,
  optionalServerString,
  serverString
} from '../text/server-text.js'

/**
 * A count the server may send as a number or, with int64-as-string options,
 * as a decimal string. Anything else is a malformed body.
 */
export const countInput = z.union([
  z.number(),
  z.bigint(),
  z.string().regex(/^-?\d+(\.\d+)?$/)
])
export const count = countInput.transform((v) => Number(v))

/** A row count as an exact bigint, or undefined when it is not 0 or more. */
export function toRows(v: number | bigint | string): bigint | undefined {
  if (typeof v === 'bigint') return v >= 0n ? v : undefined
  if (typeof v === 'number')
    return Number.isSafeInteger(v) && v >= 0 && !Object.is(v, -0)
      ? BigInt(v)
      : undefined
  return /^\d+$/.test(v) ? BigInt(v) : undefined
}

/**
 * A row count: a whole number, 0 or more, kept exact past 2^53 (a number,
 * a bigint from the strict parser, or an int64 decimal string). A negative
 * or fractional count is a malformed body, never summed.
 */
export const rowsInput = z.union([z.number(), z.bigint(), z.string()])
export const ROWS_ISSUE = 'must be a whole number of rows, 0 or more'
export const rows = rowsInput.transform((v, ctx) => {
  const n = toRows(v)
  if (n !== undefined) return n
  ctx.addIssue({ code: 'custom', message: ROWS_ISSUE })
  return z.NEVER
})

/** A row count that may be absent or null: null is unknown, never 0. */
export const maybeRows = rows
  .nullish()
  .transform((v) => (v === null ? undefined : v))

/** A count that may be absent or null: null is unknown, never 0. */
export const maybeCount = count
  .nullish()
  .transform((v) => (v === null ? undefined : v))

/**
 * Server strings, through the trust boundary (secrets masked, workflow
 * commands broken); optionalString reads null as absent.
 */
export { optionalServerString as optionalString, serverString }

/**
 * Every REST answer: a code, a message on errors, and the data. Success is
 * code 0 on v2 and 200 on v1; each client checks its own.
 */
export const Envelope = z.looseObject({
  code: z.number(),
  message: optionalServerString,
  data: z.unknown().optional()
})

/**
 * A job ID the server may send as a string or (wrongly) as a number; a
 * number past 2^53 arrives as a bigint from the strict parser, so its digits
 * stay exact.
 */
export const jobIdField = z
  .union([z.string(), z.number().int().nonnegative(), z.bigint().nonnegative()])
  .transform(String)

/**
 * A job ID of a list answer: it must pass the rule of the job-id input (and
 * carry no secret), or the list is unreadable. It is printed and sent back.
 */
export const listedJobId = jobIdField.refine(
  (id) => JOB_ID.test(id) && redact(id) === id,
  'must be a job ID such as 463071155436633601 or job-xxxxxxxx'
)

// A jobId written as a JSON number, as the text has it.
const NUMERIC_JOB_ID = /"job_?[iI][dD]"\s*:\s*(-?[0-9][0-9.eE+-]*)/g

/**
 * Throws when a progress answer writes its jobId as a JSON number. Every
 * REST API sends job IDs as strings; a number (1000, 1e3, 1000.0) cannot be
 * compared as the decimal string that was asked for, only as a value, so
 * the answer is not trusted.
 */
export function checkNumericEcho(
  text: string,
  asked: string,
  what: string
): void {
  for (const [, written] of text.matchAll(NUMERIC_JOB_ID)) {
    throw new MalformedResponseError(
      `${what} answered with the job ID as the number ${written.slice(0, 40)} when asked for job "${asked}" (the API sends job IDs as strings), so the answer is not trusted. Check endpoint: a proxy or server may be mixing up answers.`
    )
  }
}

/**
 * Throws when an answer names another job than the one asked for: an
 * answer for someone else's job is unreadable, never progress. Every
 * documented REST answer names its job, so there a missing jobId is as
 * untrusted as a wrong one (`required`); gRPC may leave its id at 0.
 */
export function checkEchoedJobId(
  asked: string,
  echoed: string | undefined,
  what: string,
  required = false
): void {
  if (echoed === undefined && required) {
    throw new MalformedResponseError(
      `${what} answered without naming the job (no jobId) when asked for job ${asked}, so the answer is not trusted. Check endpoint: a proxy or server may be mixing up answers.`
    )
  }
  // Exact strings: "0463…" or " 463…" is another job (and a number is
  // refused before: checkNumericEcho).
  if (echoed === undefined || echoed === asked) return
  throw new MalformedResponseError(
    `${what} answered for job ${JSON.stringify(fromServer(echoed).slice(0, 80))} when asked for job ${asked}, so the answer is not trusted. Check endpoint: a proxy or server may be mixing up answers.`
  )
}

/**
 * Turns Milvus's fileName forms into the paths: "[a/1.parquet]" (since
 * 2.4.5) and `id:4487 paths:"a/1.parquet" ` (2.4.0-2.4.4). Zilliz Cloud
 * sends a plain name, which passes through.
 */
export function displayFileName(raw: string): string {
  // Called for every file of every answer: the common forms are read
  // without a regular expression's match objects.
  if (raw.includes('paths:"')) {
    const legacy = [...raw.matchAll(/paths:"((?:[^"\\]|\\.)*)"/g)]
    if (legacy.length) return legacy.map((m) => m[1]).join(' ')
  }
  const name = raw.trim()
  return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : raw
}

/** Clamps a progress figure into 0-100. */
export function clampProgress(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 0
  return Math.min(100, Math.max(0, Math.round(value)))
}
