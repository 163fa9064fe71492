/**
 * A small forward HTTP proxy on 127.0.0.1, as a corporate network has: it
 * answers absolute-form requests (GET http://host/path) and CONNECT tunnels,
 * and it alone knows the host names in `hosts`, which it resolves to ports
 * on 127.0.0.1. Every request it sees is recorded.
 */
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'

export interface ProxySeen {
  /** GET, POST… for absolute-form requests, CONNECT for tunnels. */
  method: string
  /** The request target: a full URL, or host:port for CONNECT. */
  target: string
}

export interface TestProxy {
  /** http://127.0.0.1:<port> */
  url: string
  seen: ProxySeen[]
  close(): Promise<void>
}

/** Starts a proxy that resolves each name in hosts to 127.0.0.1. */
export async function startProxy(hosts: string[]): Promise<TestProxy> {
  const known = new Set(hosts.map((h) => h.toLowerCase()))
  const seen: ProxySeen[] = []
  const sockets = new Set<net.Socket>()
  const track = (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }

  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', target: req.url ?? '' })
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      res.writeHead(400).end('absolute-form request expected')
      return
    }
    if (!known.has(target.hostname)) {
      res.writeHead(502).end(`unknown host ${target.hostname}`)
      return
    }
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: Number(target.port || 80),
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  server.on('connection', track)

  server.on('connect', (req, client: net.Socket, head: Buffer) => {
    seen.push({ method: 'CONNECT', target: req.url ?? '' })
    const [host, port] = (req.url ?? '').split(':')
    if (!known.has(host.toLowerCase())) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = net.connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    track(upstream)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
