/**
 * Reads an import API's answer: its JSON body, strictly (a repeated key is
 * ambiguous), its error codes (codes.ts) and its shape (zod). HTTP faults
 * that may pass are told apart in http/parse.ts.
 */
import type { z } from 'zod'
import {
  ApiError,
  MalformedResponseError,
  TransientError,
  type ActionError
} from '../errors.js'
import { readServerJson } from '../http/json.js'
import { throwIfTransient } from '../http/parse.js'
import type { HttpResponse } from '../http/transport.js'
import { safeLogText } from '../text/escape.js'
import { fromServer } from '../text/server-text.js'
import { apiCodeError, type ErrorContext } from './codes.js'

/** Describes the first zod issue as "data.state: expected string". */
export function describeIssue(
  error: z.ZodError,
  root?: string,
  body?: unknown
): string {
  const issue = error.issues[0]
  if (!issue) return 'unexpected body'
  const parts = [root, ...issue.path.map(String)].filter(Boolean)
  const where = parts.length ? parts.join('.') : 'body'
  // Say what was found in plain words, not in the validator's.
  if (issue.code === 'invalid_type') {
    const value = valueAt(body, issue.path)
    return value === undefined
      ? `${where} is missing`
      : `${where} is ${kindOf(value)}, not ${article(issue.expected)}`
  }
  return `${where}: ${issue.message}`
}

/** The value at a path of a parsed body, or undefined. */
function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

const article = (kind: string) =>
  /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return article(typeof value)
}

/** Validates a parsed body with a zod schema, or throws a one-line error. */
export function validate<T>(
  schema: z.ZodType<T>,
  body: unknown,
  what: string,
  /** Where in the body this part sits, such as "data". */
  root?: string
): T {
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new MalformedResponseError(
      `${what} returned a body this action cannot read (${describeIssue(parsed.error, root, body)}). Check that endpoint and api point at a supported import API.`
    )
  }
  return parsed.data
}

/** The code and message of an error body, the message through the boundary. */
function codedOf(
  body: unknown
): { code: unknown; message?: string } | undefined {
  if (!body || typeof body !== 'object' || !('code' in body)) return undefined
  const { code, message } = body as { code: unknown; message?: unknown }
  return {
    code,
    message: typeof message === 'string' ? fromServer(message) : undefined
  }
}

/**
 * Turns an HTTP answer that is not a usable 200 into the error to throw,
 * or returns the parsed JSON body. Faults that may pass (5xx, 429, a proxy's
 * HTML page, a cut-off body) become TransientError. A 200 body with a
 * repeated key is ambiguous, so unreadable.
 */
export function readJson(
  res: HttpResponse,
  what: string,
  context: ErrorContext
): unknown {
  const parsed = readServerJson(res.text)
  const body = parsed.ok ? parsed.value : undefined
  const coded = codedOf(body)
  if (res.status === 401 || res.status === 403) {
    throw apiCodeError(
      typeof coded?.code === 'number' ? coded.code : 0,
      coded?.message ?? '',
      context,
      res.status
    )
  }
  throwIfTransient(res, what)
  if (res.status !== 200) {
    if (typeof coded?.code === 'number' && coded.code !== 0) {
      const error = apiCodeError(
        coded.code,
        coded.message ?? '',
        context,
        res.status
      )
      // apiCodeError makes an unknown code on a 4xx permanent itself.
      throw error
    }
    throw new ApiError(
      `${what} answered HTTP ${res.status}. Check endpoint and api: this URL does not serve that import API.`,
      undefined,
      res.status
    )
  }
  if (!parsed.ok && parsed.duplicate !== undefined) {
    throw new MalformedResponseError(
      `${what} returned a body with the key "${safeLogText(fromServer(parsed.duplicate), 40)}" twice, so its answer is ambiguous and this action does not trust it. Check endpoint: a proxy or server may be tampering with the answers.`
    )
  }
  if (!parsed.ok) {
    const type = String(res.headers['content-type'] ?? 'no content type')
    throw new TransientError(
      `${what} answered with a body that is not JSON (${safeLogText(type.split(';')[0], 60)}, ${res.text.length} bytes), such as a proxy's error page or a cut-off answer. If this persists, check that endpoint and api point at the import API.`
    )
  }
  return body
}

/** Returns the error for a body whose code is not the success code. */
export function codeError(
  body: { code: number; message?: string },
  context: ErrorContext,
  status = 200
): ActionError {
  return apiCodeError(body.code, body.message ?? '', context, status)
}
