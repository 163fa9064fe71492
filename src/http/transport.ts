import http from 'node:http'
import { StringDecoder } from 'node:string_decoder'
import type { Agent as HttpsAgent } from 'node:https'
import {
  CancelledError,
  MalformedResponseError,
  TransientError
} from '../errors.js'

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
  headers: http.IncomingHttpHeaders
  text: string
}

// A body past this is not an import-progress answer; refuse to buffer it.
const MAX_BODY_BYTES = 64 * 1024 * 1024

// Keep-alive agents: a poll every few seconds reuses one connection. They are
// destroyed by closeConnections() so the process can exit at once.
// proxyEnv makes Node 24 (the runner's) honour HTTP_PROXY, HTTPS_PROXY and
// NO_PROXY, as self-hosted runners behind a proxy need; older Node ignores it.
const agentOptions = { keepAlive: true, maxSockets: 32, proxyEnv: process.env }
const httpAgent = new http.Agent(agentOptions)
let httpsModule: Promise<typeof import('node:https')> | undefined
let httpsAgent: HttpsAgent | undefined

async function transportFor(url: URL) {
  if (url.protocol === 'http:') return { lib: http, agent: httpAgent }
  // https is loaded on first use: plain-http users do not pay for TLS.
  httpsModule ??= import('node:https')
  const https = await httpsModule
  httpsAgent ??= new https.Agent(agentOptions)
  return { lib: https, agent: httpsAgent }
}

/** Closes idle keep-alive connections so the process can exit. */
export function closeConnections(): void {
  httpAgent.destroy()
  httpsAgent?.destroy()
  httpsAgent = undefined
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
  const url = new URL(request.url)
  const where = describeUrl(request.url)
  const { lib, agent } = await transportFor(url)
  if (request.signal?.aborted) throw new CancelledError('Cancelled.')

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      request.signal?.removeEventListener('abort', onAbort)
      fn()
    }
    const req = lib.request(url, {
      method: request.method,
      headers: {
        ...request.headers,
        ...(request.body !== undefined
          ? { 'Content-Length': String(Buffer.byteLength(request.body)) }
          : {})
      },
      agent
    })
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new TransientError(
            `${where} did not answer within ${Math.ceil(request.timeoutMs / 1000)}s.`
          )
        )
      )
      req.destroy()
    }, request.timeoutMs)
    const onAbort = () => {
      finish(() => reject(new CancelledError('Cancelled.')))
      req.destroy()
    }
    request.signal?.addEventListener('abort', onAbort, { once: true })

    req.on('error', (error: NodeJS.ErrnoException) => {
      finish(() =>
        reject(
          new TransientError(
            `Could not reach ${where}: ${error.code ?? error.message}. Check endpoint and that the server is up.`,
            undefined,
            { cause: error }
          )
        )
      )
    })
    req.on('response', (res) => {
      // Decoded as it arrives: no second copy of a large body in memory.
      const decoder = new StringDecoder('utf8')
      let text = ''
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_BODY_BYTES) {
          finish(() =>
            reject(
              new MalformedResponseError(
                `${where} sent a body larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; this is not an import-progress answer. Check endpoint.`
              )
            )
          )
          req.destroy()
          return
        }
        text += decoder.write(chunk)
      })
      res.on('end', () => {
        finish(() =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: text + decoder.end()
          })
        )
      })
      res.on('aborted', () => {
        finish(() =>
          reject(
            new TransientError(`${where} closed the connection mid-answer.`)
          )
        )
      })
      res.on('error', (error) => {
        finish(() =>
          reject(
            new TransientError(
              `${where} broke off its answer: ${error.message}.`,
              undefined,
              { cause: error }
            )
          )
        )
      })
    })
    req.end(request.body)
  })
}
