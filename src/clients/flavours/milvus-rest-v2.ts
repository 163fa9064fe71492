import { RestV2Api } from '../rest-v2.js'
import type { Flavour } from './flavour.js'

/** Self-hosted Milvus 2.4+ REST v2: the flavour of any other http(s) URL. */
export const milvusRestV2: Flavour = {
  name: 'Milvus REST v2',
  api: 'v2',
  detect: (endpoint) => /^https?:$/.test(endpoint.protocol),
  missingInput: () => undefined,
  create: async (config) => new RestV2Api(config)
}
