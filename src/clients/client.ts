import type { Config } from '../inputs.js'
import type { ImportApi } from './job.js'
import { RestV2Api } from './rest-v2.js'
import { ZillizCloudV1Api } from './zilliz-cloud-v1.js'

/** Builds the client of the API the inputs chose. */
export async function createImportApi(config: Config): Promise<ImportApi> {
  switch (config.api) {
    case 'v1':
      return new ZillizCloudV1Api(config)
    case 'grpc': {
      // The gRPC SDK is large; it is loaded (as its own chunk) only here.
      const { createGrpcApi } = await import('./milvus-grpc.js')
      return createGrpcApi({
        address: config.endpoint,
        token: config.apiKey,
        dbName: config.dbName
      })
    }
    default:
      return new RestV2Api(config)
  }
}
