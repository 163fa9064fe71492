import { z } from 'zod'
import { parseDuration } from './duration.js'
import { InputError } from './errors.js'

/** Every input of action.yml, by name. */
export const INPUT_NAMES = [
  'job-id',
  'collection-name',
  'wait-for',
  'cluster-id',
  'api-key',
  'endpoint',
  'api',
  'db-name',
  'timeout',
  'poll-interval',
  'fail-on-timeout',
  'summary',
  'min-rows',
  'expected-rows',
  'allow-partial',
  'comment-on-pr',
  'github-token'
] as const

export type InputName = (typeof INPUT_NAMES)[number]
export type ApiKind = 'v2' | 'v1' | 'grpc'

/** The validated configuration the rest of the action runs on. */
export interface Config {
  jobIds: string[]
  collectionName?: string
  waitFor: 'latest' | 'all'
  clusterId?: string
  apiKey?: string
  /** Base URL without a trailing slash. */
  endpoint: string
  api: ApiKind
  dbName?: string
  timeoutMs: number
  pollIntervalMs: number
  failOnTimeout: boolean
  summary: boolean
  minRows?: number
  expectedRows?: number
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
  'fail-on-timeout': 'true',
  summary: 'true',
  'allow-partial': 'false',
  'comment-on-pr': 'false'
}

const MIN_POLL_MS = 1000

// Each refinement says which input is wrong and what a right value looks
// like; toInputError() turns the first issue into that one line.
const optionalText = z.string().optional()

const boolean = (name: InputName) =>
  z.string().transform((value, ctx) => {
    // The YAML 1.2 core schema booleans, as @actions/core accepts them.
    if (['true', 'True', 'TRUE'].includes(value)) return true
    if (['false', 'False', 'FALSE'].includes(value)) return false
    ctx.addIssue({
      code: 'custom',
      message: `Input "${name}" must be true or false (got "${value}").`
    })
    return z.NEVER
  })

const duration = (name: InputName, example: string, minMs = 1) =>
  z.string().transform((value, ctx) => {
    const ms = parseDuration(value)
    if (ms === undefined || ms < minMs) {
      ctx.addIssue({
        code: 'custom',
        message:
          ms === undefined
            ? `Input "${name}" must be a duration such as ${example} (got "${value}").`
            : `Input "${name}" must be at least ${minMs / 1000}s (got "${value}").`
      })
      return z.NEVER
    }
    return ms
  })

const rowCount = (name: InputName) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined
      const digits = value.replace(/[,_\s]/g, '')
      if (!/^\d+$/.test(digits)) {
        ctx.addIssue({
          code: 'custom',
          message: `Input "${name}" must be a whole number of rows such as 10000 (got "${value}").`
        })
        return z.NEVER
      }
      return Number(digits)
    })

const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/

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
            message: `Input "job-id" has a malformed job ID "${bad.slice(0, 80)}": use the ID bulk_import returned, such as 463071155436633601 or job-xxxxxxxx; separate several with newlines or commas.`
          })
          return z.NEVER
        }
        return ids
      }),
    'collection-name': optionalText,
    'wait-for': z.enum(['latest', 'all'], {
      error: (issue) =>
        `Input "wait-for" must be latest or all (got "${String(issue.input)}").`
    }),
    'cluster-id': optionalText,
    'api-key': optionalText,
    endpoint: z.string().transform((value, ctx) => {
      let url: URL | undefined
      try {
        url = new URL(value)
      } catch {
        url = undefined
      }
      if (!url || !/^(https?|grpcs?):$/.test(url.protocol) || !url.hostname) {
        ctx.addIssue({
          code: 'custom',
          message: `Input "endpoint" must be a URL such as https://api.cloud.zilliz.com or http://milvus:19530 (got "${value.slice(0, 200)}").`
        })
        return z.NEVER
      }
      if (url.username || url.password) {
        ctx.addIssue({
          code: 'custom',
          message:
            'Input "endpoint" must not carry credentials: pass them in api-key instead.'
        })
        return z.NEVER
      }
      return url
    }),
    api: z.enum(['auto', 'v2', 'v1', 'grpc'], {
      error: (issue) =>
        `Input "api" must be auto, v2, v1 or grpc (got "${String(issue.input)}").`
    }),
    'db-name': optionalText,
    timeout: duration('timeout', '90s, 15m, 2h or 1h30m', 1000),
    'poll-interval': duration(
      'poll-interval',
      '10s or 1m (at least 1s)',
      MIN_POLL_MS
    ),
    'fail-on-timeout': boolean('fail-on-timeout'),
    summary: boolean('summary'),
    'min-rows': rowCount('min-rows'),
    'expected-rows': rowCount('expected-rows'),
    'allow-partial': boolean('allow-partial'),
    'comment-on-pr': boolean('comment-on-pr'),
    'github-token': optionalText
  })
  .superRefine((raw, ctx) => {
    if (raw['job-id'].length === 0 && !raw['collection-name']) {
      ctx.addIssue({
        code: 'custom',
        message:
          'Input "job-id" is required: pass the job ID that bulk_import returned, or set collection-name to wait for that collection\'s jobs.'
      })
    }
    const host = raw.endpoint.hostname
    if (isZillizControlPlane(host) && !raw['cluster-id']) {
      ctx.addIssue({
        code: 'custom',
        message: `Input "cluster-id" is required for Zilliz Cloud (${host}): pass your cluster ID, such as in03-xxxxxxxxxxxxxxx.`
      })
    }
    if (
      (isZillizControlPlane(host) || isZillizV1Host(host)) &&
      !raw['api-key']
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `Input "api-key" is required for Zilliz Cloud (${host}): pass your API key from a secret, such as \${{ secrets.ZILLIZ_API_KEY }}.`
      })
    }
  })

/** True for the Zilliz Cloud control plane (api.cloud.zilliz.com, .com.cn). */
export function isZillizControlPlane(host: string): boolean {
  return /^api\.cloud\.zilliz\.com(\.cn)?$/i.test(host)
}

/** True for a legacy v1 controller host (controller.api.<region>.zillizcloud.com). */
export function isZillizV1Host(host: string): boolean {
  return /^controller\.api\.[a-z0-9-]+\.(zillizcloud\.com|cloud\.zilliz\.com\.cn)$/i.test(
    host
  )
}

/** Picks the API for api: auto from the endpoint's scheme and host. */
export function resolveApi(api: string, endpoint: URL): ApiKind {
  if (api !== 'auto') return api as ApiKind
  if (/^grpcs?:$/.test(endpoint.protocol)) return 'grpc'
  if (isZillizV1Host(endpoint.hostname)) return 'v1'
  return 'v2'
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
  if (!parsed.success) {
    throw new InputError(parsed.error.issues[0]?.message ?? 'Invalid inputs.')
  }
  const v = parsed.data
  const api = resolveApi(v.api, v.endpoint)
  return {
    jobIds: v['job-id'],
    collectionName: v['collection-name'],
    waitFor: v['wait-for'],
    clusterId: v['cluster-id'],
    apiKey: v['api-key'],
    endpoint: v.endpoint.href.replace(/\/+$/, ''),
    api,
    dbName: v['db-name'],
    timeoutMs: v.timeout,
    pollIntervalMs: v['poll-interval'],
    failOnTimeout: v['fail-on-timeout'],
    summary: v.summary,
    minRows: v['min-rows'],
    expectedRows: v['expected-rows'],
    allowPartial: v['allow-partial'],
    commentOnPr: v['comment-on-pr'],
    githubToken: v['github-token']
  }
}
