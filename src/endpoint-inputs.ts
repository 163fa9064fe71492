/**
 * The inputs that say where the import API is and which one it is
 * (endpoint, api) and what it needs (cluster-id, project-id, region-id,
 * api-key), checked against the registry of API flavours.
 */
import { z } from 'zod'
import { API_CHOICES, chooseFlavour } from './clients/client.js'
import type { FlavourInputs, MissingInput } from './clients/client.js'
import { withoutUserinfo } from './text/userinfo.js'

/** The api input's values besides auto (see clients/client.ts). */
export type ApiKind = 'v2' | 'v1' | 'grpc'

/** The endpoint input: an http(s) or grpc(s) URL without credentials. */
export const endpointField = z.string().transform((value, ctx) => {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (!url || !/^(https?|grpcs?):$/.test(url.protocol) || !url.hostname) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a URL such as https://api.cloud.zilliz.com or http://milvus:19530 (got "${withoutUserinfo(value).slice(0, 200)}").`
    })
    return z.NEVER
  }
  if (url.username || url.password) {
    ctx.addIssue({
      code: 'custom',
      message: 'must not carry credentials: pass them in api-key instead.'
    })
    return z.NEVER
  }
  // The API's path is added after the endpoint's: a query or fragment
  // would end up before it.
  if (url.search || url.hash) {
    ctx.addIssue({
      code: 'custom',
      message: `must not have a query or fragment (${url.search ? '?' : '#'}…): give the server's address only, such as https://api.cloud.zilliz.com.`
    })
    return z.NEVER
  }
  return url
})

/** The api input: auto, or the api value of a registered flavour. */
export const apiField = z.enum(API_CHOICES as [string, ...string[]], {
  error: (issue) =>
    `must be ${API_CHOICES.slice(0, -1).join(', ')} or ${API_CHOICES.at(-1)} (got "${String(issue.input)}").`
})

/** The inputs that choose a flavour and that it may need. */
function flavourInputs(raw: Record<string, unknown>): FlavourInputs {
  const text = (name: string) =>
    typeof raw[name] === 'string' ? (raw[name] as string) : undefined
  return {
    clusterId: text('cluster-id'),
    projectId: text('project-id'),
    regionId: text('region-id'),
    apiKey: text('api-key')
  }
}

/**
 * The input the chosen API needs but lacks (a cluster and a key for Zilliz
 * Cloud), with what to pass, or undefined.
 */
export function missingInput(
  api: string,
  endpoint: URL,
  raw: Record<string, unknown>
): MissingInput | undefined {
  const inputs = flavourInputs(raw)
  return chooseFlavour(api, endpoint, inputs).missingInput(endpoint, inputs)
}

/** Picks the API for api: auto from the endpoint and the inputs. */
export function resolveApi(
  api: string,
  endpoint: URL,
  raw: Record<string, unknown> = {}
): ApiKind {
  return chooseFlavour(api, endpoint, flavourInputs(raw)).api as ApiKind
}
