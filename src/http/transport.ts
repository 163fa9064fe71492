import { AsyncLocalStorage } from 'node:async_hooks'
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { StringDecoder } from 'node:string_decoder'
import { HttpClient, getProxyUrl } from '@actions/http-client'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import {
  CancelledError,
  MalformedResponseError,
  TransientError
} from '../errors.js'
import { USER_AGENT } from '../version.js'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH'
  url: string
  headers: Record<string, string>
  body?: string
  /** Time limit for the whole exchange, in ms. */
  timeoutMs: number
  signal?: AbortSignal
}

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  /** The body; a poller lets go of it once read (see forgetBody). */
  text: string
}

/**
 * Empties an answer's body once it is read. The answer is the value of
 * promises made when its request started; under load V8 may have moved
 * those to its old generation, and what an old object points at outlives
 * every young collection. Left there, each poll's body (156 kB for 1,024
 * files) waits for a full collection, and the heap grows by them between.
 */
export function forgetBody(res: HttpResponse): void {
  res.text = ''
}

// A body past this is not an import-progress answer; refuse to buffer it.
const MAX_BODY_BYTES = 64 * 1024 * 1024

// Each request's abort signal, handed to node:http by the handler below:
// HttpClient has no per-request options of its own.
const requestSignal = new AsyncLocalStorage<AbortSignal>()
const attachSignal: RequestHandler = {
  prepareRequest(options) {
    options.signal = requestSignal.getStore()
  },
  canHandleAuthentication: () => false,
  handleAuthentication: () => Promise.reject(new Error('not supported'))
}

// One keep-alive client per scheme (HttpClient keeps a single agent, so
// http and https cannot share one). It takes HTTP(S)_PROXY and NO_PROXY from
// the environment on every Node version. Retries are ours (retry.ts),
// and a 3xx is an answer to report, not to follow.
const clients = new Map<string, HttpClient>()

function clientFor(protocol: string): HttpClient {
  let client = clients.get(protocol)
  if (!client) {
    client = new HttpClient(USER_AGENT, [attachSignal], {
      keepAlive: true,
      maxSockets: 32,
      allowRetries: false,
      allowRedirects: false
    })
    clients.set(protocol, client)
  }
  return client
}

/** Closes every keep-alive connection so the process can exit at once. */
export function closeConnections(): void {
  for (const client of clients.values()) client.dispose()
  clients.clear()
}

/** Names the endpoint in messages: scheme, host and path, never a query. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}${u.pathname}`
  } catch {
    return 'the endpoint'
  }
}

/**
 * Sends one request and reads the whole answer. No retries here: socket
 * faults and time-outs become TransientError, an abort CancelledError.
 */
export async function send(request: HttpRequest): Promise<HttpResponse> {
  const where = describeUrl(request.url)
  if (request.signal?.aborted) throw new CancelledError('Cancelled.')

  // One signal ends the exchange: the caller's abort or the time limit.
  const stop = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    stop.abort()
  }, request.timeoutMs)
  const onAbort = () => stop.abort()
  request.signal?.addEventListener('abort', onAbort, { once: true })
  const failure = (error: unknown) => {
    if (request.signal?.aborted) return new CancelledError('Cancelled.')
    if (timedOut) {
      return new TransientError(
        `${where} did not answer within ${Math.ceil(request.timeoutMs / 1000)}s.`
      )
    }
    return unreachable(request.url, error)
  }

  try {
    const client = clientFor(new URL(request.url).protocol)
    const res = await requestSignal
      .run(stop.signal, () =>
        client.request(
          request.method,
          request.url,
          request.body ?? null,
          request.headers
        )
      )
      .catch((error: unknown) => {
        throw failure(error)
      })
    // The body comes in a box that is emptied here, for the reason told
    // at forgetBody: the promises that carried it must not keep it.
    const body = await readCapped(res.message, where).catch(
      (error: unknown) => {
        throw request.signal?.aborted || timedOut ? failure(error) : error
      }
    )
    const text = body.text
    body.text = ''
    return {
      status: res.message.statusCode ?? 0,
      headers: res.message.headers,
      text
    }
  } finally {
    clearTimeout(timer)
    request.signal?.removeEventListener('abort', onAbort)
  }
}

/** A request that found no server (or no way through the proxy). */
function unreachable(url: string, error: unknown): TransientError {
  const { code, message } = error as NodeJS.ErrnoException
  const where = describeUrl(url)
  const proxy = getProxyUrl(url)
  // http-client's proxy tunnel reports every fault as one message.
  const cause = /^tunneling socket/.test(message ?? '')
    ? message.replace(/^.*cause=/, '')
    : (code ?? message)
  const through = proxy ? ` through the proxy ${new URL(proxy).host}` : ''
  return new TransientError(
    `Could not reach ${where}${through}: ${cause}. Check endpoint and that the server is up.`,
    undefined,
    { cause: error }
  )
}

/**
 * Reads a body as it arrives, decoded on the way (no second copy in
 * memory), and stops reading once it is past the size cap. The text comes
 * in a box, for send to empty, and the listeners let go of it once it is
 * handed over: they are made when the answer starts, so under load they are
 * old by its end, and hold on to what they point at (see forgetBody).
 */
function readCapped(
  res: IncomingMessage,
  where: string
): Promise<{ text: string }> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8')
    let text = ''
    let size = 0
    let done = false
    const end = (fn: () => void) => {
      if (done) return
      done = true
      fn()
      text = ''
    }
    res.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        end(() =>
          reject(
            new MalformedResponseError(
              `${where} sent a body larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; this is not an import-progress answer. Check endpoint.`
            )
          )
        )
        res.destroy()
        return
      }
      text += decoder.write(chunk)
    })
    res.on('end', () => end(() => resolve({ text: text + decoder.end() })))
    res.on('error', (error) =>
      end(() =>
        reject(
          new TransientError(
            `${where} broke off its answer: ${error.message}.`,
            undefined,
            { cause: error }
          )
        )
      )
    )
    // A close before the end that brought no error of its own.
    res.on('close', () =>
      end(() =>
        reject(new TransientError(`${where} closed the connection mid-answer.`))
      )
    )
  })
}
