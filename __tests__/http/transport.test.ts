import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { closeConnections, send } from '../../src/http/transport.js'
import { USER_AGENT } from '../../src/version.js'
import { startProxy } from '../helpers/proxy.js'
import {
  CancelledError,
  MalformedResponseError,
  TransientError
} from '../../src/errors.js'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

async function serve(handler: Handler) {
  const sockets = new Set<net.Socket>()
  const server = http.createServer(handler)
  let connections = 0
  server.on('connection', (s) => {
    connections++
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v2/vectordb/jobs/import/describe`,
    port,
    connections: () => connections,
    openSockets: () => sockets.size,
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
    await expect(post(srv.url, 300)).rejects.toThrow(TransientError)
    await expect(post(srv.url, 300)).rejects.toThrow(
      /^http:\/\/127\.0\.0\.1:\d+\/v2\/vectordb\/jobs\/import\/describe did not answer within 1s\.$/
    )
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
  it('sends the User-Agent and keeps one connection for successive requests', async () => {
    const agents: (string | undefined)[] = []
    const srv = await serve((req, res) => {
      agents.push(req.headers['user-agent'])
      req.resume()
      req.on('end', () => res.end('{"code":0}'))
    })
    await post(srv.url)
    await post(srv.url)
    expect(agents).toEqual([USER_AGENT, USER_AGENT])
    expect(srv.connections()).toBe(1)
    await srv.close()
  })

  it('closes the kept-alive connection on closeConnections()', async () => {
    const srv = await serve((req, res) => res.end('{"code":0}'))
    await post(srv.url)
    expect(srv.openSockets()).toBe(1)
    closeConnections()
    // The server notices the close a moment later.
    for (let i = 0; i < 200 && srv.openSockets() > 0; i++)
      await new Promise((r) => setTimeout(r, 10))
    expect(srv.openSockets()).toBe(0)
    await post(srv.url)
    expect(srv.connections()).toBe(2)
    await srv.close()
  })

  it('returns a 503 or a redirect as it is: no retry, no redirect', async () => {
    const seen: string[] = []
    const srv = await serve((req, res) => {
      seen.push(`${req.method} ${req.url}`)
      if (req.url?.endsWith('/moved')) {
        res.writeHead(302, { location: '/elsewhere' }).end()
      } else res.writeHead(503, { 'retry-after': '2' }).end('busy')
    })
    const res = await send({
      method: 'GET',
      url: srv.url,
      headers: {},
      timeoutMs: 2000
    })
    expect(res).toMatchObject({ status: 503, text: 'busy' })
    expect(res.headers['retry-after']).toBe('2')
    expect((await post(`${srv.url}/moved`)).status).toBe(302)
    expect(seen).toEqual([
      'GET /v2/vectordb/jobs/import/describe',
      'POST /v2/vectordb/jobs/import/describe/moved'
    ])
    await srv.close()
  })

  it('returns a 401 as it is, for the API parser to explain', async () => {
    const srv = await serve((req, res) =>
      res.writeHead(401).end('{"code":1800,"message":"not authenticated"}')
    )
    const res = await post(srv.url)
    expect(res.status).toBe(401)
    expect(res.text).toBe('{"code":1800,"message":"not authenticated"}')
    await srv.close()
  })

  it('turns a body cut off mid-answer into a TransientError', async () => {
    const srv = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '100' })
      res.write('{"code":0,', () => res.socket?.destroy())
    })
    const error = await post(srv.url).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransientError)
    expect((error as Error).message).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/v2\/vectordb\/jobs\/import\/describe (closed the connection mid-answer|broke off its answer: .+)\.$/
    )
    await srv.close()
  })

  it('refuses a body past 64 MiB without waiting for its end', async () => {
    // The server never ends the body; only the cap can stop the read.
    const chunk = Buffer.alloc(1024 * 1024, 'x')
    const srv = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const pump = () => {
        while (res.write(chunk));
      }
      res.on('drain', pump)
      pump()
    })
    const error = await post(srv.url, 20_000).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MalformedResponseError)
    expect((error as Error).message).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/v2\/vectordb\/jobs\/import\/describe sent a body larger than 64 MiB; this is not an import-progress answer\. Check endpoint\.$/
    )
    await srv.close()
  })

  it('stops at once when aborted in the middle of the body', async () => {
    const srv = await serve((req, res) => {
      res.writeHead(200)
      res.write('{"code":0,')
    })
    const controller = new AbortController()
    const pending = post(srv.url, 5000, controller.signal)
    setTimeout(() => controller.abort(), 50)
    await expect(pending).rejects.toThrow(CancelledError)
    await srv.close()
  })

  it('does not send a request that is already cancelled', async () => {
    const srv = await serve((req, res) => res.end('{}'))
    const controller = new AbortController()
    controller.abort()
    await expect(post(srv.url, 2000, controller.signal)).rejects.toThrow(
      CancelledError
    )
    expect(srv.connections()).toBe(0)
    await srv.close()
  })
})

describe('send through a proxy', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  it('reaches a host only the proxy knows, and honours NO_PROXY', async () => {
    const srv = await serve((req, res) => res.end('{"code":0}'))
    const proxy = await startProxy(['milvus.internal'])
    const url = `http://milvus.internal:${srv.port}/v2/vectordb/jobs/import/describe`
    process.env.HTTP_PROXY = proxy.url
    expect((await post(url)).text).toBe('{"code":0}')
    expect(proxy.seen).toEqual([
      { method: 'CONNECT', target: `milvus.internal:${srv.port}` }
    ])
    // Loopback addresses never go through the proxy.
    await post(srv.url)
    expect(proxy.seen).toHaveLength(1)

    process.env.NO_PROXY = 'example.com,.internal'
    await expect(post(url)).rejects.toThrow(
      /^Could not reach http:\/\/milvus\.internal:\d+\/v2\/vectordb\/jobs\/import\/describe: (ENOTFOUND|EAI_AGAIN)\. Check endpoint and that the server is up\.$/
    )
    expect(proxy.seen).toHaveLength(1)
    await proxy.close()
    await srv.close()
  })

  it('names the proxy when it cannot be reached', async () => {
    const proxy = await startProxy([])
    await proxy.close()
    process.env.HTTP_PROXY = proxy.url
    const error = await post('http://milvus.internal:19530/x').catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(TransientError)
    expect((error as Error).message).toBe(
      `Could not reach http://milvus.internal:19530/x through the proxy ${new URL(proxy.url).host}: connect ECONNREFUSED ${new URL(proxy.url).host}. Check endpoint and that the server is up.`
    )
  })
})
