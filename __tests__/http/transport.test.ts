import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { closeConnections, send } from '../../src/http/transport.js'
import { readJson, retryAfterMs } from '../../src/http/parse.js'
import {
  ApiError,
  CancelledError,
  JobNotFoundError,
  TransientError
} from '../../src/errors.js'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

async function serve(handler: Handler) {
  const sockets = new Set<net.Socket>()
  const server = http.createServer(handler)
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v2/vectordb/jobs/import/describe`,
    close: () => {
      for (const s of sockets) s.destroy()
      return new Promise<void>((r) => server.close(() => r()))
    }
  }
}

const post = (url: string, timeoutMs = 2000, signal?: AbortSignal) =>
  send({
    method: 'POST',
    url,
    headers: { 'Content-Type': 'application/json' },
    body: '{"jobId":"1"}',
    timeoutMs,
    signal
  })

const context = { api: 'Milvus REST v2', jobId: '1' }

afterEach(() => closeConnections())

describe('send', () => {
  it('returns the status, headers and body', async () => {
    const srv = await serve((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ code: 0, echo: body }))
      })
    })
    const res = await post(srv.url)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toEqual({ code: 0, echo: '{"jobId":"1"}' })
    await srv.close()
  })

  it('turns a refused port into a TransientError naming the endpoint', async () => {
    const srv = await serve(() => undefined)
    await srv.close()
    await expect(post(srv.url)).rejects.toThrow(TransientError)
    await expect(post(srv.url)).rejects.toThrow(
      /Could not reach http:\/\/127\.0\.0\.1:\d+\/v2\/vectordb\/jobs\/import\/describe: ECONNREFUSED/
    )
  })

  it('times out a server that never answers', async () => {
    const srv = await serve(() => undefined)
    const started = Date.now()
    await expect(post(srv.url, 300)).rejects.toThrow(/did not answer within 1s/)
    expect(Date.now() - started).toBeLessThan(1500)
    await srv.close()
  })

  it('turns a reset connection into a TransientError', async () => {
    const srv = await serve((req) => req.socket.destroy())
    await expect(post(srv.url)).rejects.toThrow(TransientError)
    await srv.close()
  })

  it('stops at once when aborted', async () => {
    const srv = await serve(() => undefined)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    await expect(post(srv.url, 5000, controller.signal)).rejects.toThrow(
      CancelledError
    )
    await srv.close()
  })
})

describe('readJson', () => {
  const res = (status: number, text: string, headers = {}) => ({
    status,
    text,
    headers
  })

  it('classifies HTTP 401 as an authentication error', () => {
    expect(() =>
      readJson(
        res(401, '{"code":1800,"message":"user hasn\'t authenticated"}'),
        'describe',
        context
      )
    ).toThrow(
      /Authentication failed\. Milvus REST v2 answered code 1800 \(HTTP 401\): user hasn't authenticated\. Check the secret passed to api-key/
    )
  })

  it('classifies HTTP 403 as permission denied', () => {
    expect(() =>
      readJson(
        res(
          403,
          '{"code":65535,"message":"PrivilegeImport: permission deny to test"}'
        ),
        'describe',
        context
      )
    ).toThrow(/Permission denied/)
  })

  it('makes 5xx, 429 and non-JSON bodies transient, with Retry-After', () => {
    let caught: unknown
    try {
      readJson(res(503, 'busy', { 'retry-after': '7' }), 'describe', context)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(TransientError)
    expect((caught as TransientError).retryAfterMs).toBe(7000)
    expect(() => readJson(res(429, ''), 'describe', context)).toThrow(
      /rate limited/
    )
    expect(() =>
      readJson(
        res(200, '<html>502 Bad Gateway</html>', {
          'content-type': 'text/html'
        }),
        'describe',
        context
      )
    ).toThrow(/not JSON \(text\/html/)
    expect(() =>
      readJson(res(200, '{"code":0,"da'), 'describe', context)
    ).toThrow(TransientError)
  })

  it('makes other HTTP statuses permanent', () => {
    expect(() =>
      readJson(res(405, 'method not allowed'), 'describe', context)
    ).toThrow(ApiError)
  })

  it('recognises job not found by message on any status', () => {
    expect(() =>
      readJson(
        res(
          400,
          '{"code":2100,"message":"import job does not exist, jobID=1: importing data failed"}'
        ),
        'describe',
        context
      )
    ).toThrow(JobNotFoundError)
  })
})

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000)
    expect(retryAfterMs(new Date(10_000).toUTCString(), 5000)).toBe(5000)
    expect(retryAfterMs('soon')).toBeUndefined()
    expect(retryAfterMs(undefined)).toBeUndefined()
  })
})

describe('readJson on a 4xx with an unknown code', () => {
  it('is permanent: retrying a rejected request cannot help', () => {
    let caught: unknown
    try {
      readJson(
        {
          status: 400,
          text: '{"code":404,"message":"route gone"}',
          headers: {}
        },
        'describe',
        context
      )
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ApiError)
    expect((caught as ApiError).transient).toBe(false)
    expect((caught as Error).message).toContain(
      'answered code 404 (HTTP 400): route gone'
    )
  })
})
