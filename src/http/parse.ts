/**
 * What any HTTP answer says before its API is known: a status that may pass
 * and when to try again. The import APIs' own bodies and codes are read in
 * clients/answer.ts.
 */
import { TransientError } from '../errors.js'
import type { HttpResponse } from './transport.js'

/** Reads Retry-After (seconds or an HTTP date) as milliseconds from now. */
export function retryAfterMs(
  value: string | string[] | undefined,
  now = Date.now()
): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (!text) return undefined
  if (/^\s*\d+(\.\d+)?\s*$/.test(text)) return Math.round(Number(text) * 1000)
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Parses JSON, or returns undefined when the text is not JSON. */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Throws the TransientError of a status that may pass on its own (5xx,
 * 429), with the wait the server asked for.
 */
export function throwIfTransient(res: HttpResponse, what: string): void {
  if (res.status === 429 || res.status >= 500) {
    throw new TransientError(
      `${what} answered HTTP ${res.status}${res.status === 429 ? ' (rate limited)' : ''}.`,
      retryAfterMs(res.headers['retry-after'])
    )
  }
}
