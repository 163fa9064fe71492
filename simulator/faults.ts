/**
 * The faults a simulator can serve instead of its next normal answer: HTTP
 * errors, resets, hangs, broken bodies and API error codes.
 */
import http from 'node:http'
import { milvusReply } from './milvus.js'
import { send, type Flavour, type Reply } from './route.js'
import { cloudReply } from './zilliz.js'

/** A misbehaviour served instead of the next normal answer. */
export type Fault = (
  | {
      kind: 'status'
      status: number
      body?: string
      contentType?: string
      retryAfter?: string
    }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'truncated' }
  | { kind: 'invalid-json' }
  | { kind: 'wrong-shape' }
  | { kind: 'code'; code: number; message: string; httpStatus?: number }
) & {
  /** Served only to a request whose path ends in /<action> (create...). */
  action?: string
}

function nginxPage(status: number): string {
  const title = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

/** The body a well-formed success of this flavour would not have. */
function wrongShape(flavour: Flavour): Reply {
  const body = { code: flavour === 'v1' ? 200 : 0, data: { state: 42 } }
  return flavour === 'milvus' ? milvusReply(body) : cloudReply(body)
}

/**
 * Serves a fault on res; `peek` gives the normal answer without counting a
 * poll, for the truncated fault to cut short.
 */
export function serveFault(
  fault: Fault,
  res: http.ServerResponse,
  flavour: Flavour,
  peek: () => Reply
): void {
  switch (fault.kind) {
    case 'status': {
      const body = fault.body ?? nginxPage(fault.status)
      const headers: Record<string, string> = {
        'Content-Type':
          fault.contentType ??
          (body.trimStart().startsWith('<') ? 'text/html' : 'text/plain')
      }
      if (fault.retryAfter !== undefined)
        headers['Retry-After'] = fault.retryAfter
      send(res, { status: fault.status, headers, body })
      return
    }
    case 'reset':
      res.socket?.resetAndDestroy()
      return
    case 'hang':
      // The socket stays open until the client gives up or close() runs.
      return
    case 'truncated': {
      const full = peek()
      const body = Buffer.from(full.body, 'utf8')
      res.writeHead(200, {
        ...full.headers,
        'Content-Length': String(body.length + 64)
      })
      res.write(
        body.subarray(0, Math.max(1, Math.floor(body.length / 2))),
        () => res.socket?.destroy()
      )
      return
    }
    case 'invalid-json':
      send(res, {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: 'this is not JSON'
      })
      return
    case 'wrong-shape':
      send(res, wrongShape(flavour))
      return
    case 'code':
      send(
        res,
        cloudReply(
          { code: fault.code, message: fault.message },
          fault.httpStatus ?? 200
        )
      )
      return
  }
}
