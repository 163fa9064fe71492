import { RestV2Api } from '../rest-v2.js'
import { missingApiKey, type Flavour } from './flavour.js'

/** True for the Zilliz Cloud control plane (api.cloud.zilliz.com, .com.cn). */
export function isZillizControlPlane(host: string): boolean {
  return /^api\.cloud\.zilliz\.com(\.cn)?$/i.test(host)
}

/**
 * The Zilliz Cloud control plane v2: its host, or any v2 endpoint given a
 * cluster (or a serverless project and region).
 */
export const zillizCloudV2: Flavour = {
  name: 'Zilliz Cloud v2',
  api: 'v2',
  detect: (endpoint, inputs) =>
    /^https?:$/.test(endpoint.protocol) &&
    (isZillizControlPlane(endpoint.hostname) ||
      Boolean(inputs.clusterId || inputs.projectId || inputs.regionId)),
  missingInput(endpoint, inputs) {
    const { clusterId, projectId, regionId } = inputs
    // Serverless databases are addressed by project and region together.
    if (projectId && !regionId && !clusterId)
      return {
        input: 'region-id',
        problem:
          'is required with project-id: pass the region of the project, such as aws-us-west-2.'
      }
    if (regionId && !projectId && !clusterId)
      return {
        input: 'project-id',
        problem:
          'is required with region-id: pass the project ID, such as proj-xxxxxxxxxxxxxxx.'
      }
    const host = endpoint.hostname
    if (!isZillizControlPlane(host)) return undefined
    if (!clusterId && !projectId)
      return {
        input: 'cluster-id',
        problem: `is required for Zilliz Cloud (${host}): pass your cluster ID, such as in03-xxxxxxxxxxxxxxx, or project-id and region-id for a serverless database.`
      }
    return missingApiKey(endpoint, inputs)
  },
  create: async (config) => new RestV2Api(config)
}
