/**
 * Where the gRPC client connects: the endpoint input read as the SDK's
 * host:port and a TLS flag. Kept apart from the client because it is plain
 * URL parsing, with no gRPC in it.
 */
import { InputError } from '../errors.js'
import { safeLogText } from '../text/escape.js'
import { withoutUserinfo } from '../text/userinfo.js'

// Milvus serves gRPC and REST on one port, so with api: grpc an http(s)://
// endpoint means the same host and port, in plain text or TLS.
const DEFAULT_PORTS: Record<string, string> = {
  'grpc:': '19530',
  'grpcs:': '443',
  'http:': '19530',
  'https:': '443'
}

/** Splits grpc://host:port into the SDK's host:port and the TLS flag. */
export function parseAddress(address: string): {
  hostPort: string
  tls: boolean
} {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    url = new URL('invalid:')
  }
  if (!(url.protocol in DEFAULT_PORTS) || !url.hostname) {
    throw new InputError(
      ['endpoint'],
      `must look like grpc://host:19530 or grpcs://host:443 for the gRPC API (http:// and https:// name the same port) (got "${safeLogText(withoutUserinfo(address), 200)}").`
    )
  }
  const port = url.port || DEFAULT_PORTS[url.protocol]
  return {
    hostPort: `${url.hostname}:${port}`,
    tls: url.protocol === 'grpcs:' || url.protocol === 'https:'
  }
}
