import { z } from 'zod'
import { parseDuration } from './duration.js'
import { InputError } from './errors.js'
import { JOB_ID } from './job-id.js'
import {
  apiField,
  endpointField,
  missingInput,
  resolveApi,
  type ApiKind
} from './endpoint-inputs.js'

/** Every input of action.yml, by name. */
export const INPUT_NAMES = [
  'job-id',
  'collection-name',
  'wait-for',
  'cluster-id',
  'project-id',
  'region-id',
  'api-key',
  'endpoint',
  'api',
  'db-name',
  'timeout',
  'poll-interval',
  'max-failures',
  'fail-on-timeout',
  'summary',
  'min-rows',
  'expected-rows',
  'allow-partial',
  'comment-on-pr',
  'github-token'
] as const

export type InputName = (typeof INPUT_NAMES)[number]
export { resolveApi, type ApiKind }

/** The validated configuration the rest of the action runs on. */
export interface Config {
  jobIds: string[]
  collectionName?: string
  waitFor: 'latest' | 'all'
  clusterId?: string
  /** Zilliz Cloud serverless: sent as projectId and regionId. */
  projectId?: string
  regionId?: string
  apiKey?: string
  /** Base URL without a trailing slash. */
  endpoint: string
  api: ApiKind
  dbName?: string
  timeoutMs: number
  pollIntervalMs: number
  /** Transient failures in a row before giving up; Infinity for no limit. */
  maxFailures: number
  failOnTimeout: boolean
  summary: boolean
  minRows?: bigint
  expectedRows?: bigint
  allowPartial: boolean
  commentOnPr: boolean
  githubToken?: string
}

export const DEFAULTS: Partial<Record<InputName, string>> = {
  'wait-for': 'latest',
  endpoint: 'https://api.cloud.zilliz.com',
  api: 'auto',
  timeout: '1h',
  'poll-interval': '10s',
  'max-failures': '10',
  'fail-on-timeout': 'true',
  summary: 'true',
  'allow-partial': 'false',
  'comment-on-pr': 'false'
}

const MIN_POLL_MS = 1000

// Each refinement says what is wrong with its input and what a right value
// looks like; the issue's path names the input, and toInputError() turns the
// first issue into the one line.
const optionalText = z.string().optional()

const boolean = z.string().transform((value, ctx) => {
  // The YAML 1.2 core schema booleans, as @actions/core accepts them.
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  ctx.addIssue({
    code: 'custom',
    message: `must be true or false (got "${value}").`
  })
  return z.NEVER
})

// A workflow run lasts at most 35 days; no wait needs longer, and timers
// cannot count much further.
const MAX_DURATION_MS = 35 * 24 * 3600 * 1000

const duration = (example: string, minMs = 1) =>
  z.string().transform((value, ctx) => {
    const ms = parseDuration(value)
    const shown = value.slice(0, 40)
    if (ms === undefined || ms < minMs || ms > MAX_DURATION_MS) {
      ctx.addIssue({
        code: 'custom',
        message:
          ms === undefined
            ? `must be a duration such as ${example} (got "${shown}").`
            : ms < minMs
              ? `must be at least ${minMs / 1000}s (got "${shown}").`
              : `must be at most 840h (35 days, the longest a workflow run lasts) (got "${shown}").`
      })
      return z.NEVER
    }
    return ms
  })

const rowCount = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined
    const digits = value.replace(/[,_\s]/g, '')
    if (!/^\d+$/.test(digits)) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a whole number of rows such as 10000 (got "${value}").`
      })
      return z.NEVER
    }
    // Exact past 2^53: N and N+1 rows must stay different.
    return BigInt(digits)
  })

/**
 * A value sent in a request header (api-key, db-name): one line of printable
 * ASCII, or Node refuses the header after nothing useful was said. The
 * message never quotes the value: it may be a secret.
 */
const headerText = (fix: string) =>
  z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return
      const why = /[\r\n]/.test(value)
        ? 'a line break (CR or LF)'
        : /[^\x20-\x7e]/.test(value)
          ? 'a character that is not printable ASCII (such as a non-ASCII letter, a curly quote or a tab)'
          : undefined
      if (why) {
        ctx.addIssue({
          code: 'custom',
          message: `contains ${why}, which cannot be sent in a request header: ${fix}`
        })
      }
    })

// 0 means no limit: the deadline alone ends the retries.
const failureBudget = z.string().transform((value, ctx) => {
  if (!/^\d{1,9}$/.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a whole number such as 10, or 0 to retry until the timeout (got "${value.slice(0, 80)}").`
    })
    return z.NEVER
  }
  return Number(value) || Number.POSITIVE_INFINITY
})

export { JOB_ID }

const InputSchema = z
  .object({
    'job-id': z
      .string()
      .optional()
      .transform((value, ctx) => {
        const ids = [
          ...new Set(
            (value ?? '')
              .split(/[\n,]/)
              .map((id) => id.trim())
              .filter(Boolean)
          )
        ]
        const bad = ids.find((id) => !JOB_ID.test(id))
        if (bad !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `has a malformed job ID "${bad.slice(0, 80)}": use the ID bulk_import returned, such as 463071155436633601 or job-xxxxxxxx; separate several with newlines or commas.`
          })
          return z.NEVER
        }
        return ids
      }),
    'collection-name': optionalText,
    'wait-for': z.enum(['latest', 'all'], {
      error: (issue) => `must be latest or all (got "${String(issue.input)}").`
    }),
    'cluster-id': optionalText,
    'project-id': optionalText,
    'region-id': optionalText,
    'api-key': headerText(
      'pass the key or token on one line of plain ASCII, and check the secret for pasted extra text.'
    ),
    endpoint: endpointField,
    api: apiField,
    'db-name': headerText(
      'Milvus database names are ASCII letters, digits and underscores.'
    ),
    timeout: duration('90s, 15m, 2h or 1h30m', 1000),
    'poll-interval': duration('10s or 1m (at least 1s)', MIN_POLL_MS),
    'max-failures': failureBudget,
    'fail-on-timeout': boolean,
    summary: boolean,
    'min-rows': rowCount,
    'expected-rows': rowCount,
    'allow-partial': boolean,
    'comment-on-pr': boolean,
    'github-token': optionalText
  })
  .superRefine((raw, ctx) => {
    if (raw['job-id'].length === 0 && !raw['collection-name']) {
      ctx.addIssue({
        code: 'custom',
        path: ['job-id'],
        message:
          "is required: pass the job ID that bulk_import returned, or set collection-name to wait for that collection's jobs."
      })
    }
    const missing = missingInput(raw.api, raw.endpoint, raw)
    if (missing)
      ctx.addIssue({
        code: 'custom',
        path: [missing.input],
        message: missing.problem
      })
  })

/** The first issue of a failed parse, as the InputError of its input. */
export function toInputError(error: z.ZodError): InputError {
  const issue = error.issues[0]
  const input = issue?.path[0]
  return new InputError(
    typeof input === 'string' ? [input] : [],
    issue?.message ?? 'The inputs are invalid.'
  )
}

/**
 * Validates the raw input strings ('' or undefined = unset) into a Config.
 * Throws an InputError whose message names the input and the fix.
 */
export function parseInputs(
  raw: Partial<Record<InputName, string | undefined>>
): Config {
  const values = Object.fromEntries(
    INPUT_NAMES.map((name) => {
      const value = raw[name]?.trim()
      return [name, value ? value : DEFAULTS[name]]
    })
  )
  // gRPC users often write host:port, as the SDKs take it.
  if (
    values.api === 'grpc' &&
    !/^[a-z][a-z0-9+.-]*:\/\//i.test(values.endpoint ?? '')
  )
    values.endpoint = `grpc://${values.endpoint}`
  const parsed = InputSchema.safeParse(values)
  if (!parsed.success) throw toInputError(parsed.error)
  const v = parsed.data
  const api = resolveApi(v.api, v.endpoint, v)
  return {
    jobIds: v['job-id'],
    collectionName: v['collection-name'],
    waitFor: v['wait-for'],
    clusterId: v['cluster-id'],
    projectId: v['project-id'],
    regionId: v['region-id'],
    apiKey: v['api-key'],
    endpoint: v.endpoint.href.replace(/\/+$/, ''),
    api,
    dbName: v['db-name'],
    timeoutMs: v.timeout,
    pollIntervalMs: v['poll-interval'],
    maxFailures: v['max-failures'],
    failOnTimeout: v['fail-on-timeout'],
    summary: v.summary,
    minRows: v['min-rows'],
    expectedRows: v['expected-rows'],
    allowPartial: v['allow-partial'],
    commentOnPr: v['comment-on-pr'],
    githubToken: v['github-token']
  }
}
