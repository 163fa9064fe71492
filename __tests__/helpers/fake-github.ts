import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** One issue comment the fake API holds. */
export interface FakeComment {
  id: number
  body: string
}

/** One request as the fake API received it. */
export interface GitHubRequest {
  method: string
  path: string
  query: string
  headers: http.IncomingHttpHeaders
  body: string
}

export interface FakeGitHubOptions {
  /** The token requests must carry as `Authorization: Bearer <token>`. */
  token: string
  owner?: string
  repo?: string
  /** The pull request number; default 7. */
  number?: number
  /** Comments already on the pull request, oldest first. */
  comments?: string[]
  /** Refuse writes as a read-only GITHUB_TOKEN does (HTTP 403). */
  readOnly?: boolean
}

/** A running fake of the GitHub issue-comments API. */
export interface FakeGitHub {
  /** http://127.0.0.1:<port> */
  url: string
  requests: GitHubRequest[]
  /** The pull request's comments as they stand now, oldest first. */
  comments: FakeComment[]
  close(): Promise<void>
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text))
  })
  res.end(text)
}

/**
 * Starts a fake of the three GitHub REST calls the PR comment uses (list,
 * create, update issue comments) on 127.0.0.1, with GitHub's paging and its
 * 401/403/404 bodies.
 */
export async function startFakeGitHub(
  options: FakeGitHubOptions
): Promise<FakeGitHub> {
  const repo = `${options.owner ?? 'acme'}/${options.repo ?? 'vectors'}`
  const number = options.number ?? 7
  let nextId = 1000
  const comments: FakeComment[] = (options.comments ?? []).map((body) => ({
    id: nextId++,
    body
  }))
  const requests: GitHubRequest[] = []
  const sockets = new Set<Socket>()
  const view = (c: FakeComment) => ({
    id: c.id,
    body: c.body,
    html_url: `https://github.com/${repo}/pull/${number}#issuecomment-${c.id}`,
    user: { login: 'github-actions[bot]', type: 'Bot' }
  })

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const body = Buffer.concat(chunks).toString('utf8')
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.search.replace(/^\?/, ''),
        headers: req.headers,
        body
      })
      if (req.headers.authorization !== `Bearer ${options.token}`) {
        json(res, 401, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401'
        })
        return
      }
      const list = `/repos/${repo}/issues/${number}/comments`
      const one = new RegExp(`^/repos/${repo}/issues/comments/(\\d+)$`).exec(
        url.pathname
      )
      if (req.method === 'GET' && url.pathname === list) {
        const perPage = Number(url.searchParams.get('per_page') ?? 30)
        const page = Number(url.searchParams.get('page') ?? 1)
        const from = (page - 1) * perPage
        if (from + perPage < comments.length) {
          res.setHeader(
            'Link',
            `<${list}?per_page=${perPage}&page=${page + 1}>; rel="next"`
          )
        }
        json(res, 200, comments.slice(from, from + perPage).map(view))
        return
      }
      const writes =
        (req.method === 'POST' && url.pathname === list) ||
        (req.method === 'PATCH' && one)
      if (writes && options.readOnly) {
        json(res, 403, {
          message: 'Resource not accessible by integration',
          documentation_url:
            'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
          status: '403'
        })
        return
      }
      const text = (JSON.parse(body || '{}') as { body?: string }).body ?? ''
      if (req.method === 'POST' && url.pathname === list) {
        const comment = { id: nextId++, body: text }
        comments.push(comment)
        json(res, 201, view(comment))
        return
      }
      const found = one && comments.find((c) => c.id === Number(one[1]))
      if (req.method === 'PATCH' && found) {
        found.body = text
        json(res, 200, view(found))
        return
      }
      json(res, 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
        status: '404'
      })
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve())
  )
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    comments,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
