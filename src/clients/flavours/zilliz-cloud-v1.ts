import { ZillizCloudV1Api } from '../zilliz-cloud-v1.js'
import { missingApiKey, type Flavour } from './flavour.js'

/**
 * True for a legacy v1 controller host: controller.api.<region>.zillizcloud.com,
 * or controller.<region>.zillizcloud.com as a document's title spells it.
 */
export function isZillizV1Host(host: string): boolean {
  return /^controller\.(?:api\.)?[a-z0-9-]+\.(zillizcloud\.com|cloud\.zilliz\.com\.cn)$/i.test(
    host
  )
}

/** The legacy Zilliz Cloud v1 controller API. */
export const zillizCloudV1: Flavour = {
  name: 'Zilliz Cloud v1',
  api: 'v1',
  detect: (endpoint) => isZillizV1Host(endpoint.hostname),
  missingInput(endpoint, inputs) {
    const host = endpoint.hostname
    if (!isZillizV1Host(host)) return undefined
    // The v1 calls take a clusterId only (no serverless project).
    if (!inputs.clusterId)
      return {
        input: 'cluster-id',
        problem: `is required for Zilliz Cloud (${host}): pass your cluster ID, such as in03-xxxxxxxxxxxxxxx.`
      }
    return missingApiKey(endpoint, inputs)
  },
  create: async (config) => new ZillizCloudV1Api(config)
}
